package org.yiwang.workorder;

import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiwang.platform.LocalizedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.workorder.Orders.DEADLINES;
import static org.yiwang.workorder.Orders.CO_HANDLER;
import static org.yiwang.workorder.Orders.DISPATCHER;
import static org.yiwang.workorder.Orders.GRID_WORKER;
import static org.yiwang.workorder.Orders.HANDLER;
import static org.yiwang.workorder.Orders.RESIDENT;
import static org.yiwang.workorder.Orders.T0;

class WorkOrderLifecycleTests {

    static final Instant LATER = T0.plus(Duration.ofMinutes(90));

    /** Performs {@code action} with valid arguments, so that only the state decides whether it is allowed. */
    static Consumer<WorkOrder> perform(Action action) {
        return switch (action) {
            case REPORT -> o -> { throw new IllegalTransitionException(Action.REPORT, o.status()); };
            case REGISTER -> o -> o.register("C01002", Urgency.URGENT, DISPATCHER, LATER, "", DEADLINES);
            case VOID -> o -> o.voidReport(DISPATCHER, LATER, "非本平台事项");
            case DISPATCH -> o -> o.dispatch(Orders.urbanManagement(), DISPATCHER, LATER, "", DEADLINES);
            case ACCEPT -> o -> o.accept(HANDLER, LATER, "");
            case RETURN -> o -> o.returnToDispatcher(HANDLER, LATER, "不属于本部门职责", "DL-C01002-DISTRICT", LIMITS, DEADLINES);
            case HANDLE -> o -> {
                if (o.status() == WorkOrderStatus.ACCEPTED) {
                    o.reportAssist(8L, CO_HANDLER, LATER, "已配合", List.of());
                }
                o.handle(HANDLER, LATER, "已处理", List.of("p"), DEADLINES);
            };
            case REQUEST_VERIFICATION -> o -> o.requestVerification(DISPATCHER, LATER, "");
            case APPROVE -> o -> o.approve(GRID_WORKER, LATER, "现场核实已处理", List.of());
            case REWORK -> o -> o.rework(GRID_WORKER, LATER, "井盖仍松动", List.of(), DEADLINES);
            case CLOSE -> o -> {
                if (o.status() == WorkOrderStatus.VERIFYING) {
                    o.approve(GRID_WORKER, LATER, "", List.of());
                }
                o.close(DISPATCHER, LATER, "");
            };
            case CLOSE_ON_SPOT -> o -> o.closeOnSpot(GRID_WORKER, LATER, "已现场处理", List.of("p"));
            case EVALUATE -> o -> o.evaluate(Satisfaction.SATISFIED, RESIDENT, LATER, "");
            case REOPEN -> o -> o.reopen(DISPATCHER, LATER, "回访不满意", DEADLINES);
            case REQUEST_EXTENSION -> o -> o.requestExtension(later(o), HANDLER, LATER, "需要采购材料");
            case APPROVE_EXTENSION -> o -> {
                o.requestExtension(later(o), HANDLER, LATER, "需要采购材料");
                o.approveExtension(DISPATCHER, LATER, "");
            };
            case REJECT_EXTENSION -> o -> {
                o.requestExtension(later(o), HANDLER, LATER, "需要采购材料");
                o.rejectExtension(DISPATCHER, LATER, "理由不充分");
            };
            case SUSPEND -> o -> o.suspend(DISPATCHER, LATER, "等待资金");
            case RESUME -> o -> {
                o.suspend(DISPATCHER, LATER, "等待资金");
                o.resume(DISPATCHER, LATER.plus(Duration.ofHours(2)), "", DEADLINES);
            };
            case SUPERVISE -> o -> o.supervise(DISPATCHER, LATER, "请加快处理");
            case REPEAT_CALL -> o -> o.repeatCall(DISPATCHER, LATER, "市民再次来电催办");
            case MERGE -> o -> o.mergeInto(999L, DISPATCHER, LATER, "重复");
            case ASSIST_REPORT -> o -> o.reportAssist(8L, CO_HANDLER, LATER, "已配合清理", List.of("p"));
            case ASSIST_RETURN -> o -> o.requestAssistReturn(8L, CO_HANDLER, LATER, "不属于本单位职责", "DL-C01002-DISTRICT", LIMITS, DEADLINES);
            case ACCEPT_RETURN -> o -> {
                o.requestAssistReturn(8L, CO_HANDLER, LATER, "不属于本单位职责", "DL-C01002-DISTRICT", LIMITS, DEADLINES);
                o.acceptAssistReturn(8L, DISPATCHER, LATER, "");
            };
            case REJECT_RETURN -> o -> {
                o.requestAssistReturn(8L, CO_HANDLER, LATER, "不属于本单位职责", "DL-C01002-DISTRICT", LIMITS, DEADLINES);
                o.rejectAssistReturn(8L, DISPATCHER, LATER, "职责清单明确由该单位配合", LIMITS, DEADLINES);
            };
            case CONTEST -> o -> contested(o);
            case RULE -> o -> {
                contested(o);
                o.rule(Orders.urbanManagement(), List.of(), DISPATCHER, LATER, "经研判属城管职责，住建配合", DEADLINES);
            };
        };
    }

