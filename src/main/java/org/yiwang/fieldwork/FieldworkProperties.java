package org.yiwang.fieldwork;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.fieldwork}.
 *
 * @param maxGap          the longest pause between two track points whose time still counts as patrol time
 * @param dailyTarget     the patrol time inside the own grids a day must reach to be 达标
 * @param futureTolerance how far ahead of the server's clock a point's time may be (phones' clocks drift)
 * @param maxBatch        the most points one request may send
 */
@ConfigurationProperties("yiwang.fieldwork")
public record FieldworkProperties(@DefaultValue("5m") Duration maxGap,
                                  @DefaultValue("3h") Duration dailyTarget,
                                  @DefaultValue("2m") Duration futureTolerance,
                                  @DefaultValue("500") int maxBatch) {

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
