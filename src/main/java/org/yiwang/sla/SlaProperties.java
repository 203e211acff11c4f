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
 * @param ladder       the escalation ladder (督办升级) above the first breach
 */
@ConfigurationProperties("yiwang.sla")
record SlaProperties(@DefaultValue("true") boolean scanEnabled,
                     @DefaultValue("30s") Duration scanInterval,
                     @DefaultValue("200") int batchSize,
                     @DefaultValue("1m") Duration resyncAfter,
                     @DefaultValue("10m") Duration auditInterval,
                     @DefaultValue Ladder ladder) {

    /**
     * The second rung of the escalation ladder.
     *
     * @param secondRungAfter how long past its due time a stage may stay red (after the first rung told the
     *                        handling unit's lead and the street's duty leader) before the district command
     *                        centre and the district leader are told and the order is escalated again
     */
    record Ladder(@DefaultValue("4h") Duration secondRungAfter) {

        Ladder {
            if (secondRungAfter.isNegative() || secondRungAfter.isZero()) {
                throw new IllegalArgumentException("yiwang.sla.ladder.second-rung-after must be positive");
            }
        }
    }

    SlaProperties {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("yiwang.sla.batch-size must be 1 to 10000");
        }
        if (scanInterval.isNegative() || scanInterval.isZero()) {
            throw new IllegalArgumentException("yiwang.sla.scan-interval must be positive");
        }
    }
}
