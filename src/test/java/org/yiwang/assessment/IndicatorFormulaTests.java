package org.yiwang.assessment;

import org.junit.jupiter.api.Test;
import org.yiwang.workorder.Satisfaction;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.assessment.Story.figure;

/** Each formula on hand-made orders (see {@link Indicator} and the README table). */
class IndicatorFormulaTests {

    static final Duration DAY = Duration.ofDays(1);
    static final Duration HOUR = Duration.ofHours(1);

    @Test
    void anEmptyPeriodHasNoRatesRatherThanZeros() {
        Sums[] none = {Sums.empty(), Sums.empty()};
        for (Indicator indicator : Indicator.values()) {
            Indicator.Figure f = indicator.of(none[0], none[1]);
            assertThat(f.rate()).as(indicator.name()).isNull();
            assertThat(f.denominator()).isZero();
        }
        assertThat(Assessments.score(Map.of(), new Scheme(1, Map.of(Indicator.FILING, 10), "", 0, Story.START))).isNull();
    }

    @Test
    void filingRateCountsFiledOrdersOfThoseReportedButNotDuplicatesMergedAway() {
        Story filed = Story.resident().register();
        Story onSpot = Story.patrol(7).closeOnSpot();
        Story voided = Story.resident().voided();
        Story duplicate = Story.resident().register().merged();
        Indicator.Figure f = figure(Indicator.FILING, filed, onSpot, voided, duplicate);
        assertThat(f.numerator()).isEqualTo(2);
        assertThat(f.denominator()).isEqualTo(3);
        assertThat(f.rate()).isEqualTo(0.6667);
    }

    @Test
    void dispatchAccuracyIsDispatchedOrdersNeverReturnedOverDispatched() {
        Story accurate = Story.resident().register().dispatch(10, DAY);
        Story returned = Story.resident().register().dispatch(10, DAY).after(HOUR).returned().dispatch(11, DAY);
        Story notDispatched = Story.resident().register();
        Indicator.Figure f = figure(Indicator.DISPATCH_ACCURACY, accurate, returned, notDispatched);
        assertThat(f.numerator()).isEqualTo(1);
        assertThat(f.denominator()).isEqualTo(2);
        assertThat(returned.fact.unitId).isEqualTo(11);
    }

    @Test
    void handledOnTimeCountsTheTimeSpentSuspendedAndApprovedExtensionsAsAllowed() {
        Story onTime = Story.resident().register().dispatch(10, DAY).after(HOUR).accept().after(HOUR).handle(DAY);
        Story late = Story.resident().register().dispatch(10, DAY).after(Duration.ofDays(2)).accept().handle(DAY);
        // due in a day; suspended for two days (挂账), handled after a day and a half: on time
        Story suspended = Story.resident().register().dispatch(10, DAY).after(HOUR).suspend().after(Duration.ofDays(2))
                .resume(Duration.ofDays(2)).after(HOUR).accept().after(HOUR).handle(DAY);
        Story extended = Story.resident().register().dispatch(10, DAY).accept().extendBy(Duration.ofDays(3)).after(Duration.ofDays(2)).handle(DAY);
        assertThat(suspended.fact.get(Flag.HANDLED_ON_TIME)).isEqualTo(1);
        Indicator.Figure f = figure(Indicator.HANDLED_ON_TIME, onTime, late, suspended, extended);
        assertThat(f.numerator()).isEqualTo(3);
        assertThat(f.denominator()).isEqualTo(4);
        Indicator.Figure e = figure(Indicator.EXTENSION, onTime, late, suspended, extended);
        assertThat(e.numerator()).isEqualTo(1);
        assertThat(e.denominator()).isEqualTo(4);
    }

