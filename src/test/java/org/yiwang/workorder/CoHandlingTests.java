package org.yiwang.workorder;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.platform.LocalizedException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.workorder.Orders.CO_HANDLER;
import static org.yiwang.workorder.Orders.DEADLINES;
import static org.yiwang.workorder.Orders.DISPATCHER;
import static org.yiwang.workorder.Orders.HANDLER;
import static org.yiwang.workorder.Orders.T0;

/** 主办/协办, 退单 and 争议 on the order itself (the state table is in {@link WorkOrderLifecycleTests}). */
class CoHandlingTests {

    static final CoHandlingLimits LIMITS = CoHandlingLimits.DEFAULT;
    static final Instant DISPATCHED_AT = T0.plus(Duration.ofMinutes(10)); // see Orders.dispatch
    static final String DUTY = "DL-C01002-DISTRICT 井盖由权属单位负责";

    static void refusedWith(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(LocalizedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void dispatchGivesEachCoHandlerItsPartAndItsOwnDeadline() {
        WorkOrder order = Orders.in(WorkOrderStatus.REGISTERED);
        order.dispatch(new Assignment(7, "城管局", null, "DISTRICT", List.of(8L, 9L), List.of()),
                List.of(new AssistTerms(8L, "负责管线开挖后的路面恢复", 2)), DISPATCHER, DISPATCHED_AT, "", DEADLINES);
        assertThat(order.coHandlers()).extracting(CoHandler::orgUnitId).containsExactly(8L, 9L);
        CoHandler roads = order.coHandler(8L).orElseThrow();
        assertThat(roads.part()).isEqualTo("负责管线开挖后的路面恢复");
        assertThat(roads.dueAt()).isEqualTo(DISPATCHED_AT.plus(Duration.ofHours(16))); // 2 working days of the test calendar
        assertThat(order.coHandler(9L).orElseThrow().dueAt()).as("no limit of its own: due with the lead").isEqualTo(order.stageDueAt());
        assertThat(order.assistOrgUnitIds()).containsExactly(8L, 9L);
    }

    @Test
    void leadCannotReportDoneUntilEveryCoHandlerHasReported() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        assertThatThrownBy(() -> order.handle(HANDLER, T0.plus(Duration.ofMinutes(40)), "已处理", List.of(), DEADLINES))
                .isInstanceOfSatisfying(LocalizedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("workorder.error.coHandlersMissing");
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.args()).containsExactly("8");
                });
        assertThat(order.status()).isEqualTo(WorkOrderStatus.ACCEPTED);
        order.reportAssist(8L, CO_HANDLER, T0.plus(Duration.ofMinutes(30)), "已配合清理", List.of("p1"));
        order.handle(HANDLER, T0.plus(Duration.ofMinutes(40)), "已处理", List.of(), DEADLINES);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.HANDLED);
    }

    @Test
    void aLateCoHandlerIsRecordedLateAndStaysRed() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        CoHandler before = order.coHandler(8L).orElseThrow();
        Instant late = before.dueAt().plusSeconds(60);
        order.reportAssist(8L, CO_HANDLER, late, "迟到的配合", List.of());
        Transition report = order.pendingTransitions().getLast();
        assertThat(report.action()).isEqualTo(Action.ASSIST_REPORT);
        assertThat(report.details()).containsEntry("orgUnit", 8L).containsEntry("onTime", false);
        assertThat(order.coHandler(8L).orElseThrow().light(late.plus(Duration.ofDays(3)), DEADLINES)).isEqualTo(TrafficLight.RED);
        assertThat(order.coHandler(8L).orElseThrow().state()).isEqualTo(CoHandler.State.REPORTED);
    }

    @Test
    void coHandlerCannotReportTwice() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        order.reportAssist(8L, CO_HANDLER, T0.plus(Duration.ofMinutes(30)), "已配合", List.of());
        int steps = order.pendingTransitions().size();
        refusedWith(() -> order.reportAssist(8L, CO_HANDLER, T0.plus(Duration.ofMinutes(31)), "再报一次", List.of()),
                "workorder.error.assistReported");
        assertThat(order.pendingTransitions()).hasSize(steps);
    }

    @Test
    void unitThatIsNoCoHandlerCannotReportAPart() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        refusedWith(() -> order.reportAssist(99L, CO_HANDLER, T0.plus(Duration.ofMinutes(30)), "x", List.of()),
                "workorder.error.notCoHandler");
    }

    @Test
    void leadSendsBackCitingTheDutyListAndTheOrderGoesBackToTheDispatcher() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        refusedWith(() -> order.returnToDispatcher(HANDLER, DISPATCHED_AT.plusSeconds(60), "不属于本部门", " ", LIMITS, DEADLINES),
                "workorder.error.dutyItemRequired");
        order.returnToDispatcher(HANDLER, DISPATCHED_AT.plusSeconds(60), "不属于本部门", DUTY, LIMITS, DEADLINES);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.REGISTERED);
        assertThat(order.returnCount()).isEqualTo(1);
        assertThat(order.returnedUnits()).containsExactly(7L);
        assertThat(order.coHandlers()).isEmpty();
        assertThat(order.pendingTransitions().getLast().details()).containsEntry("orgUnit", 7L).containsEntry("dutyItem", DUTY);
    }

    @Test
    void sendingBackIsRefusedAfterTheWindowOfTwoWorkingHours() {
        WorkOrder order = Orders.in(WorkOrderStatus.DISPATCHED);
        Instant tooLate = DISPATCHED_AT.plus(Duration.ofHours(2)).plusSeconds(1);
        assertThatThrownBy(() -> order.returnToDispatcher(HANDLER, tooLate, "不属于本部门", DUTY, LIMITS, DEADLINES))
                .isInstanceOfSatisfying(LocalizedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("workorder.error.returnWindowPassed");
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.args()).containsExactly(2);
                });
        refusedWith(() -> order.requestAssistReturn(8L, CO_HANDLER, tooLate, "不属于本单位", DUTY, LIMITS, DEADLINES),
                "workorder.error.returnWindowPassed");
        assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
        CoHandlingLimits wider = new CoHandlingLimits(TimeLimit.workingHours(3), TimeLimit.workingDays(1));
        order.returnToDispatcher(HANDLER, tooLate, "不属于本部门", DUTY, wider, DEADLINES);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.REGISTERED);
    }

    @Test
    void aSecondSendingBackBySameUnitIsADisputeForTheCommandCentre() {
        WorkOrder order = Orders.in(WorkOrderStatus.DISPATCHED);
        order.returnToDispatcher(HANDLER, DISPATCHED_AT.plusSeconds(60), "不属于本部门", DUTY, LIMITS, DEADLINES);
        Instant again = DISPATCHED_AT.plus(Duration.ofMinutes(30));
        order.dispatch(Orders.urbanManagement(), DISPATCHER, again, "经核实仍属城管", DEADLINES);
        refusedWith(() -> order.returnToDispatcher(HANDLER, again.plusSeconds(60), "仍不属于", DUTY, LIMITS, DEADLINES),
                "workorder.error.returnedBefore");
        order.contest(7L, HANDLER, again.plusSeconds(60), "仍不属于本部门", DUTY, LIMITS, DEADLINES);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
        Dispute dispute = order.dispute();
        assertThat(dispute).isNotNull();
        assertThat(dispute.orgUnitId()).isEqualTo(7L);
        assertThat(dispute.lead()).isTrue();
        assertThat(dispute.origin()).isEqualTo(Dispute.Origin.SECOND_RETURN);
        assertThat(dispute.dueAt()).isEqualTo(again.plusSeconds(60).plus(Duration.ofHours(8))); // one working day
        assertThat(order.coHandlingAttention()).isEqualTo("DISPUTE");
        refusedWith(() -> order.contest(7L, HANDLER, again.plusSeconds(90), "再次", DUTY, LIMITS, DEADLINES), "workorder.error.disputePending");
    }

    @Test
    void theRulingBindsTheUnitsItNames() {
        WorkOrder order = Orders.in(WorkOrderStatus.DISPATCHED);
        order.returnToDispatcher(HANDLER, DISPATCHED_AT.plusSeconds(60), "不属于本部门", DUTY, LIMITS, DEADLINES);
        Instant again = DISPATCHED_AT.plus(Duration.ofMinutes(30));
        order.dispatch(Orders.urbanManagement(), DISPATCHER, again, "", DEADLINES);
        order.contest(7L, HANDLER, again.plusSeconds(60), "仍不属于本部门", DUTY, LIMITS, DEADLINES);
        Instant ruled = again.plus(Duration.ofHours(1));
        order.rule(new Assignment(7, "城管局", null, "DISTRICT", List.of(8L, 9L), List.of("RULING")),
                List.of(new AssistTerms(9L, "提供管线权属资料", null)), DISPATCHER, ruled, "依职责清单 C01002 由城管主办，住建、水务协办", DEADLINES);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
        assertThat(order.dispute()).isNull();
        assertThat(order.coHandlingAttention()).isNull();
        assertThat(order.boundUnits()).containsExactlyInAnyOrder(7L, 8L, 9L);
        assertThat(order.coHandler(9L).orElseThrow().part()).isEqualTo("提供管线权属资料");
        Transition ruling = order.pendingTransitions().getLast();
        assertThat(ruling.action()).isEqualTo(Action.RULE);
        assertThat(ruling.note()).contains("城管主办");
        assertThat(ruling.details()).containsEntry("disputedUnit", 7L).containsEntry("orgUnit", 7L);
        refusedWith(() -> order.contest(7L, HANDLER, ruled.plusSeconds(60), "还是不服", DUTY, LIMITS, DEADLINES), "workorder.error.bound");
        refusedWith(() -> order.requestAssistReturn(9L, CO_HANDLER, ruled.plusSeconds(60), "不属于", DUTY, LIMITS, DEADLINES),
                "workorder.error.bound");
    }

    @Test
    void anAcceptedCoHandlerReturnReleasesOnlyThatUnit() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        order.requestAssistReturn(8L, CO_HANDLER, DISPATCHED_AT.plusSeconds(60), "不属于本单位", DUTY, LIMITS, DEADLINES);
        assertThat(order.coHandlingAttention()).isEqualTo("RETURN");
        assertThat(order.coHandler(8L).orElseThrow().state()).isEqualTo(CoHandler.State.RETURN_REQUESTED);
        order.acceptAssistReturn(null, DISPATCHER, DISPATCHED_AT.plusSeconds(120), "同意");
        assertThat(order.status()).isEqualTo(WorkOrderStatus.ACCEPTED);
        assertThat(order.assigneeOrgUnitId()).isEqualTo(7L);
        assertThat(order.coHandlers()).isEmpty();
        assertThat(order.assistOrgUnitIds()).isEmpty();
        assertThat(order.returnedUnits()).containsExactly(8L);
        assertThat(order.pendingTransitions().getLast().details()).containsEntry("orgUnit", 8L);
        assertThat(order.coHandlingAttention()).isNull();
        order.handle(HANDLER, DISPATCHED_AT.plusSeconds(180), "已处理", List.of(), DEADLINES);
    }

    @Test
    void aRejectedCoHandlerReturnGoesToArbitration() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        order.requestAssistReturn(8L, CO_HANDLER, DISPATCHED_AT.plusSeconds(60), "不属于本单位", DUTY, LIMITS, DEADLINES);
        refusedWith(() -> order.rejectAssistReturn(8L, DISPATCHER, DISPATCHED_AT.plusSeconds(90), " ", LIMITS, DEADLINES),
                "workorder.error.noteRequired");
        order.rejectAssistReturn(8L, DISPATCHER, DISPATCHED_AT.plusSeconds(90), "清单明确由该单位配合", LIMITS, DEADLINES);
        assertThat(order.dispute()).isNotNull();
        assertThat(order.dispute().origin()).isEqualTo(Dispute.Origin.RETURN_REJECTED);
        assertThat(order.dispute().dutyItem()).isEqualTo(DUTY);
        assertThat(order.coHandlingAttention()).isEqualTo("DISPUTE");
        refusedWith(() -> order.handle(HANDLER, DISPATCHED_AT.plusSeconds(120), "已处理", List.of(), DEADLINES),
                "workorder.error.disputePending");
    }

    @Test
    void theCoHandlingStateSurvivesStorage() {
        WorkOrder order = Orders.in(WorkOrderStatus.ACCEPTED);
        order.requestAssistReturn(8L, CO_HANDLER, DISPATCHED_AT.plusSeconds(60), "不属于本单位", DUTY, LIMITS, DEADLINES);
        order.rejectAssistReturn(8L, DISPATCHER, DISPATCHED_AT.plusSeconds(90), "清单明确由该单位配合", LIMITS, DEADLINES);
        String json = CoHandlingJson.write(order);
        CoHandlingJson.CoHandling read = CoHandlingJson.read(json);
        assertThat(read.coHandlers()).isEqualTo(order.coHandlers());
        assertThat(read.dispute()).isEqualTo(order.dispute());
        assertThat(read.dispatchedAt()).isEqualTo(DISPATCHED_AT);
        assertThat(CoHandlingJson.write(Orders.in(WorkOrderStatus.REPORTED))).isEqualTo("{}");
    }
}
