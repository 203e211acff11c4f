package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;

/** A department summoned to a case, on the arrival clock: due at, arrived at, escalated when it was late. */
public record Summons(long departmentId, String departmentName, Instant summonedAt, Instant dueAt, @Nullable Instant arrivedAt,
                      @Nullable String arrivedByName, @Nullable Instant escalatedAt) {

    /** The arrival light: green under 80 % of the limit, yellow to 100 %, red beyond; once arrived, green if on time. */
    public enum Light { GREEN, YELLOW, RED }

    public Light light(Instant now) {
        Instant until = arrivedAt != null ? arrivedAt : now;
        long limit = Math.max(1, Duration.between(summonedAt, dueAt).toMillis());
        long used = Duration.between(summonedAt, until).toMillis();
        if (arrivedAt != null) {
            return used <= limit ? Light.GREEN : Light.RED;
        }
        double fraction = (double) used / limit;
        return fraction < 0.8 ? Light.GREEN : fraction <= 1.0 ? Light.YELLOW : Light.RED;
    }
}
