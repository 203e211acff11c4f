package org.yiwang.catalog;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.internal.ShippedData;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working-time arithmetic on the shipped 2026 and 2027 calendar, at the holidays and make-up days that matter. */
class WorkScheduleTests {

    static final WorkSchedule CHINA = WorkSchedule.standard(ShippedData.holidays());

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    @Test
    void threeWorkingDaysFromFridayAfternoonEndOnWednesdayAtTheSameTime() {
        assertThat(CHINA.addWorkingDays(at("2026-03-06T16:00"), 3)).isEqualTo(at("2026-03-11T16:00"));
        assertThat(CHINA.due(at("2026-03-06T16:00"), TimeLimit.workingDays(3))).isEqualTo(at("2026-03-11T16:00"));
    }

    @Test
    void aWorkingDayIsTheLengthOfTheWorkingHours() {
        assertThat(CHINA.workingDayLength()).isEqualTo(Duration.ofMinutes(450));
        assertThat(CHINA.workingTimeBetween(at("2026-03-09T00:00"), at("2026-03-10T00:00"))).isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void theNationalDayHolidayIsSkippedAndTheMakeUpSaturdayCounts() {
        // 国庆 2026: 10-01..10-07 off, 09-20 (Sunday) and 10-10 (Saturday) are working days
        assertThat(CHINA.addWorkingDays(at("2026-09-30T16:00"), 1)).isEqualTo(at("2026-10-08T16:00"));
        assertThat(CHINA.addWorkingDays(at("2026-10-09T16:00"), 1)).isEqualTo(at("2026-10-10T16:00"));
        assertThat(CHINA.addWorkingDays(at("2026-09-18T10:00"), 1)).isEqualTo(at("2026-09-20T10:00"));
        assertThat(CHINA.workingTimeBetween(at("2026-09-30T08:30"), at("2026-10-08T17:30"))).isEqualTo(Duration.ofHours(15));
        assertThat(CHINA.addWorkingTime(at("2026-09-30T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-10-08T09:00"));
    }

    @Test
    void theMidAutumnWeekendIsOff() {
        // 中秋 2026: 09-25 (Friday) .. 09-27 off
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-09-25"))).isFalse();
        assertThat(CHINA.addWorkingDays(at("2026-09-24T16:00"), 1)).isEqualTo(at("2026-09-28T16:00"));
    }

    @Test
    void theSpringFestivalIsSkippedAndItsMakeUpSaturdaysCount() {
        // 春节 2026: 02-15..02-23 off, 02-14 and 02-28 (Saturdays) are working days
        assertThat(CHINA.addWorkingDays(at("2026-02-13T16:00"), 1)).isEqualTo(at("2026-02-14T16:00"));
        assertThat(CHINA.addWorkingDays(at("2026-02-14T16:00"), 1)).isEqualTo(at("2026-02-24T16:00"));
        assertThat(CHINA.addWorkingDays(at("2026-02-27T09:00"), 1)).isEqualTo(at("2026-02-28T09:00"));
        assertThat(CHINA.workingTimeBetween(at("2026-02-14T17:30"), at("2026-02-24T08:30"))).isZero();
        // Friday 10:00: 6 h left that day, 7.5 h on the make-up Saturday, the last half hour after the holiday
        assertThat(CHINA.due(at("2026-02-13T10:00"), TimeLimit.workingHours(14))).isEqualTo(at("2026-02-24T09:00"));
    }

    @Test
    void makeUpWorkingDaysAndHolidaysOverrideTheWeekday() {
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-01-04"))).as("Sunday, 元旦调休上班").isTrue();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Saturday, 春节调休上班").isTrue();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-05-09"))).as("Saturday, 劳动节调休上班").isTrue();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Monday, 春节").isFalse();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-05-05"))).as("Tuesday, 劳动节").isFalse();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-03-07"))).as("plain Saturday").isFalse();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2026-03-09"))).as("plain Monday").isTrue();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2027-02-08"))).as("Monday, 春节 2027 (statutory)").isFalse();
        assertThat(CHINA.isWorkingDay(LocalDate.parse("2027-06-09"))).as("Wednesday, 端午 2027").isFalse();
    }

    @Test
    void aStartOutsideWorkingHoursCountsFromTheNextOpening() {
        assertThat(CHINA.addWorkingDays(at("2026-03-07T10:00"), 1)).as("Saturday → Monday's closing").isEqualTo(at("2026-03-09T17:30"));
        assertThat(CHINA.addWorkingTime(at("2026-03-09T07:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-09T09:30"));
        assertThat(CHINA.addWorkingTime(at("2026-03-09T12:30"), Duration.ofHours(1))).isEqualTo(at("2026-03-09T14:30"));
        assertThat(CHINA.addWorkingTime(at("2026-03-09T20:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-03-10T09:00"));
    }

    @Test
    void aDurationEndingAtAClosingTimeEndsThere() {
        assertThat(CHINA.addWorkingTime(at("2026-03-09T08:30"), Duration.ofMinutes(210))).isEqualTo(at("2026-03-09T12:00"));
        assertThat(CHINA.addWorkingTime(at("2026-03-09T08:30"), Duration.ofMinutes(450))).isEqualTo(at("2026-03-09T17:30"));
    }

    @Test
    void naturalMinutesIgnoreTheCalendar() {
        assertThat(CHINA.due(at("2026-10-01T23:30"), TimeLimit.minutes(60))).isEqualTo(at("2026-10-02T00:30"));
    }

    @Test
    void theFractionUsedDrivesTheTrafficLight() {
        Instant start = at("2026-03-09T08:30");
        assertThat(CHINA.fractionUsed(start, at("2026-03-09T12:00"), TimeLimit.workingHours(7))).isEqualTo(0.5);
        assertThat(CHINA.fractionUsed(start, at("2026-03-09T09:00"), TimeLimit.minutes(60))).isEqualTo(0.5);
        assertThat(CHINA.fractionUsed(start, at("2026-03-10T17:30"), TimeLimit.workingDays(1))).isEqualTo(2.0);
    }

    @Test
    void workingTimeBetweenIsNegativeBackwards() {
        assertThat(CHINA.workingTimeBetween(at("2026-03-09T10:00"), at("2026-03-09T09:00"))).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void zeroAddsNothingAndNegativeIsRefused() {
        Instant saturday = at("2026-03-07T10:00");
        assertThat(CHINA.addWorkingTime(saturday, Duration.ZERO)).isEqualTo(saturday);
        assertThat(CHINA.addWorkingDays(saturday, 0)).isEqualTo(saturday);
        assertThatThrownBy(() -> CHINA.addWorkingTime(saturday, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHINA.addWorkingDays(saturday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instantsOutsideTheSupportedRangeAreRefused() {
        assertThatThrownBy(() -> CHINA.workingTimeBetween(at("1999-12-31T12:00"), at("2026-01-01T00:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHINA.addWorkingDays(at("2100-12-30T09:00"), 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customHoursAndWeekendAreHonoured() {
        WorkSchedule sixDays = new WorkSchedule(List.of(WorkingPeriod.parse("09:00-12:00"), WorkingPeriod.parse("14:00-18:00")),
                Set.of(DayOfWeek.SUNDAY), List.of(), WorkingCalendar.ZONE);
        assertThat(sixDays.workingDayLength()).isEqualTo(Duration.ofHours(7));
        assertThat(sixDays.isWorkingDay(LocalDate.parse("2026-03-07"))).isTrue();
        assertThat(sixDays.addWorkingDays(at("2026-03-07T15:00"), 1)).isEqualTo(at("2026-03-09T15:00"));
        assertThat(sixDays.isWorkingTime(at("2026-03-09T13:00"))).isFalse();
        assertThat(sixDays.isWorkingTime(at("2026-03-09T14:00"))).isTrue();
        assertThat(sixDays.isWorkingTime(at("2026-03-09T18:00"))).isFalse();
    }

    @Test
    void badCalendarsAreRefused() {
        assertThatThrownBy(() -> new WorkSchedule(List.of(), Set.of(), List.of(), WorkingCalendar.ZONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkSchedule(List.of(WorkingPeriod.parse("09:00-12:00"), WorkingPeriod.parse("11:00-13:00")),
                Set.of(), List.of(), WorkingCalendar.ZONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkSchedule(WorkSchedule.DEFAULT_HOURS, Set.of(DayOfWeek.values()), List.of(), WorkingCalendar.ZONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkSchedule.standard(List.of(new CalendarDay(LocalDate.parse("2026-01-01"), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.parse("2026-01-01"), DayKind.MAKEUP_WORKDAY, null)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingPeriod.parse("17:30-08:30")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WorkingPeriod.parse(" 08:30 - 12:00 ").start()).isEqualTo(LocalTime.of(8, 30));
    }

    @Test
    void the2027DataIsProvisional() {
        assertThat(ShippedData.years()).extracting(CalendarYear::year, CalendarYear::provisional)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2026, false), org.assertj.core.groups.Tuple.tuple(2027, true));
    }
}
