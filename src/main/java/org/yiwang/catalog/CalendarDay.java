package org.yiwang.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date whose status the calendar sets explicitly: a holiday or a make-up working day.
 *
 * @param name what it is for, e.g. 春节 or 国庆节调休上班
 */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

    public static final int MAX_NAME_LENGTH = 50;

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? null : name.strip();
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("day name longer than " + MAX_NAME_LENGTH);
        }
    }
}