    static final CoHandlingLimits LIMITS = CoHandlingLimits.DEFAULT;

    /**
     * The lead unit sends the order back a second time. (Its first 退单 is marked directly: the real path — 退单, the
     * dispatcher sends it to the same unit again — is walked in {@code CoHandlingTests}; here only the state decides.)
     */
    private static void contested(WorkOrder o) {
        o.returnedUnits.add(7L);
        o.contest(7L, HANDLER, LATER, "仍不属于本部门职责", "DL-C01002-DISTRICT", LIMITS, DEADLINES);
    }

    private static Instant later(WorkOrder order) {
        return (order.stageDueAt() == null ? LATER : order.stageDueAt()).plus(Duration.ofDays(2));
    }

    static Stream<Arguments> everyActionInEveryState() {
        return Arrays.stream(Action.values()).filter(a -> a != Action.REPORT)
                .flatMap(action -> Arrays.stream(WorkOrderStatus.values()).map(status -> Arguments.of(action, status)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyActionInEveryState")
    void eachActionIsAllowedExactlyInItsStates(Action action, WorkOrderStatus status) {
        WorkOrder order = Orders.in(status);
        if (action.allowedIn(status)) {
            perform(action).accept(order);
            Transition last = order.pendingTransitions().getLast();
            assertThat(last.action()).isIn(action, Action.APPROVE_EXTENSION, Action.REJECT_EXTENSION, Action.RESUME, Action.CLOSE);
            assertThat(order.status()).isEqualTo(action.targetFrom(status));
        } else {
            int before = order.pendingTransitions().size();
            assertThatThrownBy(() -> perform(action).accept(order))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.current()).isEqualTo(status);
                        assertThat(e.args()).contains(status.name());
                    });
            assertThat(order.status()).isEqualTo(status);
            assertThat(order.pendingTransitions()).hasSize(before);
        }
    }

