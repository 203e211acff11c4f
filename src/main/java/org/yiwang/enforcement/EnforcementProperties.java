package org.yiwang.enforcement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.enforcement}.
 *
 * @param arrivalLimit   how soon a summoned department must arrive on site (联合执法 "10 分钟到场")
 * @param arrivalScan    how often the arrival clock looks for departments that are late
 * @param rectifyDays    the default period of a 责令改正通知书, in days
 * @param reinspectDays  the default period until the follow-up re-inspection, in days
 */
@ConfigurationProperties("yiwang.enforcement")
public record EnforcementProperties(@DefaultValue("10m") Duration arrivalLimit,
                                    @DefaultValue("30s") Duration arrivalScan,
                                    @DefaultValue("7") int rectifyDays,
                                    @DefaultValue("7") int reinspectDays) {

    public EnforcementProperties {
        if (arrivalLimit.isNegative() || arrivalLimit.isZero() || arrivalLimit.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("yiwang.enforcement.arrival-limit must be between 1 second and 24 hours");
        }
        if (arrivalScan.isNegative() || arrivalScan.isZero()) {
            throw new IllegalArgumentException("yiwang.enforcement.arrival-scan must be positive");
        }
        if (rectifyDays < 1 || rectifyDays > 365 || reinspectDays < 1 || reinspectDays > 365) {
            throw new IllegalArgumentException("yiwang.enforcement.rectify-days and reinspect-days must be 1 to 365");
        }
    }
}
