package org.yiwang.catalog;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.yiwang.catalog.internal.ShippedData;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Laws of working-time arithmetic, on the shipped calendar around 2026–2027. */
class WorkSchedulePropertyTests {

    static final WorkSchedule CHINA = WorkSchedule.standard(ShippedData.holidays());
    static final Instant FROM = LocalDateTime.parse("2025-11-01T00:00").atZone(WorkingCalendar.ZONE).toInstant();
    static final Instant TO = LocalDateTime.parse("2028-01-01T00:00").atZone(WorkingCalendar.ZONE).toInstant();

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anyTime = Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond())
                .flatMap(second -> Arbitraries.integers().between(0, 999_999_999).map(nano -> Instant.ofEpochSecond(second, nano)));
        // times that sit exactly on openings, closings and midnight, where off-by-one errors live
        Arbitrary<Instant> onTheMinute = Arbitraries.longs().between(FROM.getEpochSecond() / 60, TO.getEpochSecond() / 60)
                .map(minute -> Instant.ofEpochSecond(minute * 60));
        Arbitrary<Instant> onBoundaries = Arbitraries.integers().between(0, 800)
                .flatMap(day -> Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.of(8, 30), LocalTime.of(12, 0), LocalTime.of(13, 30),
                                LocalTime.of(17, 30))
                        .map(time -> LocalDate.of(2025, 11, 1).plusDays(day).atTime(time).atZone(WorkingCalendar.ZONE).toInstant()));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, anyTime), net.jqwik.api.Tuple.of(3, onTheMinute),
                net.jqwik.api.Tuple.of(2, onBoundaries));
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 60 * 120).map(Duration::ofMinutes)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, Duration.ofHours(80).toNanos()).map(Duration::ofNanos)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 20).map(d -> CHINA.workingDayLength().multipliedBy(d))));
    }

    @Provide
    Arbitrary<TimeLimit> limits() {
        return Arbitraries.integers().between(1, 200).flatMap(amount -> Arbitraries.of(LimitUnit.class)
                .map(unit -> new TimeLimit(unit == LimitUnit.WORKING_DAYS ? Math.min(amount, 30) : amount, unit)));
    }

    @Property
    void aDeadlineIsNeverBeforeItsStart(@ForAll("instants") Instant start, @ForAll("limits") TimeLimit limit) {
        assertThat(CHINA.due(start, limit)).isAfter(start);
    }

    @Property
    void theWorkingTimeUpToTheResultIsWhatWasAdded(@ForAll("instants") Instant start, @ForAll("durations") Duration added) {
        assertThat(CHINA.workingTimeBetween(start, CHINA.addWorkingTime(start, added))).isEqualTo(added);
    }

    @Property
    void addingInTwoStepsEqualsAddingOnce(@ForAll("instants") Instant start, @ForAll("durations") Duration first,
                                          @ForAll("durations") Duration second) {
        assertThat(CHINA.addWorkingTime(CHINA.addWorkingTime(start, first), second))
                .isEqualTo(CHINA.addWorkingTime(start, first.plus(second)));
    }

    @Property
    void addingWorkingDaysInTwoStepsEqualsAddingOnce(@ForAll("instants") Instant start, @ForAll @IntRange(max = 15) int first,
                                                     @ForAll @IntRange(max = 15) int second) {
        assertThat(CHINA.addWorkingDays(CHINA.addWorkingDays(start, first), second)).isEqualTo(CHINA.addWorkingDays(start, first + second));
    }

    @Property
    void aResultLiesInWorkingHoursOfAWorkingDayOrAtAClosingTime(@ForAll("instants") Instant start, @ForAll("durations") Duration added) {
        if (added.isZero()) {
            return;
        }
        Instant result = CHINA.addWorkingTime(start, added);
        ZonedDateTime local = result.atZone(WorkingCalendar.ZONE);
        assertThat(CHINA.isWorkingDay(local.toLocalDate())).as("%s is a working day", local).isTrue();
        boolean closing = CHINA.workingHours().stream().anyMatch(p -> p.end().equals(local.toLocalTime()));
        assertThat(CHINA.isWorkingTime(result) || closing).as("%s is within working hours or at closing time", local).isTrue();
        assertThat(CHINA.days().stream().filter(d -> d.kind() == DayKind.HOLIDAY).map(CalendarDay::date))
                .doesNotContain(local.toLocalDate());
    }

    @Property
    void withinWorkingHoursNWorkingDaysIsTheSameTimeOnTheNthFollowingWorkingDay(@ForAll("instants") Instant start,
                                                                              @ForAll @IntRange(min = 1, max = 25) int days) {
        if (!CHINA.isWorkingTime(start)) {
            return;
        }
        ZonedDateTime local = start.atZone(WorkingCalendar.ZONE);
        LocalDate date = local.toLocalDate();
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (CHINA.isWorkingDay(date)) {
                counted++;
            }
        }
        Instant sameTime = date.atTime(local.toLocalTime()).atZone(WorkingCalendar.ZONE).toInstant();
        Instant result = CHINA.addWorkingDays(start, days);
        // the same working moment: the same time, or — from an opening time — the closing time before it
        assertThat(result).isBeforeOrEqualTo(sameTime);
        assertThat(CHINA.workingTimeBetween(result, sameTime)).isZero();
        if (!result.equals(sameTime)) {
            assertThat(CHINA.workingHours()).extracting(WorkingPeriod::start).contains(local.toLocalTime());
        }
    }

    @Property
    void makeUpWorkingDaysCountInFull(@ForAll("makeUpDays") LocalDate day) {
        assertThat(CHINA.isWorkingDay(day)).isTrue();
        Instant opening = day.atTime(8, 30).atZone(WorkingCalendar.ZONE).toInstant();
        Instant closing = day.atTime(17, 30).atZone(WorkingCalendar.ZONE).toInstant();
        assertThat(CHINA.workingTimeBetween(opening, closing)).isEqualTo(CHINA.workingDayLength());
        assertThat(CHINA.addWorkingDays(opening, 1)).isEqualTo(closing);
    }

    @Provide
    Arbitrary<LocalDate> makeUpDays() {
        return Arbitraries.of(CHINA.days().stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).map(CalendarDay::date).toList());
    }

    @Property
    void workingTimeIsAdditiveOverAnyMidpoint(@ForAll("instants") Instant a, @ForAll("instants") Instant b, @ForAll("instants") Instant c) {
        assertThat(CHINA.workingTimeBetween(a, b).plus(CHINA.workingTimeBetween(b, c))).isEqualTo(CHINA.workingTimeBetween(a, c));
        assertThat(CHINA.workingTimeBetween(a, b).isNegative()).isEqualTo(CHINA.workingTimeBetween(b, a).compareTo(Duration.ZERO) > 0);
    }

    @Property
    void workingTimeNeverExceedsNaturalTime(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        if (b.isBefore(a)) {
            return;
        }
        assertThat(CHINA.workingTimeBetween(a, b)).isLessThanOrEqualTo(Duration.between(a, b));
    }
}
