package org.yiwang.intake.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature a subscriber checks: {@code X-Yiwang-Signature: sha256=<hex>}, the HMAC-SHA256 of the
 * exact body bytes with the subscriber's secret. The body carries the event id and time, so they are
 * signed too; a subscriber drops an event id it has seen before.
 */
public final class Signatures {

    public static final String HEADER = "X-Yiwang-Signature";
    public static final String EVENT_ID = "X-Yiwang-Event-Id";
    public static final String EVENT_TYPE = "X-Yiwang-Event";
    public static final String TIMESTAMP = "X-Yiwang-Timestamp";
    public static final String DELIVERY = "X-Yiwang-Delivery";

    private Signatures() {
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code body}. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Constant-time check of a received header value, as a subscriber does it. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII), header.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
