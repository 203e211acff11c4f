package org.yiwang.catalog;

import org.yiwang.platform.ChinaTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * 工作日历 — working days and hours in China Standard Time, for time limits counted in working time.
 * <p>
 * Working time is the working hours ({@link #workingHours()}, by default 08:30–12:00 and 13:30–17:30)
 * of working days: weekdays that are not holidays, plus make-up working days (调休上班) even on a
 * weekend. A working day as a unit is the length of one day's working hours (7.5 h by default), so
 * "3 working days" from Friday 16:00 is Wednesday 16:00 when Monday to Wednesday are working days. Time
 * outside working hours does not count: a start outside them counts from the next opening. A deadline is
 * the earliest instant at which the working time has passed, so when it runs out exactly at a closing time
 * the deadline is that closing time, not the next opening: one working day from Monday 08:30 is Monday
 * 17:30, and 3.5 working hours from 08:30 end at 12:00.
 * <p>
 * The bean that other modules inject always answers from memory with the calendar as last changed (no
 * database access per call); {@link WorkSchedule} is the same arithmetic over a fixed calendar. Dates
 * from {@link WorkSchedule#FIRST_DAY} to {@link WorkSchedule#LAST_DAY} are supported; an instant outside
 * them is an {@link IllegalArgumentException}.
 */
public interface WorkingCalendar {

    /** The platform's zone: China Standard Time. */
    ZoneId ZONE = ChinaTime.ZONE;

    /** Whether the date is a working day: a weekday that is no holiday, or a make-up working day. */
    boolean isWorkingDay(LocalDate date);

    /** Whether the instant lies within working hours of a working day (closing times excluded). */
    boolean isWorkingTime(Instant instant);

    /** The working periods of each working day, in order. */
    List<WorkingPeriod> workingHours();

    /** The length of one working day's working hours. */
    Duration workingDayLength();

    /**
     * The earliest instant by which {@code workingTime} of working time has passed since {@code start}.
     * For a positive duration the result lies within working hours or at a closing time (never on a
     * holiday); a zero duration returns {@code start} itself.
     *
     * @throws IllegalArgumentException for a negative duration
     */
    Instant addWorkingTime(Instant start, Duration workingTime);

    /**
     * {@code days} working days after {@code start}: {@link #addWorkingTime} of {@code days} ×
     * {@link #workingDayLength()}. Within working hours this is the same time of day on the
     * {@code days}-th following working day; a start outside them counts from the next opening, so that
     * one working day from Saturday 10:00 is the Monday's closing time.
     *
     * @throws IllegalArgumentException for a negative number of days
     */
    Instant addWorkingDays(Instant start, int days);

    /** The working time between two instants; negative when {@code b} is before {@code a}. */
    Duration workingTimeBetween(Instant a, Instant b);

    /** The deadline of a limit that starts at {@code start}, counted in the limit's unit. */
    default Instant due(Instant start, TimeLimit limit) {
        return switch (limit.unit()) {
            case MINUTES -> start.plus(limit.naturalDuration());
            case WORKING_HOURS -> addWorkingTime(start, Duration.ofHours(limit.amount()));
            case WORKING_DAYS -> addWorkingDays(start, limit.amount());
        };
    }

    /** The length of a limit in its own kind of time: natural time for minutes, working time otherwise. */
    default Duration length(TimeLimit limit) {
        return switch (limit.unit()) {
            case MINUTES -> limit.naturalDuration();
            case WORKING_HOURS -> Duration.ofHours(limit.amount());
            case WORKING_DAYS -> workingDayLength().multipliedBy(limit.amount());
        };
    }

    /** Time passed between {@code start} and {@code now} as a limit in {@code unit} counts it. */
    default Duration elapsed(Instant start, Instant now, LimitUnit unit) {
        return unit == LimitUnit.MINUTES ? Duration.between(start, now) : workingTimeBetween(start, now);
    }

    /**
     * How much of the limit is used up at {@code now}: 0 at the start, 1 at the deadline, above 1 when
     * overdue — what the traffic light of a stage shows (green below 0.8, yellow to 1, red above).
     */
    default double fractionUsed(Instant start, Instant now, TimeLimit limit) {
        return (double) elapsed(start, now, limit.unit()).toNanos() / length(limit).toNanos();
    }
}
