package org.yiwang.people.security;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCodecTests {

    @RepeatedTest(20)
    void tokensCarry32RandomBytesBehindTheirPrefix() {
        String token = TokenCodec.generate();
        assertThat(token).startsWith("ywt_").hasSize(4 + 43);
        assertThat(TokenCodec.wellFormed(token)).isTrue();
    }

    @Test
    void tokensAreNeverRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(TokenCodec.generate())).isTrue();
        }
    }

    @Test
    void theStoredHashIsSha256OfTheWholeToken() {
        String token = "ywt_" + "A".repeat(43);
        assertThat(HexFormat.of().formatHex(TokenCodec.hash(token)))
                .isEqualTo(HexFormat.of().formatHex(sha256(token)));
        assertThat(TokenCodec.hash(token)).hasSize(32).isEqualTo(TokenCodec.hash(token));
        assertThat(TokenCodec.hash(token)).isNotEqualTo(TokenCodec.hash("ywt_" + "A".repeat(42) + "B"));
    }

    @Test
    void malformedTokensAreRecognizedWithoutALookup() {
        assertThat(TokenCodec.wellFormed(null)).isFalse();
        assertThat(TokenCodec.wellFormed("ywt_short")).isFalse();
        assertThat(TokenCodec.wellFormed("xyz_" + "A".repeat(43))).isFalse();
        assertThat(TokenCodec.wellFormed("ywt_" + "A".repeat(42) + "=")).isFalse();
    }

    @Test
    void theHintShowsOnlyTheLastFourCharacters() {
        String token = TokenCodec.generate();
        assertThat(TokenCodec.hint(token)).isEqualTo("ywt_…" + token.substring(token.length() - 4));
    }

    static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
