package org.yiwang.catalog;

import java.util.Optional;

/** How a time limit is counted. */
public enum LimitUnit {
    /** Natural minutes, around the clock, holidays included. */
    MINUTES,
    /** Hours of working time on the {@link WorkingCalendar}. */
    WORKING_HOURS,
    /** Working days on the {@link WorkingCalendar}: each the length of a working day's working hours. */
    WORKING_DAYS;

    public static Optional<LimitUnit> parse(String text) {
        return Enums.parse(LimitUnit.class, text);
    }
}