    @Test
    void closedOnTimeIsOverEveryFiledOrderNotVoidedOpenOnesIncluded() {
        Story onTime = Story.resident().register().dispatch(10, DAY).accept().after(HOUR).handle(DAY).after(HOUR).close();
        Story verifiedLate = Story.resident().register().dispatch(10, DAY).accept().after(HOUR).handle(HOUR).after(Duration.ofHours(3)).close();
        Story stillOpen = Story.resident().register().dispatch(10, DAY);
        Story voided = Story.resident().register().voided();
        Indicator.Figure f = figure(Indicator.CLOSED_ON_TIME, onTime, verifiedLate, stillOpen, voided);
        assertThat(f.numerator()).isEqualTo(1);
        assertThat(f.denominator()).isEqualTo(3);
    }

    @Test
    void aReopenedOrderCountsOnceAndItsLatestClosingDecides() {
        Story reopened = Story.resident().register().dispatch(10, DAY).accept().after(HOUR).handle(DAY).after(HOUR).close()
                .evaluate(Satisfaction.SATISFIED)
                .after(DAY).reopen(HOUR).dispatch(10, HOUR).accept().after(Duration.ofHours(5)).handle(DAY).after(HOUR).close();
        assertThat(reopened.fact.get(Flag.REOPENED)).isEqualTo(1);
        assertThat(reopened.fact.get(Flag.CLOSED)).isEqualTo(1);
        assertThat(reopened.fact.get(Flag.CLOSED_ON_TIME)).isZero();
        // the rating was of the first closing: it no longer counts
        assertThat(reopened.fact.get(Flag.EVALUATED)).isZero();
        Indicator.Figure f = figure(Indicator.CLOSED_ON_TIME, reopened);
        assertThat(f.denominator()).isEqualTo(1);
        assertThat(f.numerator()).isZero();
        Story stillReopened = Story.resident().register().dispatch(10, DAY).accept().handle(DAY).close().reopen(HOUR);
        assertThat(stillReopened.fact.get(Flag.CLOSED)).isZero();
    }

    @Test
    void reworkRateIsOrdersSentBackOverOrdersHandled() {
        Story clean = Story.resident().register().dispatch(10, DAY).accept().handle(DAY).close();
        Story reworkedTwice = Story.resident().register().dispatch(10, DAY).accept().handle(DAY).rework(DAY).accept().handle(DAY)
                .rework(DAY).accept().handle(DAY).close();
        Story notHandled = Story.resident().register().dispatch(10, DAY);
        Indicator.Figure f = figure(Indicator.REWORK, clean, reworkedTwice, notHandled);
        assertThat(f.numerator()).isEqualTo(1);
        assertThat(f.denominator()).isEqualTo(2);
        assertThat(Indicator.REWORK.higherIsBetter).isFalse();
    }

    @Test
    void satisfactionCountsSatisfiedAndBasicallySatisfiedOverRated() {
        Story a = Story.resident().closeOnSpot().evaluate(Satisfaction.SATISFIED);
        Story b = Story.resident().closeOnSpot().evaluate(Satisfaction.BASICALLY_SATISFIED);
        Story c = Story.resident().closeOnSpot().evaluate(Satisfaction.DISSATISFIED);
        Story unrated = Story.resident().closeOnSpot();
        Indicator.Figure f = figure(Indicator.SATISFACTION, a, b, c, unrated);
        assertThat(f.numerator()).isEqualTo(2);
        assertThat(f.denominator()).isEqualTo(3);
    }

    @Test
    void theThreeHotlineRatesCountOnly12345Orders() {
        Story responded = Story.hotline().register().dispatch(10, DAY).accept();
        Story resolved = Story.hotline().register().dispatch(10, DAY).accept().handle(DAY).close().evaluate(Satisfaction.DISSATISFIED);
        Story silent = Story.hotline().register().dispatch(10, DAY);
        Story voided = Story.hotline().voided();
        Story resident = Story.resident().register().dispatch(10, DAY).accept().handle(DAY).close().evaluate(Satisfaction.SATISFIED);
        assertThat(figure(Indicator.HOTLINE_RESPONSE, responded, resolved, silent, voided, resident))
                .isEqualTo(new Indicator.Figure(2, 3, 0.6667));
        assertThat(figure(Indicator.HOTLINE_RESOLUTION, responded, resolved, silent, voided, resident))
                .isEqualTo(new Indicator.Figure(1, 3, 0.3333));
        assertThat(figure(Indicator.HOTLINE_SATISFACTION, responded, resolved, silent, voided, resident))
                .isEqualTo(new Indicator.Figure(0, 1, 0.0));
        assertThat(figure(Indicator.SATISFACTION, responded, resolved, silent, voided, resident))
                .isEqualTo(new Indicator.Figure(1, 2, 0.5));
    }

