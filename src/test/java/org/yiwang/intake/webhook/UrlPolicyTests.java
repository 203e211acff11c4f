package org.yiwang.intake.webhook;

import org.junit.jupiter.api.Test;
import org.yiwang.platform.LocalizedException;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlPolicyTests {

    @Test
    void onlyAbsoluteHttpUrlsWithoutCredentials() {
        assertThat(UrlPolicy.check("https://hotline.example.gov.cn/callback").getHost()).isEqualTo("hotline.example.gov.cn");
        for (String bad : new String[]{"ftp://x/y", "file:///etc/passwd", "/relative", "http://u:p@x/", "http://x/#f", "", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> UrlPolicy.check(bad)).as(bad).isInstanceOf(LocalizedException.class);
        }
    }

    @Test
    void metadataWildcardAndLoopbackAddressesAreRefusedUnlessLoopbackIsAllowed() {
        assertThat(UrlPolicy.refusal(URI.create("http://169.254.169.254/latest"), true)).isPresent();
        assertThat(UrlPolicy.refusal(URI.create("http://0.0.0.0/"), true)).isPresent();
        assertThat(UrlPolicy.refusal(URI.create("http://127.0.0.1:8080/"), false)).isPresent();
        assertThat(UrlPolicy.refusal(URI.create("http://127.0.0.1:8080/"), true)).isEmpty();
        assertThat(UrlPolicy.refusal(URI.create("http://10.1.2.3/"), false)).isEmpty();
    }

    @Test
    void signaturesAreTheHmacOfTheBody() {
        byte[] body = "{\"id\":\"1\"}".getBytes();
        String signature = Signatures.sign("secret", body);
        // echo -n '{"id":"1"}' | openssl dgst -sha256 -hmac secret
        assertThat(signature).isEqualTo("sha256=" + hmac("secret", body)).isEqualTo("sha256=6146142a2ce0159e84c0767881e4ec80bc397da62526e7d19f70795eb79460c0");
        assertThat(Signatures.verify("secret", body, signature)).isTrue();
        assertThat(Signatures.verify("other", body, signature)).isFalse();
        assertThat(Signatures.verify("secret", body, null)).isFalse();
    }

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        var settings = new org.yiwang.intake.IntakeProperties.Webhooks(true, Duration.ofSeconds(1), 50, 8,
                Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(2), false, "");
        var outbox = new WebhookOutbox(null, null, new org.yiwang.intake.IntakeProperties(
                new org.yiwang.intake.IntakeProperties.Imports(1, 200, 1, 4, Duration.ofMinutes(10)), settings), java.time.Clock.systemUTC());
        assertThat(outbox.backoff(1).toMillis()).isBetween(8_000L, 12_000L);
        assertThat(outbox.backoff(2).toMillis()).isBetween(16_000L, 24_000L);
        assertThat(outbox.backoff(3).toMillis()).isBetween(32_000L, 48_000L);
        assertThat(outbox.backoff(30).toMillis()).isBetween(240_000L, 360_000L);
    }

    private static String hmac(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
