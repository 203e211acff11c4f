package org.yiwang.cogov;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * The co-governance settings ({@code yiwang.cogov}).
 *
 * @param mediation how mediation cases are followed up and escalated
 */
@ConfigurationProperties("yiwang.cogov")
public record CogovProperties(@DefaultValue Mediation mediation) {

    /**
     * @param visitAfter the default time from an agreement to its first follow-up visit (回访)
     * @param escalateAt the risk level from which a case is escalated to the street's command centre
     * @param demo       whether the demo seeder makes a demo case on a fresh demo database
     */
    public record Mediation(@DefaultValue("P14D") Period visitAfter, @DefaultValue("HIGH") String escalateAt,
                            @DefaultValue("true") boolean demo) {
        public Mediation {
            if (visitAfter.isNegative() || visitAfter.isZero()) {
                throw new IllegalArgumentException("yiwang.cogov.mediation.visit-after must be positive");
            }
            try {
                org.yiwang.cogov.mediation.RiskLevel.valueOf(escalateAt);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("yiwang.cogov.mediation.escalate-at must be LOW, MEDIUM or HIGH: " + escalateAt);
            }
        }
    }
}
