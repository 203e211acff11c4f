package org.yiwang.catalog;

/**
 * A year the calendar has holiday data for.
 *
 * @param provisional the State Council's schedule for the year (调休安排) is not in yet: only the
 *                    statutory holidays are, and an administrator should complete the year
 * @param source where the data comes from
 */
public record CalendarYear(int year, boolean provisional, String source) {

    public static final int MAX_SOURCE_LENGTH = 300;

    public CalendarYear {
        if (year < WorkSchedule.FIRST_DAY.getYear() || year > WorkSchedule.LAST_DAY.getYear()) {
            throw new IllegalArgumentException("year outside the calendar's range: " + year);
        }
        source = source == null || source.isBlank() ? null : source.strip();
        if (source != null && source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("source longer than " + MAX_SOURCE_LENGTH);
        }
    }
}
