package org.yiwang.intake.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiwang.intake.IntakeProperties;
import org.yiwang.platform.YiwangProperties;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps subscriber secrets encrypted at rest (AES-256-GCM): signing needs the secret itself, so it
 * cannot be hashed like a password. The key is {@code yiwang.intake.webhooks.secret-key} or a key file
 * generated once into {@code <data-dir>/keys/webhook-secret.key}, readable by the owner only.
 */
@Component
class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] ASSOCIATED_DATA = "yiwang:intake_webhook.secret".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final String configured;
    private final Path keyFile;
    private volatile SecretKey key;

    SecretCipher(IntakeProperties properties, YiwangProperties yiwang) {
        this.configured = properties.webhooks().secretKey();
        this.keyFile = Path.of(yiwang.dataDir()).resolve("keys").resolve("webhook-secret.key");
    }

    byte[] encrypt(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    String decrypt(byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new IllegalStateException("Unknown webhook secret format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            return new String(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret cannot be decrypted: the key (yiwang.intake.webhooks.secret-key or "
                    + "<data-dir>/keys/webhook-secret.key) is not the one it was encrypted with", e);
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = configured != null && !configured.isBlank() ? decode(configured.trim(), "yiwang.intake.webhooks.secret-key")
                            : loadOrCreate(keyFile);
                }
                k = key;
            }
        }
        return k;
    }

    private static SecretKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            Path folder = file.toAbsolutePath().getParent();
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Files.createDirectories(folder);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String encoded = Base64.getEncoder().encodeToString(bytes);
            Path temporary = posix
                    ? Files.createTempFile(folder, "webhook-secret", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(folder, "webhook-secret", ".tmp");
            try {
                Files.writeString(temporary, encoded + "\n", StandardCharsets.US_ASCII);
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException raced) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            } finally {
                Files.deleteIfExists(temporary);
            }
            log.warn("Generated the webhook secret key {}. Back it up; several nodes sharing a database need the same "
                    + "yiwang.intake.webhooks.secret-key instead.", file.toAbsolutePath());
            return decode(encoded, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook secret key " + file.toAbsolutePath(), e);
        }
    }

    private static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes (base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
