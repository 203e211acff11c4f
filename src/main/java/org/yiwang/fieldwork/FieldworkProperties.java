package org.yiwang.fieldwork;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Settings under {@code yiwang.fieldwork}.
 *
 * @param maxGap          the longest pause between two track points whose time still counts as patrol time
 * @param dailyTarget     the patrol time inside the own grids a day must reach to be 达标
 * @param futureTolerance how far ahead of the server's clock a point's time may be (phones' clocks drift)
 * @param maxBatch        the most points one request may send
 * @param visits          the household visit cycle (入户走访) every grid follows unless an admin or its community sets another
 */
@ConfigurationProperties("yiwang.fieldwork")
public record FieldworkProperties(@DefaultValue("5m") Duration maxGap,
                                  @DefaultValue("3h") Duration dailyTarget,
                                  @DefaultValue("2m") Duration futureTolerance,
                                  @DefaultValue("500") int maxBatch,
                                  @DefaultValue Visits visits) {

    /**
     * @param cycle  a round's length: whole months ({@code P2M}: calendar bimonthly rounds) or days ({@code P60D})
     * @param anchor the first day of round 1; with months, a first of the month keeps the rounds on calendar months
     */
    public record Visits(@DefaultValue("P2M") String cycle, @DefaultValue("2026-01-01") LocalDate anchor) {

        public Visits {
            try {
                VisitCycle.parse(cycle, anchor);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("yiwang.fieldwork.visits.cycle must be 1 to 12 months (P2M) or 1 to 366 days (P60D)");
            }
        }

        /** The default cycle of every grid. */
        public VisitCycle defaultCycle() {
            return VisitCycle.parse(cycle, anchor);
        }
    }

    public FieldworkProperties {
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("yiwang.fieldwork.max-gap must be positive");
        }
        if (dailyTarget.isNegative() || dailyTarget.isZero() || dailyTarget.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("yiwang.fieldwork.daily-target must be more than 0 and at most 24h");
        }
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException("yiwang.fieldwork.future-tolerance must not be negative");
        }
        if (maxBatch < 1 || maxBatch > 10_000) {
            throw new IllegalArgumentException("yiwang.fieldwork.max-batch must be 1 to 10000");
        }
    }
}
