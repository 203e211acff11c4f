package org.yiwang.catalog;

import java.time.LocalDate;

/**
 * The working calendar changed: a date was set or cleared, or the working hours or weekend changed.
 * Deadlines in working time that reach past {@code from} may move.
 *
 * @param from the earliest date affected ({@link WorkSchedule#FIRST_DAY} when the hours changed)
 */
public record WorkingCalendarChanged(LocalDate from) {
}
