package org.yiwang.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key that signs checkpoints (the JDK's own EdDSA), generated once into
 * {@code <data-dir>/keys/ledger-checkpoint.key} (PKCS#8 and X.509 PEM, readable by the owner only) with its public
 * half beside it in {@code ledger-checkpoint.pub}. Nodes of one installation must share the key file.
 */
final class CheckpointKey {

    static final String PRIVATE_FILE = "ledger-checkpoint.key";
    static final String PUBLIC_FILE = "ledger-checkpoint.pub";
    static final String ALGORITHM = "Ed25519";

    private static final Pattern PEM = Pattern.compile("-----BEGIN (PRIVATE|PUBLIC) KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1 KEY-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key in {@code folder}, generated there first if there is none. */
    static CheckpointKey loadOrGenerate(Path folder) {
        Path file = folder.resolve(PRIVATE_FILE);
        try {
            if (!Files.exists(file)) {
                generate(folder, file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(block(text, "PRIVATE")));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(block(text, "PUBLIC")));
            Path publicFile = folder.resolve(PUBLIC_FILE);
            String publicPem = pem("PUBLIC", publicKey.getEncoded());
            if (!Files.exists(publicFile) || !Files.readString(publicFile, StandardCharsets.US_ASCII).equals(publicPem)) {
                Files.writeString(publicFile, publicPem, StandardCharsets.US_ASCII);
            }
            return new CheckpointKey(privateKey, publicKey);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot load or create the ledger's checkpoint key " + file.toAbsolutePath(), e);
        }
    }

    /** Written whole under a temporary name and moved into place, so two nodes starting at once keep one key. */
    private static void generate(Path folder, Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(folder);
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Path temporary = Files.createTempFile(folder, PRIVATE_FILE, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            Files.writeString(temporary, pem("PRIVATE", pair.getPrivate().getEncoded()) + pem("PUBLIC", pair.getPublic().getEncoded()),
                    StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // another node wrote its key first: use that one
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The public key in a PEM file (the {@code .pub} file, the {@code .key} file, or one saved from the key endpoint). */
    static PublicKey readPublic(Path file) throws IOException {
        try {
            return publicKey(block(Files.readString(file, StandardCharsets.US_ASCII), "PUBLIC"));
        } catch (IllegalArgumentException e) {
            throw new IOException("no Ed25519 public key (-----BEGIN PUBLIC KEY-----) in " + file, e);
        }
    }

    static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static byte[] block(String text, String kind) {
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(kind)) {
                return Base64.getMimeDecoder().decode(matcher.group(2).strip());
            }
        }
        throw new IllegalArgumentException("no " + kind + " KEY block");
    }

    static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + " KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + kind + " KEY-----\n";
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String keyId() {
        return keyId(publicKey);
    }

    static String keyId(PublicKey key) {
        return ChainHash.hex(ChainHash.sha256().digest(key.getEncoded())).substring(0, 16);
    }

    byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code checkpoint} carries a valid signature by {@code key} over its text. */
    static boolean verifies(PublicKey key, Checkpoint checkpoint) {
        try {
            if (checkpoint.signature() == null || checkpoint.rootHash() == null || checkpoint.origin() == null
                    || checkpoint.time() == null) {
                return false;
            }
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(checkpoint.textBytes());
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
