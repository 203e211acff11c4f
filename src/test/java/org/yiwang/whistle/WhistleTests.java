package org.yiwang.whistle;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.platform.LocalizedException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.whistle.WhistleFixtures.FUZIMIAO_DISPATCHER;
import static org.yiwang.whistle.WhistleFixtures.MARKET_HANDLER;
import static org.yiwang.whistle.WhistleFixtures.MARKET_REGULATION;
import static org.yiwang.whistle.WhistleFixtures.MONDAY_9;
import static org.yiwang.whistle.WhistleFixtures.POLICE;
import static org.yiwang.whistle.WhistleFixtures.POLICE_HANDLER;
import static org.yiwang.whistle.WhistleFixtures.URBAN_HANDLER;
import static org.yiwang.whistle.WhistleFixtures.URBAN_MANAGEMENT;
import static org.yiwang.whistle.WhistleFixtures.after;
import static org.yiwang.whistle.WhistleFixtures.routineOnFuzimiao;

/** The whistle aggregate: every legal and illegal step, lateness, and what each step records. */
class WhistleTests {

    @Test
    void blowingSummonsEveryDepartmentWithTheWhistlesLimit() {
        Whistle whistle = WhistleFixtures.blown(WhistleKind.ROUTINE, TimeLimit.workingDays(2), MONDAY_9);

        assertThat(whistle.status()).isEqualTo(WhistleStatus.OPEN);
        assertThat(whistle.dueAt()).isEqualTo(Instant.parse("2026-11-25T01:00:00Z")); // Wednesday 09:00
        assertThat(whistle.summons()).extracting(Summons::departmentId).containsExactly(URBAN_MANAGEMENT, MARKET_REGULATION);
        assertThat(whistle.summons()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(Summons.State.PENDING);
            assertThat(s.dueAt()).isEqualTo(whistle.dueAt());
        });
        assertThat(whistle.blownBy()).isEqualTo(FUZIMIAO_DISPATCHER.userId());
    }

    @Test
    void blowingRecordsALedgerStepAndAnEventNamingTheDepartments() {
        BlowWhistle command = new BlowWhistle(WhistleKind.TOUGH, "违建拆除", List.of(URBAN_MANAGEMENT));
        Whistle whistle = Whistle.blow("WH1", command, new Whistle.OrderRef(5, "YW1", "320104", "320104002"),
                new Whistle.CommandCentre(null, null), List.of(new Whistle.Department(URBAN_MANAGEMENT, "城管")),
                TimeLimit.workingDays(1), after(Duration.ofDays(1)), FUZIMIAO_DISPATCHER, MONDAY_9);

        assertThat(whistle.pendingChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo("BLOWN");
            assertThat(change.facts()).containsEntry("kind", "TOUGH").containsEntry("departments", List.of(URBAN_MANAGEMENT));
        });
        whistle.saved(42, 0);
        assertThat(whistle.pendingChanges()).isEmpty();
    }

    @Test
    void theDepartmentsMustBeThoseOfTheCommandAndTheLimitMustEndLater() {
        BlowWhistle command = new BlowWhistle(WhistleKind.ROUTINE, "理由", List.of(URBAN_MANAGEMENT));
        Whistle.OrderRef order = new Whistle.OrderRef(5, "YW1", "320104", "320104002");
        Whistle.CommandCentre centre = new Whistle.CommandCentre(null, null);
        assertThatThrownBy(() -> Whistle.blow("WH1", command, order, centre, List.of(new Whistle.Department(POLICE, "派出所")),
                TimeLimit.workingDays(1), after(Duration.ofDays(1)), FUZIMIAO_DISPATCHER, MONDAY_9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Whistle.blow("WH1", command, order, centre, List.of(new Whistle.Department(URBAN_MANAGEMENT, "城管")),
                TimeLimit.workingDays(1), MONDAY_9, FUZIMIAO_DISPATCHER, MONDAY_9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDepartmentThatReportsInWithinTheLimitIsOnTime() {
        Whistle whistle = routineOnFuzimiao();
        whistle.reportIn(URBAN_MANAGEMENT, Summons.State.ARRIVED, "已到场", List.of("p1"), URBAN_HANDLER, after(Duration.ofHours(3)));

        Summons summons = whistle.summonsOf(URBAN_MANAGEMENT).orElseThrow();
        assertThat(summons.state()).isEqualTo(Summons.State.ARRIVED);
        assertThat(summons.late()).isFalse();
        assertThat(summons.respondedBy()).isEqualTo(URBAN_HANDLER.userId());
        assertThat(summons.photoIds()).containsExactly("p1");
        assertThat(whistle.pendingChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo("REPORTED_IN");
            assertThat(change.event().apply(whistle)).isInstanceOfSatisfying(WhistleEvent.DepartmentReportedIn.class, e -> {
                assertThat(e.departmentId()).isEqualTo(URBAN_MANAGEMENT);
                assertThat(e.late()).isFalse();
                assertThat(e.blownByUserId()).isEqualTo(FUZIMIAO_DISPATCHER.userId());
            });
        });
    }

    @Test
    void reportingInExactlyAtTheLimitIsStillOnTimeAndAMomentLaterIsLate() {
        Whistle whistle = routineOnFuzimiao();
        whistle.reportIn(URBAN_MANAGEMENT, Summons.State.ARRIVED, "到了", List.of(), URBAN_HANDLER, whistle.dueAt());
        whistle.reportIn(MARKET_REGULATION, Summons.State.ARRIVED, "来晚了", List.of(), MARKET_HANDLER, whistle.dueAt().plusNanos(1000));

        assertThat(whistle.summonsOf(URBAN_MANAGEMENT).orElseThrow().late()).isFalse();
        assertThat(whistle.summonsOf(MARKET_REGULATION).orElseThrow().late()).isTrue();
    }

    @Test
    void aDepartmentIsOverdueOnlyWhileItHasNotAnsweredAndTheLimitHasPassed() {
        Whistle whistle = routineOnFuzimiao();
        Instant afterLimit = whistle.dueAt().plusSeconds(1);
        assertThat(whistle.isOverdue(whistle.dueAt())).isFalse();
        assertThat(whistle.isOverdue(afterLimit)).isTrue();

        whistle.reportIn(URBAN_MANAGEMENT, Summons.State.ARRIVED, "到了", List.of(), URBAN_HANDLER, afterLimit);
        assertThat(whistle.summonsOf(URBAN_MANAGEMENT).orElseThrow().isOverdue(afterLimit)).isFalse();
        assertThat(whistle.summonsOf(MARKET_REGULATION).orElseThrow().isOverdue(afterLimit)).isTrue();

        whistle.recordOutcome(Outcome.RESOLVED, "已整治", FUZIMIAO_DISPATCHER, afterLimit);
        assertThat(whistle.isOverdue(afterLimit)).isFalse();
    }

    @Test
    void aDepartmentCannotReportInTwice() {
        Whistle whistle = routineOnFuzimiao();
        whistle.reportIn(URBAN_MANAGEMENT, Summons.State.ARRIVED, "已到场", List.of(), URBAN_HANDLER, after(Duration.ofHours(1)));

        assertThatThrownBy(() -> whistle.reportIn(URBAN_MANAGEMENT, Summons.State.NOT_OUR_DUTY, "再次", List.of(), URBAN_HANDLER,
                after(Duration.ofHours(2))))
                .isInstanceOfSatisfying(WhistleStateException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.state()).isEqualTo("ARRIVED");
                });
    }

    @Test
    void notOurDutyCountsAsAnAnswerButIsFlagged() {
        Whistle whistle = routineOnFuzimiao();
        whistle.reportIn(MARKET_REGULATION, Summons.State.NOT_OUR_DUTY, "占道经营属城管职责", List.of(), MARKET_HANDLER,
                after(Duration.ofHours(1)));

        Summons summons = whistle.summonsOf(MARKET_REGULATION).orElseThrow();
        assertThat(summons.state()).isEqualTo(Summons.State.NOT_OUR_DUTY);
        assertThat(summons.state().isAnswer()).isTrue();
        assertThat(whistle.pendingChanges()).extracting(Whistle.Change::kind).containsExactly("NOT_OUR_DUTY");

        whistle.recordOutcome(Outcome.UNRESOLVED, "城管未到", FUZIMIAO_DISPATCHER, after(Duration.ofHours(2)));
        assertThat(whistle.summonsOf(MARKET_REGULATION).orElseThrow().state()).isEqualTo(Summons.State.NOT_OUR_DUTY);
    }

    @Test
    void aDepartmentThatWasNotSummonedIsRefused() {
        Whistle whistle = routineOnFuzimiao();

        assertThatThrownBy(() -> whistle.reportIn(POLICE, Summons.State.ARRIVED, "我们也来了", List.of(), POLICE_HANDLER, MONDAY_9))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(whistle.pendingChanges()).isEmpty();
    }

    @Test
    void recordingTheOutcomeClosesTheWhistleAndMarksThoseWhoNeverCameAsMissing() {
        Whistle whistle = routineOnFuzimiao();
        whistle.reportIn(URBAN_MANAGEMENT, Summons.State.ARRIVED, "已到场", List.of(), URBAN_HANDLER, after(Duration.ofHours(1)));
        Instant closing = after(Duration.ofHours(5));
        whistle.recordOutcome(Outcome.PARTIALLY_RESOLVED, "摊点已清理，执法待跟进", FUZIMIAO_DISPATCHER, closing);

        assertThat(whistle.status()).isEqualTo(WhistleStatus.CLOSED);
        assertThat(whistle.outcome()).isEqualTo(Outcome.PARTIALLY_RESOLVED);
        assertThat(whistle.finishedAt()).isEqualTo(closing);
        assertThat(whistle.finishedBy()).isEqualTo(FUZIMIAO_DISPATCHER.userId());
        assertThat(whistle.summonsOf(MARKET_REGULATION).orElseThrow().state()).isEqualTo(Summons.State.MISSED);
        assertThat(whistle.pendingChanges().getLast().event().apply(whistle))
                .isInstanceOfSatisfying(WhistleEvent.WhistleClosed.class, e -> {
                    assertThat(e.answeredDepartmentIds()).containsExactly(URBAN_MANAGEMENT);
                    assertThat(e.missedDepartmentIds()).containsExactly(MARKET_REGULATION);
                });
    }

    @Test
    void cancellingReleasesTheDepartmentsThatHaveNotAnswered() {
        Whistle whistle = routineOnFuzimiao();
        whistle.reportIn(URBAN_MANAGEMENT, Summons.State.ARRIVED, "已到场", List.of(), URBAN_HANDLER, after(Duration.ofHours(1)));
        whistle.cancel("问题已由社区自行解决", FUZIMIAO_DISPATCHER, after(Duration.ofHours(2)));

        assertThat(whistle.status()).isEqualTo(WhistleStatus.CANCELLED);
        assertThat(whistle.cancelReason()).isEqualTo("问题已由社区自行解决");
        assertThat(whistle.outcome()).isNull();
        assertThat(whistle.summonsOf(URBAN_MANAGEMENT).orElseThrow().state()).isEqualTo(Summons.State.ARRIVED);
        assertThat(whistle.summonsOf(MARKET_REGULATION).orElseThrow().state()).isEqualTo(Summons.State.RELEASED);
        assertThat(whistle.pendingChanges().getLast().event().apply(whistle))
                .isInstanceOfSatisfying(WhistleEvent.WhistleCancelled.class,
                        e -> assertThat(e.releasedDepartmentIds()).containsExactly(MARKET_REGULATION));
    }

    @Test
    void nothingButReadingIsPossibleOnceTheWhistleIsClosed() {
        Whistle whistle = routineOnFuzimiao();
        whistle.recordOutcome(Outcome.RESOLVED, "已解决", FUZIMIAO_DISPATCHER, after(Duration.ofHours(1)));
        Instant later = after(Duration.ofHours(2));

        assertIllegal(() -> whistle.reportIn(URBAN_MANAGEMENT, Summons.State.ARRIVED, "晚到", List.of(), URBAN_HANDLER, later), "CLOSED");
        assertIllegal(() -> whistle.recordOutcome(Outcome.UNRESOLVED, "改主意", FUZIMIAO_DISPATCHER, later), "CLOSED");
        assertIllegal(() -> whistle.cancel("撤", FUZIMIAO_DISPATCHER, later), "CLOSED");
        assertThat(whistle.outcome()).isEqualTo(Outcome.RESOLVED);
    }

    @Test
    void nothingButReadingIsPossibleOnceTheWhistleIsWithdrawn() {
        Whistle whistle = routineOnFuzimiao();
        whistle.cancel("误吹", FUZIMIAO_DISPATCHER, after(Duration.ofMinutes(5)));
        Instant later = after(Duration.ofHours(2));

        assertIllegal(() -> whistle.reportIn(MARKET_REGULATION, Summons.State.ARRIVED, "到", List.of(), MARKET_HANDLER, later), "CANCELLED");
        assertIllegal(() -> whistle.recordOutcome(Outcome.RESOLVED, "结", FUZIMIAO_DISPATCHER, later), "CANCELLED");
        assertIllegal(() -> whistle.cancel("再撤", FUZIMIAO_DISPATCHER, later), "CANCELLED");
    }

    @Test
    void theLedgerGetsOneStepPerChangeInOrder() {
        Whistle whistle = routineOnFuzimiao();
        whistle.reportIn(URBAN_MANAGEMENT, Summons.State.ARRIVED, "到", List.of(), URBAN_HANDLER, after(Duration.ofHours(1)));
        whistle.reportIn(MARKET_REGULATION, Summons.State.NOT_OUR_DUTY, "非我职责", List.of(), MARKET_HANDLER, after(Duration.ofHours(1)));
        whistle.recordOutcome(Outcome.RESOLVED, "结", FUZIMIAO_DISPATCHER, after(Duration.ofHours(3)));

        assertThat(whistle.pendingChanges()).extracting(Whistle.Change::kind)
                .containsExactly("REPORTED_IN", "NOT_OUR_DUTY", "OUTCOME_RECORDED");
        assertThat(whistle.pendingChanges()).extracting(Whistle.Change::actorUserId)
                .containsExactly(URBAN_HANDLER.userId(), MARKET_HANDLER.userId(), FUZIMIAO_DISPATCHER.userId());
        assertThat(WhistleJournal.record(whistle, "REPORTED_IN", MONDAY_9, 30, whistle.pendingChanges().getFirst().facts()))
                .satisfies(r -> {
                    assertThat(r.stream()).isEqualTo("whistle");
                    assertThat(r.subjectId()).isEqualTo(whistle.number());
                    assertThat(r.districtCode()).isEqualTo("320104002");
                });
    }

    private static void assertIllegal(Runnable step, String state) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(WhistleStateException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.state()).isEqualTo(state);
            assertThat(e.messageKey()).isEqualTo("whistle.error.illegalState");
        });
    }
}
