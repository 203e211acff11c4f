package org.yiwang.catalog;

import java.time.Duration;
import java.util.Objects;

/**
 * 时限 — an amount of time in a unit: {@code 3 WORKING_DAYS}, {@code 4 WORKING_HOURS}, {@code 60 MINUTES}.
 * {@link WorkingCalendar#due} turns it into a deadline.
 */
public record TimeLimit(int amount, LimitUnit unit) {

    /** Far more than any real limit (a year of working days), small enough that no arithmetic overflows. */
    public static final int MAX_AMOUNT = 100_000;

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("time limit amount must be 1.." + MAX_AMOUNT + ": " + amount);
        }
    }

    public static TimeLimit minutes(int amount) {
        return new TimeLimit(amount, LimitUnit.MINUTES);
    }

    public static TimeLimit workingHours(int amount) {
        return new TimeLimit(amount, LimitUnit.WORKING_HOURS);
    }

    public static TimeLimit workingDays(int amount) {
        return new TimeLimit(amount, LimitUnit.WORKING_DAYS);
    }

    /** The natural duration, for {@link LimitUnit#MINUTES} only. */
    public Duration naturalDuration() {
        if (unit != LimitUnit.MINUTES) {
            throw new IllegalStateException(this + " is counted in working time");
        }
        return Duration.ofMinutes(amount);
    }

    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
