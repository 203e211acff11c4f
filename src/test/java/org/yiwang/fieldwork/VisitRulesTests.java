package org.yiwang.fieldwork;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.yiwang.platform.LocalizedException;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The visit cycle's arithmetic, a household's standing, care due dates and coverage — plain rules. */
class VisitRulesTests {

    static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);

    @Test
    void bimonthlyRoundsFollowTheCalendarMonths() {
        VisitCycle cycle = VisitCycle.parse("P2M", NEW_YEAR);
        assertThat(cycle.roundOf(LocalDate.of(2026, 2, 28))).isEqualTo(new VisitCycle.Round(1, NEW_YEAR, LocalDate.of(2026, 3, 1)));
        assertThat(cycle.roundOf(LocalDate.of(2026, 3, 1)).number()).isEqualTo(2);
        assertThat(cycle.roundOf(LocalDate.of(2026, 12, 31))).isEqualTo(
                new VisitCycle.Round(6, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 1)));
        assertThat(cycle.roundOf(LocalDate.of(2027, 1, 1)).number()).isEqualTo(7);
        assertThat(cycle.roundOf(LocalDate.of(2025, 12, 31))).isEqualTo(
                new VisitCycle.Round(0, LocalDate.of(2025, 11, 1), NEW_YEAR));
    }

    @Test
    void aRoundThatStartsOnAMonthEndDoesNotDriftAcrossShortMonths() {
        VisitCycle cycle = VisitCycle.parse("1M", LocalDate.of(2028, 1, 31));
        assertThat(cycle.round(2)).isEqualTo(new VisitCycle.Round(2, LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31)));
        assertThat(cycle.round(3).start()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(cycle.roundOf(LocalDate.of(2028, 3, 30)).number()).isEqualTo(2);
        assertThat(cycle.roundOf(LocalDate.of(2028, 3, 31)).number()).isEqualTo(3);
        assertThat(cycle.roundOf(LocalDate.of(2029, 2, 28)).start()).isEqualTo(LocalDate.of(2029, 2, 28));
    }

    @Test
    void aSixtyDayCycleCountsTheLeapDay() {
        VisitCycle cycle = VisitCycle.parse("P60D", LocalDate.of(2028, 1, 1));
        assertThat(cycle.round(2).start()).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(cycle.roundOf(LocalDate.of(2028, 2, 29)).number()).isEqualTo(1);
        assertThat(cycle.roundOf(LocalDate.of(2028, 3, 1)).number()).isEqualTo(2);
        assertThat(VisitCycle.parse("P60D", LocalDate.of(2027, 1, 1)).round(2).start()).isEqualTo(LocalDate.of(2027, 3, 2));
    }

    @Test
    void aCycleOfNothingOrOfMonthsAndDaysIsRefused() {
        for (String bad : new String[]{"P0D", "P13M", "P1M1D", "P400D", "zwei Monate", "", "-P2M"}) {
            assertThatThrownBy(() -> VisitCycle.parse(bad, NEW_YEAR)).as(bad).isInstanceOf(LocalizedException.class)
                    .extracting(e -> ((LocalizedException) e).messageKey()).isEqualTo("fieldwork.error.cycle");
        }
        assertThat(VisitCycle.parse("P1Y", NEW_YEAR).length()).isEqualTo(Period.ofMonths(12));
    }

    @Property(tries = 300)
    void everyDayLiesInExactlyTheRoundFoundForIt(@ForAll @IntRange(min = -3000, max = 3000) int offset,
                                                  @ForAll @IntRange(min = 1, max = 12) int months,
                                                  @ForAll @IntRange(min = 1, max = 31) int anchorDay,
                                                  @ForAll @IntRange(min = 1, max = 366) int days) {
        LocalDate anchor = LocalDate.of(2028, 1, anchorDay);
        LocalDate day = anchor.plusDays(offset);
        for (VisitCycle cycle : new VisitCycle[]{new VisitCycle(Period.ofMonths(months), anchor), new VisitCycle(Period.ofDays(days), anchor)}) {
            VisitCycle.Round round = cycle.roundOf(day);
            assertThat(round.contains(day)).isTrue();
            assertThat(cycle.round(round.number() + 1).start()).isEqualTo(round.end());
            assertThat(cycle.round(round.number() - 1).end()).isEqualTo(round.start());
            assertThat(round.end()).isAfter(round.start());
        }
    }

    @Test
    void aHouseholdThatMissedAWholeRoundIsOverdueButANewOneIsOnlyDue() {
        VisitCycle.Round current = VisitCycle.parse("P2M", NEW_YEAR).roundOf(LocalDate.of(2026, 4, 10));
        LocalDate longAgo = LocalDate.of(2025, 6, 1);
        assertThat(HouseholdStanding.of(true, false, longAgo, current)).isEqualTo(HouseholdStanding.COVERED);
        assertThat(HouseholdStanding.of(false, true, longAgo, current)).isEqualTo(HouseholdStanding.DUE);
        assertThat(HouseholdStanding.of(false, false, longAgo, current)).isEqualTo(HouseholdStanding.OVERDUE);
        assertThat(HouseholdStanding.of(false, false, LocalDate.of(2026, 3, 1), current)).isEqualTo(HouseholdStanding.DUE);
        assertThat(HouseholdStanding.of(false, false, LocalDate.of(2026, 2, 28), current)).isEqualTo(HouseholdStanding.OVERDUE);
    }

    @Test
    void aWeeklyCareVisitIsDueSevenDaysAfterTheLastAndOverdueTheDayAfter() {
        CareDue due = CareDue.of(Period.ofWeeks(1), LocalDate.of(2028, 2, 25), LocalDate.of(2020, 1, 1));
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2028, 3, 3));
        assertThat(due.state(LocalDate.of(2028, 3, 2))).isEqualTo(CareDue.State.OK);
        assertThat(due.state(LocalDate.of(2028, 3, 3))).isEqualTo(CareDue.State.DUE);
        assertThat(due.state(LocalDate.of(2028, 3, 4))).isEqualTo(CareDue.State.OVERDUE);
        CareDue monthly = CareDue.of(Period.ofMonths(1), LocalDate.of(2027, 1, 31), LocalDate.of(2020, 1, 1));
        assertThat(monthly.dueOn()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void somebodyNeverVisitedIsDueFromTheDayTheyWereRegistered() {
        CareDue due = CareDue.of(Period.ofWeeks(1), null, LocalDate.of(2028, 3, 1));
        assertThat(due.state(LocalDate.of(2028, 3, 1))).isEqualTo(CareDue.State.DUE);
        assertThat(due.state(LocalDate.of(2028, 3, 2))).isEqualTo(CareDue.State.OVERDUE);
    }

    @Test
    void coverageIsCoveredHouseholdsPerHouseholdAndAddsUpOverGrids() {
        VisitCoverage a = new VisitCoverage("320104002001001", 40, 10, 5, 2);
        VisitCoverage b = new VisitCoverage("320104002001002", 60, 60, 0, 3);
        assertThat(a.ratio()).isEqualTo(0.25);
        assertThat(b.complete()).isTrue();
        VisitCoverage community = a.plus("320104002001", b);
        assertThat(community).isEqualTo(new VisitCoverage("320104002001", 100, 70, 5, 5));
        assertThat(community.ratio()).isEqualTo(0.7);
        assertThat(VisitCoverage.empty("x").ratio()).isEqualTo(1.0);
        assertThatThrownBy(() -> new VisitCoverage("x", 10, 11, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VisitCoverage("x", 10, 8, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void coveredNeverExceedsHouseholdsAndTheRatioStaysWithinZeroAndOne(@ForAll @IntRange(min = 0, max = 100_000) int households,
                                                                      @ForAll @IntRange(min = 0, max = 100_000) int covered) {
        long c = Math.min(households, covered);
        VisitCoverage coverage = new VisitCoverage("g", households, c, households - c, 0);
        assertThat(coverage.ratio()).isBetween(0.0, 1.0);
        assertThat(coverage.complete()).isEqualTo(c == households);
    }

    @Test
    void aRoundIsCompletedWhenEveryHouseholdOfTheGridWasCoveredInIt() {
        LocalDate r1 = LocalDate.of(2026, 1, 1);
        LocalDate r2 = LocalDate.of(2026, 3, 1);
        LocalDate r3 = LocalDate.of(2026, 5, 1);
        assertThat(Visits.completedRounds(Map.of(r1, 30L, r2, 29L, r3, 30L), 30, r3)).isEqualTo(2);
        assertThat(Visits.completedRounds(Map.of(r1, 30L, r2, 30L, r3, 30L), 30, r2)).isEqualTo(2);
        assertThat(Visits.completedRounds(Map.of(), 0, r3)).isZero();
    }
}
