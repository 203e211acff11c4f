package org.yiwang.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
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
import java.util.function.Supplier;

/**
 * Encrypts ID card numbers at rest with AES-256-GCM. The key is {@code yiwang.crypto.id-key} (base64
 * of 32 bytes; set it when several nodes share a database) or else a key generated once into
 * {@code <data-dir>/keys/id-number.key}, readable by the owner only. Ciphertext layout: format byte,
 * 12-byte random nonce, AES-GCM output with its 16-byte tag.
 */
@Component
public class IdNumberCipher {

    private static final Logger log = LoggerFactory.getLogger(IdNumberCipher.class);

    static final byte FORMAT_AES_GCM_V1 = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds ciphertext to its purpose: an ID number ciphertext cannot be passed off as another field. */
    private static final byte[] ASSOCIATED_DATA = "yiwang:people_user.id_number".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final Supplier<SecretKey> key;
    private final Supplier<SecretKey> hashKey;

    @Autowired
    IdNumberCipher(YiwangProperties properties) {
        this(properties.crypto().idKey(), Path.of(properties.dataDir()).resolve("keys").resolve("id-number.key"));
    }

    /** Uses {@code configuredKey} if given, else the key file, created on first use. */
    public IdNumberCipher(String configuredKey, Path keyFile) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            SecretKey fixed = decodeKey(configuredKey.trim(), "yiwang.crypto.id-key");
            this.key = () -> fixed;
        } else {
            this.key = memoize(() -> loadOrCreate(keyFile));
        }
        this.hashKey = memoize(() -> deriveHashKey(key.get()));
    }

    public byte[] encrypt(String plaintext) {
        return encrypt(plaintext, ASSOCIATED_DATA);
    }

    /**
     * Encrypts an ID number held by another record than a user, e.g. {@code "registry_person.id_number"}:
     * the purpose is bound to the ciphertext, so it decrypts only with the same purpose.
     */
    public byte[] encrypt(String plaintext, String purpose) {
        return encrypt(plaintext, associatedData(purpose));
    }

    /** Decrypts what {@link #encrypt(String, String)} made for the same purpose. */
    public String decrypt(byte[] ciphertext, String purpose) {
        return decrypt(ciphertext, associatedData(purpose));
    }

    /**
     * A keyed hash (HMAC-SHA-256) of a normalised ID number, for exact search without storing the number:
     * equal numbers give equal hashes, and without the key nobody can test guesses against the stored
     * hashes. The HMAC key is derived from the encryption key (so there is one key to keep and back up).
     */
    public byte[] lookupHash(String normalizedIdNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey.get());
            return mac.doFinal(normalizedIdNumber.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 failed", e);
        }
    }

    private static byte[] associatedData(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("purpose required");
        }
        return ("yiwang:" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] encrypt(String plaintext, byte[] associatedData) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = borrow();
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            giveBack(cipher);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(FORMAT_AES_GCM_V1).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * A cipher is not thread-safe, and looking one up searches the providers each time (a tenth of a {@code GET /api/me});
     * a few are kept for reuse. Each use initialises it anew (a fresh nonce for every encryption); one that failed is
     * not given back.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Cipher> ciphers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private Cipher borrow() throws GeneralSecurityException {
        Cipher cipher = ciphers.poll();
        return cipher != null ? cipher : Cipher.getInstance("AES/GCM/NoPadding");
    }

    private void giveBack(Cipher cipher) {
        if (ciphers.size() < 16) {
            ciphers.offer(cipher);
        }
    }

    /** @throws IllegalStateException when the ciphertext was altered or made with another key */
    public String decrypt(byte[] ciphertext) {
        return decrypt(ciphertext, ASSOCIATED_DATA);
    }

    private String decrypt(byte[] ciphertext, byte[] associatedData) {
        if (ciphertext == null) {
            return null;
        }
        if (ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8 || ciphertext[0] != FORMAT_AES_GCM_V1) {
            throw new IllegalStateException("Unknown ID number ciphertext format");
        }
        try {
            Cipher cipher = borrow();
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            byte[] plain = cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
            giveBack(cipher);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An ID number cannot be decrypted: it was altered, or the key "
                    + "(yiwang.crypto.id-key or <data-dir>/keys/id-number.key) is not the one it was encrypted with", e);
        }
    }

    /** A fresh random key, base64-encoded, for {@code yiwang.crypto.id-key}. */
    public static String newEncodedKey() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static SecretKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            Path folder = file.toAbsolutePath().getParent();
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (Files.notExists(folder)) {
                if (posix) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
            String encoded = newEncodedKey();
            Path temporary = posix
                    ? Files.createTempFile(folder, "id-number", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(folder, "id-number", ".tmp");
            try {
                Files.writeString(temporary, encoded + "\n", StandardCharsets.US_ASCII);
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException raced) {
                return decodeKey(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            } finally {
                Files.deleteIfExists(temporary);
            }
            log.warn("Generated the ID number encryption key {}. Back it up: without it stored ID numbers cannot be read. "
                    + "When several nodes share one database, give them all the same yiwang.crypto.id-key instead.", file.toAbsolutePath());
            if (!posix) {
                log.warn("The file system has no POSIX permissions: restrict {} to the service account yourself.", file.toAbsolutePath());
            }
            return decodeKey(encoded, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the ID number key " + file.toAbsolutePath(), e);
        }
    }

    private static SecretKey deriveHashKey(SecretKey encryptionKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(encryptionKey.getEncoded(), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal("yiwang:id-number-lookup".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 failed", e);
        }
    }

    private static SecretKey decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must hold " + KEY_BYTES + " bytes (base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        result = value;
                        if (result == null) {
                            value = result = supplier.get();
                        }
                    }
                }
                return result;
            }
        };
    }
}
