package org.yiwang.services;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings under {@code yiwang.services}.
 *
 * @param maxFileSize     the largest material file (JPEG, PNG or PDF) one upload may carry
 * @param maxFiles        the most material files one application (or one 补正) may carry
 * @param immediateLimit  the working time a 即办件 may take from submission
 * @param rectifyDays     working days a 整改 review after a 差评 has
 */
@ConfigurationProperties("yiwang.services")
public record ServicesProperties(@DefaultValue("5MB") DataSize maxFileSize,
                                 @DefaultValue("20") int maxFiles,
                                 @DefaultValue("2h") Duration immediateLimit,
                                 @DefaultValue("5") int rectifyDays) {

    public ServicesProperties {
        if (maxFileSize.toBytes() < 1024 || maxFileSize.toMegabytes() > 50) {
            throw new IllegalArgumentException("yiwang.services.max-file-size must be 1KB to 50MB");
        }
        if (maxFiles < 1 || maxFiles > 100) {
            throw new IllegalArgumentException("yiwang.services.max-files must be 1 to 100");
        }
        if (immediateLimit.isNegative() || immediateLimit.isZero() || immediateLimit.toHours() > 24) {
            throw new IllegalArgumentException("yiwang.services.immediate-limit must be more than 0 and at most 24h");
        }
        if (rectifyDays < 1 || rectifyDays > 60) {
            throw new IllegalArgumentException("yiwang.services.rectify-days must be 1 to 60");
        }
    }
}
