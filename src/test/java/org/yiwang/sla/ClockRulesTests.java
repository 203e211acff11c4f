package org.yiwang.sla;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.catalog.WorkSchedule;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.sla.WarningTimeTests.cst;

class ClockRulesTests {

    static final WarningTime TIME = new WarningTime(WorkSchedule.standard(List.of()));
    static final Instant T0 = cst("2026-11-23T09:00");
    static final Duration HOUR = Duration.ofHours(1);

    /** A snapshot of order 7 as an event of {@code action} at {@code at} carries it. */
    static StageSnapshot event(Action action, WorkOrderStatus to, Instant startedAt, Instant due, boolean suspended, Instant at) {
        Stage stage = to.stage();
        return new StageSnapshot(7, "YW202611230000007", "320104", "320104002", "320104002001001", "C01002", Urgency.NORMAL,
                to, stage, startedAt, due, false, suspended, 11L, null, action == Action.SUSPEND ? at : null, List.of(), 0,
                action, at);
    }

    static StageClock apply(StageClock current, StageSnapshot s) {
        return ClockRules.follow(current, s, TIME, false).orElseThrow().next();
    }

    static StageClock dispatchedAtT0() {
        return apply(null, event(Action.DISPATCH, WorkOrderStatus.DISPATCHED, T0, T0.plus(HOUR), false, T0));
    }

