package org.yiwang.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberCipherTests {

    static final String ID = "320104198503150021";

    @TempDir
    Path dataDir;

    @Test
    void decryptsWhatItEncrypted() {
        IdNumberCipher cipher = new IdNumberCipher(IdNumberCipher.newEncodedKey(), dataDir.resolve("unused.key"));
        assertThat(cipher.decrypt(cipher.encrypt(ID))).isEqualTo(ID);
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void ciphertextRevealsNothingOfThePlaintext() {
        IdNumberCipher cipher = new IdNumberCipher(IdNumberCipher.newEncodedKey(), dataDir.resolve("unused.key"));
        byte[] first = cipher.encrypt(ID);
        byte[] second = cipher.encrypt(ID);
        String asText = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain(ID).doesNotContain(ID.substring(6, 14));
        assertThat(first).isNotEqualTo(second); // fresh nonce every time
        assertThat(first.length).isEqualTo(1 + 12 + ID.length() + 16);
    }

    @Test
    void alteredCiphertextIsRefused() {
        IdNumberCipher cipher = new IdNumberCipher(IdNumberCipher.newEncodedKey(), dataDir.resolve("unused.key"));
        byte[] sealed = cipher.encrypt(ID);
        sealed[sealed.length - 20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reusedCiphersStayCorrectAcrossThreadsAndAfterARefusal() throws Exception {
        IdNumberCipher cipher = new IdNumberCipher(IdNumberCipher.newEncodedKey(), dataDir.resolve("unused.key"));
        byte[] altered = cipher.encrypt(ID);
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String id = String.format("3201041985%04d%04d", thread, i);
                        byte[] sealed = cipher.encrypt(id);
                        if (!id.equals(cipher.decrypt(sealed)) || java.util.Arrays.equals(sealed, cipher.encrypt(id))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        }
        assertThat(cipher.decrypt(cipher.encrypt(ID))).isEqualTo(ID);
    }

    @Test
    void ciphertextOfOnePurposeCannotBePassedOffAsAnother() {
        IdNumberCipher cipher = new IdNumberCipher(IdNumberCipher.newEncodedKey(), dataDir.resolve("unused.key"));
        byte[] registry = cipher.encrypt(ID, "registry_person.id_number");
        assertThat(cipher.decrypt(registry, "registry_person.id_number")).isEqualTo(ID);
        assertThatThrownBy(() -> cipher.decrypt(registry)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(cipher.encrypt(ID), "registry_person.id_number")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lookupHashIsStablePerKeyAndHidesTheNumber() {
        String key = IdNumberCipher.newEncodedKey();
        IdNumberCipher cipher = new IdNumberCipher(key, dataDir.resolve("unused.key"));
        byte[] hash = cipher.lookupHash(ID);
        assertThat(hash).hasSize(32).isEqualTo(new IdNumberCipher(key, dataDir.resolve("other.key")).lookupHash(ID));
        assertThat(cipher.lookupHash("11010519491231002X")).isNotEqualTo(hash);
        assertThat(new IdNumberCipher(IdNumberCipher.newEncodedKey(), dataDir.resolve("x.key")).lookupHash(ID)).isNotEqualTo(hash);
        byte[] plainSha = sha256(ID);
        assertThat(hash).isNotEqualTo(plainSha); // keyed: a dictionary of ID numbers does not find it
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherKeyCannotDecrypt() {
        byte[] sealed = new IdNumberCipher(IdNumberCipher.newEncodedKey(), dataDir.resolve("a.key")).encrypt(ID);
        IdNumberCipher other = new IdNumberCipher(IdNumberCipher.newEncodedKey(), dataDir.resolve("b.key"));
        assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("key");
    }

    @Test
    void generatesTheKeyFileOnceReadableByTheOwnerOnly() throws Exception {
        Path keyFile = dataDir.resolve("keys").resolve("id-number.key");
        IdNumberCipher first = new IdNumberCipher("", keyFile);
        assertThat(keyFile).doesNotExist(); // created on first use, not before
        byte[] sealed = first.encrypt(ID);
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent()))).isEqualTo("rwx------");
        String key = Files.readString(keyFile);

        IdNumberCipher restarted = new IdNumberCipher(null, keyFile);
        assertThat(restarted.decrypt(sealed)).isEqualTo(ID);
        assertThat(Files.readString(keyFile)).isEqualTo(key);
        try (var files = Files.list(keyFile.getParent())) {
            assertThat(files).containsExactly(keyFile);
        }
    }

    @Test
    void configuredKeyWinsOverTheFile() {
        String key = IdNumberCipher.newEncodedKey();
        Path keyFile = dataDir.resolve("keys").resolve("id-number.key");
        byte[] sealed = new IdNumberCipher(key, keyFile).encrypt(ID);
        assertThat(new IdNumberCipher(key, keyFile).decrypt(sealed)).isEqualTo(ID);
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void keysOfTheWrongSizeAreRefused() {
        assertThatThrownBy(() -> new IdNumberCipher("c2hvcnQ=", dataDir.resolve("k"))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new IdNumberCipher("not base64!", dataDir.resolve("k"))).hasMessageContaining("base64");
    }
}