    @Test
    void theMainLineRecordsEveryStepWithItsActorAndPhotos() {
        WorkOrder order = Orders.in(WorkOrderStatus.EVALUATED);
        assertThat(order.pendingTransitions()).extracting(Transition::action).containsExactly(
                Action.REPORT, Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.ASSIST_REPORT, Action.HANDLE,
                Action.REQUEST_VERIFICATION, Action.APPROVE, Action.CLOSE, Action.EVALUATE);
        Transition handled = order.pendingTransitions().get(5);
        assertThat(handled.from()).isEqualTo(WorkOrderStatus.ACCEPTED);
        assertThat(handled.to()).isEqualTo(WorkOrderStatus.HANDLED);
        assertThat(handled.actorUserId()).isEqualTo(HANDLER.userId());
        assertThat(handled.photos()).containsExactly("photo-after");
        assertThat(order.closedOnTime()).isTrue();
        assertThat(order.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    }

    @Test
    void dispatcherCannotCloseOrderThatWasNeverVerified() {
        WorkOrder order = Orders.in(WorkOrderStatus.VERIFYING);
        assertThatThrownBy(() -> order.close(DISPATCHER, LATER, ""))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.messageKey()).isEqualTo("workorder.error.notVerified"));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.VERIFYING);
    }

    @Test
    void reworkSendsTheOrderBackToTheSameUnitWithAFreshHandlingClock() {
        WorkOrder order = Orders.in(WorkOrderStatus.VERIFYING);
        order.rework(GRID_WORKER, LATER, "井盖仍松动", List.of("photo-still-loose"), DEADLINES);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
        assertThat(order.assigneeOrgUnitId()).isEqualTo(7L);
        assertThat(order.reworkCount()).isEqualTo(1);
        assertThat(order.stage()).isEqualTo(Stage.HANDLE);
        assertThat(order.stageStartedAt()).isEqualTo(LATER);
        assertThat(order.stageDueAt()).isEqualTo(LATER.plus(FixedDeadlines.LIMIT));
    }

    @Test
    void returnClearsTheAssignmentAndCountsAgainstAccurateDispatch() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        order.returnToDispatcher(HANDLER, LATER, "不属于本部门", "DL-C01002-DISTRICT", LIMITS, DEADLINES);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.REGISTERED);
        assertThat(order.assigneeOrgUnitId()).isNull();
        assertThat(order.assistOrgUnitIds()).isEmpty();
        assertThat(order.returnCount()).isEqualTo(1);
        assertThat(order.stage()).isEqualTo(Stage.DISPATCH);
    }

    @Test
    void signingForAnOrderDoesNotRestartTheHandlingClock() {
        WorkOrder order = Orders.in(WorkOrderStatus.DISPATCHED);
        Instant due = order.stageDueAt();
        order.accept(HANDLER, LATER, "");
        assertThat(order.stageDueAt()).isEqualTo(due);
    }

    @Test
    void suspensionStopsTheClockAndResumingMovesTheDueTimeByThePause() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        Instant due = order.stageDueAt();
        order.suspend(DISPATCHER, LATER, "等待资金");
        assertThat(order.usedFraction(LATER.plus(Duration.ofDays(3)), DEADLINES)).isEqualTo(order.usedFraction(LATER, DEADLINES));
        assertThatThrownBy(() -> order.handle(HANDLER, LATER, "x", List.of(), DEADLINES))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.messageKey()).isEqualTo("workorder.error.suspended"));
        double usedWhenSuspended = order.usedFraction(LATER, DEADLINES);
        order.resume(DISPATCHER, LATER.plus(Duration.ofHours(5)), "资金到位", DEADLINES);
        assertThat(order.stageDueAt()).isEqualTo(due.plus(Duration.ofHours(5)));
        assertThat(order.usedFraction(LATER.plus(Duration.ofHours(5)), DEADLINES)).isCloseTo(usedWhenSuspended, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(order.pendingTransitions().getLast().details()).containsKeys("dueBefore", "dueAfter", "suspendedSince");
    }

    @Test
    void aRepeatCallIsNotedWhileTheOrderIsSuspendedWithoutMovingItsClock() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        Instant due = order.stageDueAt();
        order.suspend(DISPATCHER, LATER, "等待资金");
        order.repeatCall(DISPATCHER, LATER.plus(Duration.ofHours(1)), "市民再次来电催办");
        Transition last = order.pendingTransitions().getLast();
        assertThat(last.action()).isEqualTo(Action.REPEAT_CALL);
        assertThat(last.note()).isEqualTo("市民再次来电催办");
        assertThat(order.status()).isEqualTo(WorkOrderStatus.ACCEPTED);
        assertThat(order.suspended()).isTrue();
        assertThat(order.stageDueAt()).isEqualTo(due);
    }

    @Test
    void approvedExtensionMovesTheDueTimeAndRejectedOneDoesNot() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        Instant due = order.stageDueAt();
        Instant wanted = due.plus(Duration.ofDays(2));
        order.requestExtension(wanted, HANDLER, LATER, "需要采购材料");
        assertThatThrownBy(() -> order.requestExtension(wanted.plusSeconds(1), HANDLER, LATER, "再延"))
                .isInstanceOf(LocalizedException.class);
        order.rejectExtension(DISPATCHER, LATER, "理由不充分");
        assertThat(order.stageDueAt()).isEqualTo(due);
        order.requestExtension(wanted, HANDLER, LATER, "需要采购材料");
        order.approveExtension(DISPATCHER, LATER, "同意");
        assertThat(order.stageDueAt()).isEqualTo(wanted);
        assertThat(order.extensionRequestedUntil()).isNull();
    }

    @Test
    void extensionMustAskForALaterTime() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        assertThatThrownBy(() -> order.requestExtension(order.stageDueAt().minusSeconds(1), HANDLER, LATER, "x"))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.messageKey()).isEqualTo("workorder.error.extensionNotLater"));
    }

    @Test
    void lateHandlingIsNotClosedOnTime() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        Instant late = order.stageDueAt().plusSeconds(1);
        order.reportAssist(8L, CO_HANDLER, late, "已配合", List.of());
        order.handle(HANDLER, late, "终于处理", List.of(), DEADLINES);
        order.requestVerification(DISPATCHER, late, "");
        order.approve(GRID_WORKER, late, "", List.of());
        order.close(DISPATCHER, late, "");
        assertThat(order.closedOnTime()).isFalse();
    }

    @Test
    void theTrafficLightFollowsTheUsedShareOfTheLimit() {
        WorkOrder order = Orders.in(WorkOrderStatus.DISPATCHED);
        Instant start = order.stageStartedAt();
        assertThat(order.light(start.plus(Duration.ofMinutes(47)), DEADLINES)).isEqualTo(TrafficLight.GREEN);
        assertThat(order.light(start.plus(Duration.ofMinutes(48)), DEADLINES)).isEqualTo(TrafficLight.YELLOW);
        assertThat(order.light(start.plus(Duration.ofMinutes(60)), DEADLINES)).isEqualTo(TrafficLight.YELLOW);
        assertThat(order.light(start.plus(Duration.ofMinutes(61)), DEADLINES)).isEqualTo(TrafficLight.RED);
        assertThat(Orders.in(WorkOrderStatus.CLOSED).light(LATER, DEADLINES)).isEqualTo(TrafficLight.NONE);
    }

    @Test
    void notesAreRequiredWhereSomeoneMustSayWhy() {
        WorkOrder order = Orders.in(WorkOrderStatus.REPORTED);
        assertThatThrownBy(() -> order.voidReport(DISPATCHER, LATER, " ")).isInstanceOfSatisfying(LocalizedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("workorder.error.noteRequired"));
    }

    @Test
    void closeOnTheSpotLeavesTheFullRecord() {
        WorkOrder order = Orders.reportedInFuzimiao();
        order.closeOnSpot(GRID_WORKER, LATER, "已清理", List.of("after"));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(order.routingLevel()).isEqualTo("GRID");
        assertThat(order.pendingTransitions()).extracting(Transition::action).containsExactly(Action.REPORT, Action.CLOSE_ON_SPOT);
    }

    @Test
    void aVerificationCannotBeApprovedTwice() {
        WorkOrder order = Orders.in(WorkOrderStatus.VERIFYING);
        order.approve(GRID_WORKER, LATER, "现场已恢复", List.of());
        int before = order.pendingTransitions().size();
        assertThatThrownBy(() -> order.approve(GRID_WORKER, LATER.plusSeconds(1), "再次核查", List.of()))
                .isInstanceOfSatisfying(org.yiwang.platform.LocalizedException.class,
                        e -> assertThat(e.getMessage()).contains("workorder.error.alreadyApproved"));
        assertThat(order.pendingTransitions()).hasSize(before);
        assertThat(WorkOrderQueries.allowedActions(order, DISPATCHER)).doesNotContain(Action.APPROVE).contains(Action.CLOSE);
    }
}
