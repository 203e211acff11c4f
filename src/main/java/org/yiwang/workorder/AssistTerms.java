package org.yiwang.workorder;

import org.jspecify.annotations.Nullable;

/**
 * What the dispatcher (or the arbiter's ruling) asks of one co-handling unit (协办单位): its part and, optionally,
 * its own limit in working days; without one its part is due with the lead unit's handling.
 *
 * @param part        what the unit must do; blank means "assist the lead unit"
 * @param workingDays its own limit in working days (1–60), or null
 */
public record AssistTerms(long orgUnitId, @Nullable String part, @Nullable Integer workingDays) {

    public static final int MAX_DAYS = 60;

    public AssistTerms {
        part = part == null ? "" : part.strip();
    }
}
