package org.yiwang.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.sla}.
 *
 * @param scanEnabled  whether this node runs the scheduled rounds (only one node at a time does, whatever this says)
 * @param scanInterval the pause between two rounds
 * @param batchSize    clocks claimed per query in a round
 * @param resyncAfter  how long a clock may stay behind its order (events not applied yet) before a round
 *                     sets it from the order itself
 * @param auditInterval the pause between two audits of the overdue orders' clocks (see {@link ClockAudit})
 */
@ConfigurationProperties("yiwang.sla")
record SlaProperties(@DefaultValue("true") boolean scanEnabled,
                     @DefaultValue("30s") Duration scanInterval,
                     @DefaultValue("200") int batchSize,
                     @DefaultValue("1m") Duration resyncAfter,
                     @DefaultValue("10m") Duration auditInterval) {

    SlaProperties {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("yiwang.sla.batch-size must be 1 to 10000");
        }
        if (scanInterval.isNegative() || scanInterval.isZero()) {
            throw new IllegalArgumentException("yiwang.sla.scan-interval must be positive");
        }
    }
}
