package org.yiwang.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.notify} (the pause between delivery rounds is
 * {@code yiwang.notify.delivery-interval}, 1s by default).
 *
 * @param deliveryEnabled whether this node runs the outbox worker (nodes never send one message twice at once)
 * @param batchSize       messages claimed per round trip to the database
 * @param maxAttempts     attempts before a message is marked {@code FAILED}
 * @param retryDelay      wait after the first failed attempt; it doubles with every further failure…
 * @param maxRetryDelay   …up to this
 * @param lease           how long a claimed message is left to its worker before another may try it
 * @param keepDelivered   how long sent and skipped messages stay in the outbox
 * @param baseUrl         the platform's public address, put before a notice's link in SMS and e-mail;
 *                        without it, outbound messages carry no link
 */
@ConfigurationProperties("yiwang.notify")
record NotifyProperties(@DefaultValue("true") boolean deliveryEnabled,
                        @DefaultValue("100") int batchSize,
                        @DefaultValue("8") int maxAttempts,
                        @DefaultValue("30s") Duration retryDelay,
                        @DefaultValue("1h") Duration maxRetryDelay,
                        @DefaultValue("5m") Duration lease,
                        @DefaultValue("30d") Duration keepDelivered,
                        String baseUrl) {

    NotifyProperties {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("yiwang.notify.batch-size and max-attempts must be positive");
        }
        if (retryDelay.isNegative() || maxRetryDelay.compareTo(retryDelay) < 0 || !lease.isPositive()) {
            throw new IllegalArgumentException("yiwang.notify: need 0 <= retry-delay <= max-retry-delay and a positive lease");
        }
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
    }

    /** The wait after failed attempt number {@code attempts} (1 for the first). */
    Duration backoff(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