    @Test
    void theTransitionThatStartsAStageStartsItsClock() {
        ClockRules.Change change = ClockRules.follow(null, event(Action.DISPATCH, WorkOrderStatus.DISPATCHED, T0, T0.plus(HOUR), false, T0), TIME, false).orElseThrow();
        StageClock clock = change.next();
        assertThat(clock.running()).isTrue();
        assertThat(clock.stage()).isEqualTo(Stage.HANDLE);
        assertThat(clock.limit()).isEqualTo(HOUR);
        assertThat(clock.warnAt()).isEqualTo(T0.plus(Duration.ofMinutes(48)));
        assertThat(clock.dueAt()).isEqualTo(T0.plus(HOUR));
        assertThat(change.entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ClockEntry.Kind.STARTED);
            assertThat(e.action()).isEqualTo(Action.DISPATCH);
            assertThat(e.dueAfter()).isEqualTo(T0.plus(HOUR));
        });
    }

    @Test
    void transitionsSavedTogetherCreditTheStartToTheOneThatStartedTheStage() {
        // intake files and dispatches at once: REPORT, REGISTER and DISPATCH all carry the final state
        StageSnapshot report = event(Action.REPORT, WorkOrderStatus.REPORTED, T0, T0.plus(HOUR), false, T0);
        report = new StageSnapshot(report.orderId(), report.number(), report.districtCode(), report.streetCode(), report.gridCode(),
                report.categoryCode(), report.urgency(), WorkOrderStatus.REPORTED, Stage.HANDLE, T0, T0.plus(HOUR), false, false,
                11L, null, null, List.of(), 0, Action.REPORT, T0);
        StageSnapshot dispatch = event(Action.DISPATCH, WorkOrderStatus.DISPATCHED, T0, T0.plus(HOUR), false, T0);

        ClockRules.Change first = ClockRules.follow(null, report, TIME, false).orElseThrow();
        assertThat(first.entries()).isEmpty();
        ClockRules.Change second = ClockRules.follow(first.next(), dispatch, TIME, false).orElseThrow();
        assertThat(second.entries()).extracting(ClockEntry::kind, ClockEntry::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ClockEntry.Kind.STARTED, Action.DISPATCH));
        assertThat(second.next().status()).isEqualTo(WorkOrderStatus.DISPATCHED);

        // the other way round: the sibling that arrives last changes nothing
        StageClock dispatchedFirst = apply(null, dispatch);
        ClockRules.Change late = ClockRules.follow(dispatchedFirst, report, TIME, false).orElseThrow();
        assertThat(late.entries()).isEmpty();
        assertThat(late.next()).isEqualTo(dispatchedFirst);
    }

    @Test
    void anOlderEventIsStaleAndChangesNothing() {
        StageClock accepted = apply(dispatchedAtT0(), event(Action.ACCEPT, WorkOrderStatus.ACCEPTED, T0, T0.plus(HOUR), false, T0.plusSeconds(60)));
        assertThat(ClockRules.follow(accepted, event(Action.DISPATCH, WorkOrderStatus.DISPATCHED, T0, T0.plus(HOUR), false, T0), TIME, false))
                .isEmpty();
        assertThat(accepted.status()).isEqualTo(WorkOrderStatus.ACCEPTED);
    }

    @Test
    void ofTwoTransitionsInTheSameClockTickTheOneThatStartedTheLaterStageWins() {
        StageClock dispatched = dispatchedAtT0();
        Instant tick = T0.plusSeconds(60);
        StageSnapshot accept = event(Action.ACCEPT, WorkOrderStatus.ACCEPTED, T0, T0.plus(HOUR), false, tick);
        StageSnapshot handle = event(Action.HANDLE, WorkOrderStatus.HANDLED, tick, tick.plus(HOUR), false, tick);
        StageClock handled = apply(dispatched, handle);
        assertThat(ClockRules.follow(handled, accept, TIME, false)).isEmpty();
        assertThat(apply(apply(dispatched, accept), handle).stage()).isEqualTo(Stage.VERIFY);
    }

    @Test
    void aRedeliveredEventLeavesTheClockAsItIs() {
        StageSnapshot dispatch = event(Action.DISPATCH, WorkOrderStatus.DISPATCHED, T0, T0.plus(HOUR), false, T0);
        ClockRules.Change first = ClockRules.follow(null, dispatch, TIME, false).orElseThrow();
        ClockRules.Change again = ClockRules.follow(first.next(), dispatch, TIME, false).orElseThrow();
        assertThat(again.next()).isEqualTo(first.next());
        // the same history entry again, which the history table keeps once
        assertThat(again.entries()).isEqualTo(first.entries());
    }

    @Test
    void aNewStageInstanceMayBeWarnedAndBreachedAgain() {
        StageClock breached = withWarningAndBreach(dispatchedAtT0(), T0.plus(Duration.ofMinutes(70)));
        Instant rework = T0.plus(Duration.ofHours(3));
        StageClock reworked = apply(breached, event(Action.REWORK, WorkOrderStatus.DISPATCHED, rework, rework.plus(HOUR), false, rework));
        assertThat(reworked.startedAt()).isEqualTo(rework);
        assertThat(reworked.warnedAt()).isNull();
        assertThat(reworked.breachedAt()).isNull();
        assertThat(reworked.escalated()).isFalse();
        assertThat(reworked.breachCount()).isEqualTo(1);
        assertThat(reworked.warnAt()).isEqualTo(rework.plus(Duration.ofMinutes(48)));
    }

    @Test
    void anApprovedExtensionMovesTheDueTimeButAWarningAlreadySentStaysSent() {
        StageClock warned = withWarning(dispatchedAtT0(), T0.plus(Duration.ofMinutes(50)));
        Instant approvedAt = T0.plus(Duration.ofMinutes(55));
        Instant newDue = T0.plus(Duration.ofHours(3));
        ClockRules.Change change = ClockRules.follow(warned,
                event(Action.APPROVE_EXTENSION, WorkOrderStatus.DISPATCHED, T0, newDue, false, approvedAt), TIME, false).orElseThrow();
        StageClock extended = change.next();
        assertThat(extended.dueAt()).isEqualTo(newDue);
        assertThat(extended.limit()).isEqualTo(Duration.ofHours(3));
        assertThat(extended.warnAt()).isEqualTo(T0.plus(Duration.ofMinutes(144)));
        assertThat(extended.warnedAt()).isEqualTo(warned.warnedAt());
        assertThat(change.entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ClockEntry.Kind.DUE_MOVED);
            assertThat(e.action()).isEqualTo(Action.APPROVE_EXTENSION);
            assertThat(e.dueBefore()).isEqualTo(T0.plus(HOUR));
            assertThat(e.dueAfter()).isEqualTo(newDue);
        });
    }

    @Test
    void aResumeMakesUpForThePauseWithoutLengtheningTheLimit() {
        Instant suspendedAt = T0.plus(Duration.ofMinutes(20));
        StageClock suspended = apply(dispatchedAtT0(), event(Action.SUSPEND, WorkOrderStatus.DISPATCHED, T0, T0.plus(HOUR), true, suspendedAt));
        assertThat(suspended.suspended()).isTrue();
        assertThat(suspended.suspendedAt()).isEqualTo(suspendedAt);
        Instant resumedAt = suspendedAt.plus(Duration.ofHours(2));
        ClockRules.Change change = ClockRules.follow(suspended,
                event(Action.RESUME, WorkOrderStatus.DISPATCHED, T0, T0.plus(Duration.ofHours(3)), false, resumedAt), TIME, false).orElseThrow();
        StageClock resumed = change.next();
        assertThat(resumed.suspended()).isFalse();
        assertThat(resumed.limit()).isEqualTo(HOUR);
        // 48 of 60 minutes used: 20 before the pause, 28 after it
        assertThat(resumed.warnAt()).isEqualTo(resumedAt.plus(Duration.ofMinutes(28)));
        assertThat(change.entries()).extracting(ClockEntry::kind).containsExactly(ClockEntry.Kind.DUE_MOVED, ClockEntry.Kind.RESUMED);
        assertThat(change.entries()).allSatisfy(e -> assertThat(e.action()).isEqualTo(Action.RESUME));
    }

    @Test
    void aSuspendArrivingAfterItsResumeIsStale() {
        Instant suspendedAt = T0.plus(Duration.ofMinutes(20));
        Instant resumedAt = suspendedAt.plus(Duration.ofHours(2));
        StageClock resumed = apply(dispatchedAtT0(), event(Action.RESUME, WorkOrderStatus.DISPATCHED, T0, T0.plus(Duration.ofHours(3)), false, resumedAt));
        assertThat(resumed.limit()).isEqualTo(HOUR);
        StageSnapshot suspend = event(Action.SUSPEND, WorkOrderStatus.DISPATCHED, T0, T0.plus(HOUR), true, suspendedAt);
        assertThat(ClockRules.follow(resumed, suspend, TIME, false)).isEmpty();
        // the suspension happened all the same: the history keeps it
        assertThat(ClockRules.lateFacts(suspend)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ClockEntry.Kind.SUSPENDED);
            assertThat(e.at()).isEqualTo(suspendedAt);
        });
    }

    @Test
    void closingStopsTheClockAndReopeningStartsANewOne() {
        Instant handled = T0.plus(Duration.ofMinutes(30));
        StageClock verifying = apply(dispatchedAtT0(), event(Action.HANDLE, WorkOrderStatus.HANDLED, handled, handled.plus(HOUR), false, handled));
        assertThat(verifying.stage()).isEqualTo(Stage.VERIFY);
        Instant closedAt = handled.plus(Duration.ofMinutes(20));
        ClockRules.Change close = ClockRules.follow(verifying, event(Action.CLOSE, WorkOrderStatus.CLOSED, null, null, false, closedAt), TIME, false).orElseThrow();
        assertThat(close.next().running()).isFalse();
        assertThat(close.next().closedAt()).isEqualTo(closedAt);
        assertThat(close.next().stage()).isEqualTo(Stage.VERIFY); // the last stage stays on record
        assertThat(close.entries()).extracting(ClockEntry::kind).containsExactly(ClockEntry.Kind.STOPPED);
        // a late event from before the close is stale
        assertThat(ClockRules.follow(close.next(), event(Action.REQUEST_VERIFICATION, WorkOrderStatus.VERIFYING, handled, handled.plus(HOUR), false,
                handled.plusSeconds(60)), TIME, false)).isEmpty();

        Instant reopened = closedAt.plus(Duration.ofDays(1));
        StageClock again = apply(close.next(), event(Action.REOPEN, WorkOrderStatus.REGISTERED, reopened, reopened.plus(HOUR), false, reopened));
        assertThat(again.running()).isTrue();
        assertThat(again.stage()).isEqualTo(Stage.DISPATCH);
        assertThat(again.closedAt()).isNull();
    }

    @Test
    void theOrderReadBackIsAppliedWithoutMakingPendingEventsStale() {
        StageClock clock = dispatchedAtT0();
        Instant readAt = T0.plus(Duration.ofMinutes(30));
        StageSnapshot truth = new StageSnapshot(7, clock.number(), clock.districtCode(), clock.streetCode(), clock.gridCode(),
                clock.categoryCode(), clock.urgency(), WorkOrderStatus.ACCEPTED, Stage.HANDLE, T0, T0.plus(Duration.ofHours(2)), false,
                false, 11L, null, null, List.of(), 1, null, readAt);
        StageClock synced = ClockRules.follow(clock, truth, TIME, true).orElseThrow().next();
        assertThat(synced.dueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(synced.asOf()).isEqualTo(T0);
        assertThat(ClockRules.follow(synced, event(Action.ACCEPT, WorkOrderStatus.ACCEPTED, T0, T0.plus(Duration.ofHours(2)), false,
                T0.plusSeconds(10)), TIME, false)).isPresent();
    }

    static StageClock withWarning(StageClock c, Instant at) {
        return new StageClock(c.orderId(), c.number(), c.districtCode(), c.streetCode(), c.gridCode(), c.categoryCode(), c.urgency(),
                c.status(), c.stage(), c.startedAt(), c.dueAt(), c.workingTime(), c.limit(), c.warnAt(), c.suspended(), c.suspendedAt(),
                c.assigneeOrgUnitId(), c.assigneeUserId(), c.assistOrgUnitIds(), c.supervisionCount(), at, null, false, c.breachCount(),
                c.asOf(), c.closedAt());
    }

    static StageClock withWarningAndBreach(StageClock c, Instant at) {
        return new StageClock(c.orderId(), c.number(), c.districtCode(), c.streetCode(), c.gridCode(), c.categoryCode(), c.urgency(),
                c.status(), c.stage(), c.startedAt(), c.dueAt(), c.workingTime(), c.limit(), c.warnAt(), c.suspended(), c.suspendedAt(),
                c.assigneeOrgUnitId(), c.assigneeUserId(), c.assistOrgUnitIds(), c.supervisionCount() + 1, at, at, true,
                c.breachCount() + 1, c.asOf(), c.closedAt());
    }
}
