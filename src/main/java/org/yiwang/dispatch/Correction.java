package org.yiwang.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * A dispatcher overrode routing: the order of {@code categoryCode} in {@code streetCode} was sent to
 * {@code chosenOrgUnitId} instead of {@code suggestedOrgUnitId} (null when routing had no answer).
 */
public record Correction(long orderId, String categoryCode, String streetCode, String districtCode,
                         Long suggestedOrgUnitId, long chosenOrgUnitId, long dispatcherUserId, Instant at, String reason) {

    public Correction {
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(at, "at");
    }
}
