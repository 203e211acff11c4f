package org.yiwang.sla;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.DayKind;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.WorkSchedule;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WarningTimeTests {

    /** 2026's National Day week: 1–7 October off, Saturday 10 October a make-up working day. */
    static final WorkSchedule CALENDAR_2026 = WorkSchedule.standard(nationalDay2026());
    static final WarningTime TIME = new WarningTime(CALENDAR_2026);
    static final Duration ONE_WORKING_DAY = Duration.ofMinutes(450);

    static Instant cst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkSchedule.ZONE).toInstant();
    }

    @Test
    void naturalTimeTurnsYellowAfterEightyPercentOfTheSpan() {
        Instant start = cst("2026-11-23T09:00");
        Instant due = start.plus(Duration.ofMinutes(60));
        assertThat(TIME.warnAt(start, due, Duration.ofMinutes(60), false)).isEqualTo(cst("2026-11-23T09:48"));
    }

    @Test
    void naturalTimeCountsNightsAndWeekends() {
        Instant start = cst("2026-11-27T16:00"); // a Friday
        Instant due = start.plus(Duration.ofDays(3));
        assertThat(TIME.warnAt(start, due, Duration.ofDays(3), false)).isEqualTo(cst("2026-11-30T01:36"));
    }

    @Test
    void workingTimeSkipsTheWeekend() {
        Instant start = cst("2026-11-27T16:00"); // a Friday, 1.5 working hours left that day
        Instant due = CALENDAR_2026.addWorkingDays(start, 1);
        assertThat(due).isEqualTo(cst("2026-11-30T16:00"));
        Duration limit = TIME.span(start, due, true);
        assertThat(limit).isEqualTo(ONE_WORKING_DAY);
        // 80 % = 6 working hours: 1.5 on Friday, then Monday 08:30–12:00 and 13:30–14:30
        assertThat(TIME.warnAt(start, due, limit, true)).isEqualTo(cst("2026-11-30T14:30"));
    }

    @Test
    void workingTimeSkipsAPublicHolidayWeek() {
        Instant start = cst("2026-09-30T16:00"); // the Wednesday before the National Day week
        Instant due = CALENDAR_2026.addWorkingDays(start, 1);
        assertThat(due).isEqualTo(cst("2026-10-08T16:00"));
        assertThat(TIME.warnAt(start, due, TIME.span(start, due, true), true)).isEqualTo(cst("2026-10-08T14:30"));
        // in natural time the same span would have turned yellow in the middle of the holidays
        assertThat(TIME.warnAt(start, due, TIME.span(start, due, false), false)).isBefore(cst("2026-10-08T00:00"));
    }

    @Test
    void aMakeUpWorkingDayOnASaturdayCounts() {
        Instant start = cst("2026-10-09T16:00"); // Friday; Saturday 10 October is a make-up working day
        Instant due = CALENDAR_2026.addWorkingDays(start, 1);
        assertThat(due).isEqualTo(cst("2026-10-10T16:00"));
        assertThat(TIME.warnAt(start, due, ONE_WORKING_DAY, true)).isEqualTo(cst("2026-10-10T14:30"));
    }

    @Test
    void timeSpentSuspendedDoesNotCountAsUsed() {
        Instant start = cst("2026-11-23T09:00");
        Duration limit = Duration.ofHours(10);
        // suspended 10:00–14:00: the due time moved from 19:00 to 23:00, the limit stayed 10 h
        Instant due = cst("2026-11-23T23:00");
        // 8 h used: 09:00–10:00 and 14:00–21:00
        assertThat(TIME.warnAt(start, due, limit, false)).isEqualTo(cst("2026-11-23T21:00"));
    }

    @Test
    void aSuspensionInWorkingTimeMovesTheWarningByTheWorkingTimeSuspended() {
        Instant start = cst("2026-11-27T16:00");
        Instant due = CALENDAR_2026.addWorkingDays(start, 1);
        // suspended Monday 09:00–11:00: two working hours made up
        Instant resumedDue = CALENDAR_2026.addWorkingTime(due, CALENDAR_2026.workingTimeBetween(cst("2026-11-30T09:00"), cst("2026-11-30T11:00")));
        assertThat(resumedDue).isEqualTo(cst("2026-12-01T08:30").plus(Duration.ofMinutes(30)));
        assertThat(TIME.warnAt(start, resumedDue, ONE_WORKING_DAY, true)).isEqualTo(cst("2026-11-30T16:30"));
    }

    @Test
    void aStageThatStartsOutsideWorkingHoursCountsFromTheNextOpening() {
        Instant start = cst("2026-11-28T10:00"); // Saturday
        Instant due = CALENDAR_2026.addWorkingTime(start, Duration.ofHours(4));
        assertThat(due).isEqualTo(cst("2026-11-30T14:00"));
        // 80 % = 3 h 12 min of working time from Monday's opening
        assertThat(TIME.warnAt(start, due, Duration.ofHours(4), true)).isEqualTo(cst("2026-11-30T11:42"));
    }

    @Test
    void theUsedShareMatchesTheLights() {
        Instant start = cst("2026-11-27T16:00");
        Instant due = cst("2026-11-30T16:00");
        StageClock clock = clock(start, due, ONE_WORKING_DAY, true, TIME.warnAt(start, due, ONE_WORKING_DAY, true));
        assertThat(TIME.usedFraction(clock, start)).isEqualTo(0.0);
        assertThat(TIME.usedFraction(clock, cst("2026-11-29T12:00"))).isCloseTo(0.2, within(1e-9)); // the weekend does not count
        assertThat(TIME.usedFraction(clock, cst("2026-11-30T14:30"))).isCloseTo(0.8, within(1e-9));
        assertThat(clock.light(cst("2026-11-30T14:29"))).isEqualTo(TrafficLight.GREEN);
        assertThat(clock.light(cst("2026-11-30T14:30"))).isEqualTo(TrafficLight.YELLOW);
        assertThat(clock.light(due)).isEqualTo(TrafficLight.YELLOW);
        assertThat(clock.light(due.plusSeconds(1))).isEqualTo(TrafficLight.RED);
        // after closing time the working time stands still, but the stage is overdue all the same
        assertThat(TIME.usedFraction(clock, cst("2026-11-30T20:00"))).isGreaterThan(1.0);
        assertThat(TIME.usedFraction(clock, cst("2026-11-30T16:45"))).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void aSuspendedClockShowsTheLightItHadWhenSuspended() {
        Instant start = cst("2026-11-23T09:00");
        Instant due = cst("2026-11-23T10:00");
        StageClock running = clock(start, due, Duration.ofHours(1), false, cst("2026-11-23T09:48"));
        StageClock suspended = new StageClock(1, "YW1", "320104", "320104002", null, null, null, WorkOrderStatus.ACCEPTED,
                Stage.HANDLE, start, due, false, Duration.ofHours(1), running.warnAt(), true, cst("2026-11-23T09:30"), null, null,
                List.of(), 0, null, null, false, 0, start, null);
        assertThat(running.light(cst("2026-11-23T11:00"))).isEqualTo(TrafficLight.RED);
        assertThat(suspended.light(cst("2026-11-23T11:00"))).isEqualTo(TrafficLight.GREEN);
        assertThat(TIME.usedFraction(suspended, cst("2026-11-25T11:00"))).isCloseTo(0.5, within(1e-9));
    }

    static StageClock clock(Instant start, Instant due, Duration limit, boolean workingTime, Instant warnAt) {
        return new StageClock(1, "YW1", "320104", "320104002", null, null, null, WorkOrderStatus.ACCEPTED, Stage.HANDLE, start,
                due, workingTime, limit, warnAt, false, null, null, null, List.of(), 0, null, null, false, 0, start, null);
    }

    static List<CalendarDay> nationalDay2026() {
        List<CalendarDay> days = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 10, d), DayKind.HOLIDAY, "国庆节"));
        }
        days.add(new CalendarDay(LocalDate.of(2026, 9, 20), DayKind.MAKEUP_WORKDAY, "国庆节调休上班"));
        days.add(new CalendarDay(LocalDate.of(2026, 10, 10), DayKind.MAKEUP_WORKDAY, "国庆节调休上班"));
        return days;
    }
}