    @Test
    void aChangeArrivingLateOrTwiceChangesNothing() {
        Story s = Story.resident().register().dispatch(10, DAY).accept().handle(DAY).after(HOUR).close();
        int[] before = s.fact.flags.clone();
        // the dispatch again (redelivered), then nothing newer: same facts
        s.fact.apply(s.transitions.get(2), null);
        s.fact.apply(s.transitions.getLast(), null);
        assertThat(s.fact.flags).containsExactly(before);
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheRatesItHasWithLowerIsBetterTurnedRound() {
        Map<Indicator, Indicator.Figure> figures = new EnumMap<>(Indicator.class);
        figures.put(Indicator.HANDLED_ON_TIME, Indicator.Figure.of(9, 10));   // 90
        figures.put(Indicator.REWORK, Indicator.Figure.of(2, 10));            // 100 − 20 = 80
        figures.put(Indicator.SATISFACTION, Indicator.Figure.of(0, 0));       // no figure: left out
        Scheme scheme = new Scheme(3, Map.of(Indicator.HANDLED_ON_TIME, 30, Indicator.REWORK, 10, Indicator.SATISFACTION, 60), "", 0, Story.START);
        assertThat(Assessments.score(figures, scheme)).isEqualTo(87.5);
        assertThat(AssessmentTable.Grade.of(87.5)).isEqualTo(AssessmentTable.Grade.B);
        assertThat(AssessmentTable.Grade.of(90.0)).isEqualTo(AssessmentTable.Grade.A);
        assertThat(AssessmentTable.Grade.of(39.9)).isEqualTo(AssessmentTable.Grade.E);
    }

    @Test
    void aGridWorkersPatrolReportIsTheirsAndTheUnitFollowsTheLatestDispatch() {
        Story s = Story.patrol(77).register().dispatch(10, DAY);
        assertThat(s.fact.workerId).isEqualTo(77);
        assertThat(s.fact.unitId).isEqualTo(10);
        assertThat(Story.resident().fact.workerId).isZero();
    }

    static final Scheme ALL_WEIGHTED = new Scheme(4, Map.of(Indicator.CLOSED_ON_TIME, 40, Indicator.SATISFACTION, 20,
            Indicator.PATROL, 20, Indicator.VISIT_COVERAGE, 20), "", 0, Story.START);

    static AssessmentTable.Row row(String code, long reported, Map<Indicator, Indicator.Figure> figures) {
        Double score = Assessments.score(figures, ALL_WEIGHTED);
        return new AssessmentTable.Row(code, code, reported, figures, null, score, AssessmentTable.Grade.of(score), null, null, null);
    }

    @Test
    void aUnitWithOnlyFieldWorkFiguresGetsNoScoreGradeOrPlace() {
        // no orders in the month; a month of patrol days that all fell short, no household visited
        Map<Indicator, Indicator.Figure> fieldWorkOnly = new EnumMap<>(Indicator.class);
        fieldWorkOnly.put(Indicator.PATROL, Indicator.Figure.of(0, 30));
        fieldWorkOnly.put(Indicator.VISIT_COVERAGE, Indicator.Figure.of(0, 120));
        AssessmentTable.Row row = row("320104002", 0, fieldWorkOnly);
        assertThat(row.score()).isNull();
        assertThat(row.grade()).isNull();
        assertThat(Assessments.ranked(java.util.List.of(row)).getFirst().rank()).isNull();
        assertThat(row.figure(Indicator.CLOSED_ON_TIME).percent()).isEqualTo("—");
        assertThat(row.figure(Indicator.PATROL).percent()).isEqualTo("0.0%");
    }

    @Test
    void unitsWithoutOrdersAreNotRankedBelowUnitsThatDidWork() {
        Map<Indicator, Indicator.Figure> poor = new EnumMap<>(Indicator.class);
        poor.put(Indicator.CLOSED_ON_TIME, Indicator.Figure.of(1, 10));
        poor.put(Indicator.PATROL, Indicator.Figure.of(3, 30));
        Map<Indicator, Indicator.Figure> good = new EnumMap<>(Indicator.class);
        good.put(Indicator.CLOSED_ON_TIME, Indicator.Figure.of(9, 10));
        good.put(Indicator.SATISFACTION, Indicator.Figure.of(4, 4));
        Map<Indicator, Indicator.Figure> patrolledOnly = Map.of(Indicator.PATROL, Indicator.Figure.of(0, 30));
        java.util.List<AssessmentTable.Row> ranked = Assessments.ranked(java.util.List.of(
                row("A-idle", 0, Map.of()), row("B-patrolled", 0, patrolledOnly), row("C-poor", 10, poor), row("D-good", 10, good)));
        assertThat(ranked).extracting(AssessmentTable.Row::code).containsExactly("D-good", "C-poor", "A-idle", "B-patrolled");
        assertThat(ranked).extracting(AssessmentTable.Row::rank).containsExactly(1, 2, null, null);
        assertThat(ranked.get(1).grade()).isEqualTo(AssessmentTable.Grade.E);
        assertThat(ranked.get(2).grade()).isNull();
        assertThat(ranked.get(3).grade()).isNull();
    }

    @Test
    void aStreetsServicePraiseAddsUpItsCommunitiesRatingsAndAUnitWithNothingRatedHasNoFigure() {
        var ratings = java.util.List.of(
                new org.yiwang.services.ServiceFigures.CommunityRatings("320104002001", 3, 2),   // rated 5, 4, 2
                new org.yiwang.services.ServiceFigures.CommunityRatings("320104002002", 1, 1),   // rated 5
                new org.yiwang.services.ServiceFigures.CommunityRatings("320104003001", 0, 0));  // nothing rated
        var communities = Assessments.serviceRatings(Level.COMMUNITY, ratings);
        assertThat(communities.get("320104002001").rate()).isEqualTo(0.6667);
        assertThat(communities.get("320104002002").rate()).isEqualTo(1.0);
        assertThat(communities).doesNotContainKey("320104003001");
        var streets = Assessments.serviceRatings(Level.STREET, ratings);
        assertThat(streets.get("320104002")).isEqualTo(Indicator.Figure.of(3, 4));
        assertThat(streets.get("320104002").percent()).isEqualTo("75.0%");
        assertThat(streets).doesNotContainKey("320104003");
        assertThat(Assessments.serviceRatings(Level.STREET, java.util.List.of())).isEmpty();
    }

    @Test
    void aRateIsRoundedHalfUpToFourDecimalsExactlyAsBigDecimalDoes() {
        for (long d = 1; d <= 400; d++) {
            for (long n = 0; n <= d + 3; n++) {
                double exact = java.math.BigDecimal.valueOf(n).divide(java.math.BigDecimal.valueOf(d), 4, java.math.RoundingMode.HALF_UP).doubleValue();
                assertThat(Indicator.Figure.of(n, d).rate()).as(n + "/" + d).isEqualTo(exact);
            }
        }
        // halves round up; large counts too; a negative numerator takes the general path
        assertThat(Indicator.Figure.of(1, 32).rate()).isEqualTo(0.0313);
        assertThat(Indicator.Figure.of(1, 20_000).rate()).isEqualTo(0.0001);
        assertThat(Indicator.Figure.of(9_999_999, 10_000_000).rate()).isEqualTo(1.0);
        assertThat(Indicator.Figure.of(-1, 3).rate()).isEqualTo(-0.3333);
        assertThat(Indicator.Figure.of(5, 0).rate()).isNull();
    }
}
