package org.yiwang.catalog;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fixed working calendar and its arithmetic (see {@link WorkingCalendar} for the definitions).
 * Immutable and thread-safe; every call is answered in constant or logarithmic time from a table of
 * the working days counted since {@link #FIRST_DAY}, built once when the schedule is made.
 * <p>
 * Working time is measured as a clock W that runs only during working hours: W(x) is the working
 * time from {@link #FIRST_DAY} to x. The working time between two instants is the difference of their
 * W; adding working time d to x answers the earliest instant y with W(y) = W(x) + d. Both are exact to
 * the nanosecond, so that adding in two steps equals adding once.
 */
public final class WorkSchedule implements WorkingCalendar {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    public static final List<WorkingPeriod> DEFAULT_HOURS = List.of(
            new WorkingPeriod(LocalTime.of(8, 30), LocalTime.of(12, 0)),
            new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(17, 30)));
    public static final Set<DayOfWeek> DEFAULT_WEEKEND = Collections.unmodifiableSet(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    public static final int MAX_PERIODS = 6;

    private static final long BASE_DAY = FIRST_DAY.toEpochDay();
    private static final int DAY_COUNT = (int) (LAST_DAY.toEpochDay() - BASE_DAY + 1);
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final List<WorkingPeriod> hours;
    private final Set<DayOfWeek> weekend;
    private final NavigableMap<LocalDate, CalendarDay> days;
    private final ZoneId zone;
    private final long[] opens;
    private final long[] closes;
    private final long dayLength;
    /** workingDaysBefore[i]: working days from FIRST_DAY up to, not including, FIRST_DAY + i. */
    private final int[] workingDaysBefore;

    /**
     * @param hours working periods of a working day, in order, not overlapping
     * @param weekend days of the week that are not working days unless made so (not all seven)
     * @param days holidays and make-up working days, at most one per date, within the supported range
     */
    public WorkSchedule(List<WorkingPeriod> hours, Set<DayOfWeek> weekend, Collection<CalendarDay> days, ZoneId zone) {
        this.hours = List.copyOf(hours);
        this.weekend = weekend.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(weekend));
        this.zone = zone;
        checkHours(this.hours);
        if (this.weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("a week needs at least one working day");
        }
        TreeMap<LocalDate, CalendarDay> byDate = new TreeMap<>();
        for (CalendarDay day : days) {
            if (day.date().isBefore(FIRST_DAY) || day.date().isAfter(LAST_DAY)) {
                throw new IllegalArgumentException("date outside the calendar's range: " + day.date());
            }
            if (byDate.put(day.date(), day) != null) {
                throw new IllegalArgumentException("two entries for " + day.date());
            }
        }
        this.days = Collections.unmodifiableNavigableMap(byDate);
        this.opens = new long[this.hours.size()];
        this.closes = new long[this.hours.size()];
        long length = 0;
        for (int i = 0; i < opens.length; i++) {
            opens[i] = this.hours.get(i).start().toNanoOfDay();
            closes[i] = this.hours.get(i).end().toNanoOfDay();
            length += closes[i] - opens[i];
        }
        this.dayLength = length;
        this.workingDaysBefore = new int[DAY_COUNT + 1];
        for (int i = 0; i < DAY_COUNT; i++) {
            LocalDate date = LocalDate.ofEpochDay(BASE_DAY + i);
            workingDaysBefore[i + 1] = workingDaysBefore[i] + (computeWorkingDay(date) ? 1 : 0);
        }
    }

    /** The default working hours and weekend in China Standard Time, with these holidays and make-up days. */
    public static WorkSchedule standard(Collection<CalendarDay> days) {
        return new WorkSchedule(DEFAULT_HOURS, DEFAULT_WEEKEND, days, ZONE);
    }

    private static void checkHours(List<WorkingPeriod> hours) {
        if (hours.isEmpty() || hours.size() > MAX_PERIODS) {
            throw new IllegalArgumentException("a working day needs 1 to " + MAX_PERIODS + " working periods");
        }
        for (int i = 1; i < hours.size(); i++) {
            if (hours.get(i).start().isBefore(hours.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods must be in order and not overlap: " + hours);
            }
        }
    }

    private boolean computeWorkingDay(LocalDate date) {
        CalendarDay day = days.get(date);
        if (day != null) {
            return day.kind() == DayKind.MAKEUP_WORKDAY;
        }
        return !weekend.contains(date.getDayOfWeek());
    }

    public List<CalendarDay> days() {
        return List.copyOf(days.values());
    }

    public Set<DayOfWeek> weekend() {
        return weekend;
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public List<WorkingPeriod> workingHours() {
        return hours;
    }

    @Override
    public Duration workingDayLength() {
        return Duration.ofNanos(dayLength);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        long index = date.toEpochDay() - BASE_DAY;
        if (index >= 0 && index < DAY_COUNT) {
            return workingDaysBefore[(int) index + 1] > workingDaysBefore[(int) index];
        }
        return computeWorkingDay(date);
    }

    @Override
    public boolean isWorkingTime(Instant instant) {
        long local = localEpochSecond(instant);
        int index = dayIndex(Math.floorDiv(local, SECONDS_PER_DAY));
        if (workingDaysBefore[index + 1] == workingDaysBefore[index]) {
            return false;
        }
        long time = Math.floorMod(local, SECONDS_PER_DAY) * NANOS_PER_SECOND + instant.getNano();
        for (int p = 0; p < opens.length; p++) {
            if (time >= opens[p] && time < closes[p]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        long target;
        try {
            target = Math.addExact(clock(start), workingTime.toNanos());
        } catch (ArithmeticException e) {
            throw beyondRange(workingTime);
        }
        return instantAt(target, workingTime);
    }

    @Override
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days to add must not be negative: " + days);
        }
        return addWorkingTime(start, Duration.ofNanos(Math.multiplyExact(dayLength, (long) days)));
    }

    @Override
    public Duration workingTimeBetween(Instant a, Instant b) {
        return Duration.ofNanos(clock(b) - clock(a));
    }

    /** W(x): working time from the start of {@link #FIRST_DAY} to {@code instant}, in nanoseconds. */
    private long clock(Instant instant) {
        long local = localEpochSecond(instant);
        int index = dayIndex(Math.floorDiv(local, SECONDS_PER_DAY));
        long worked = workingDaysBefore[index] * dayLength;
        if (workingDaysBefore[index + 1] > workingDaysBefore[index]) {
            long time = Math.floorMod(local, SECONDS_PER_DAY) * NANOS_PER_SECOND + instant.getNano();
            for (int p = 0; p < opens.length && time > opens[p]; p++) {
                worked += Math.min(time, closes[p]) - opens[p];
            }
        }
        return worked;
    }

    /** The earliest instant whose W is {@code target} (> 0). */
    private Instant instantAt(long target, Duration added) {
        long fullDays = target / dayLength;
        long rest = target % dayLength;
        // the working day (counted from 1) in which W reaches the target: a whole number of days ends at
        // the closing time of the last of them rather than at the opening of the next
        long dayNumber = rest == 0 ? fullDays : fullDays + 1;
        if (dayNumber > workingDaysBefore[DAY_COUNT]) {
            throw beyondRange(added);
        }
        int index = firstIndexReaching((int) dayNumber) - 1;
        long time;
        if (rest == 0) {
            time = closes[closes.length - 1];
        } else {
            time = -1;
            long before = 0;
            for (int p = 0; p < opens.length; p++) {
                long length = closes[p] - opens[p];
                if (rest <= before + length) {
                    time = opens[p] + (rest - before);
                    break;
                }
                before += length;
            }
        }
        return LocalDate.ofEpochDay(BASE_DAY + index).atTime(LocalTime.ofNanoOfDay(time)).atZone(zone).toInstant();
    }

    /** The first index i with workingDaysBefore[i] ≥ count; count is at most the total. */
    private int firstIndexReaching(int count) {
        int low = 0;
        int high = DAY_COUNT;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (workingDaysBefore[middle] < count) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private long localEpochSecond(Instant instant) {
        return instant.getEpochSecond() + zone.getRules().getOffset(instant).getTotalSeconds();
    }

    private static int dayIndex(long localEpochDay) {
        long index = localEpochDay - BASE_DAY;
        if (index < 0 || index >= DAY_COUNT) {
            throw new IllegalArgumentException("date outside the calendar's range " + FIRST_DAY + ".." + LAST_DAY + ": "
                    + LocalDate.ofEpochDay(localEpochDay));
        }
        return (int) index;
    }

    private static IllegalArgumentException beyondRange(Duration added) {
        return new IllegalArgumentException("adding " + added + " goes beyond the calendar's range, which ends " + LAST_DAY);
    }

    @Override
    public String toString() {
        return "WorkSchedule" + hours + " weekend " + weekend + ", " + days.size() + " days set";
    }
}
