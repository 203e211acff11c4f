package org.yiwang.workorder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.workorder.Orders.DEADLINES;
import static org.yiwang.workorder.Orders.DISPATCHER;
import static org.yiwang.workorder.Orders.GRID_WORKER;
import static org.yiwang.workorder.Orders.HANDLER;
import static org.yiwang.workorder.Orders.RESIDENT;
import static org.yiwang.workorder.Orders.T0;

/** The facts only some states have: each state of the lifecycle carries exactly its own. */
class HandlingTests {

    static final Instant LATER = T0.plus(Duration.ofHours(2));

    @ParameterizedTest
    @EnumSource(WorkOrderStatus.class)
    void everyStateOfTheLifecycleHasTheHandlingThatFitsIt(WorkOrderStatus status) {
        WorkOrder order = Orders.in(status);
        assertThat(order.handling().fits(status)).isTrue();
        // the states sharing the same facts: before dispatch, with the unit, reported back, closed, rated, voided
        List<WorkOrderStatus> sharing = switch (status) {
            case REPORTED, REGISTERED -> List.of(WorkOrderStatus.REPORTED, WorkOrderStatus.REGISTERED);
            case DISPATCHED, ACCEPTED -> List.of(WorkOrderStatus.DISPATCHED, WorkOrderStatus.ACCEPTED);
            case HANDLED, VERIFYING -> List.of(WorkOrderStatus.HANDLED, WorkOrderStatus.VERIFYING);
            case CLOSED, EVALUATED, VOIDED -> List.of(status);
        };
        assertThat(Arrays.stream(WorkOrderStatus.values()).filter(order.handling()::fits)).containsExactlyElementsOf(sharing);
    }

    @Test
    void anOrderWithoutAUnitHasNoAssigneeCoHandlersDisputeOrEnding() {
        for (WorkOrderStatus status : List.of(WorkOrderStatus.REPORTED, WorkOrderStatus.REGISTERED)) {
            WorkOrder order = Orders.in(status);
            assertThat(order.handling()).isInstanceOf(Handling.Unassigned.class);
            assertThat(order.assigneeOrgUnitId()).isNull();
            assertThat(order.assistOrgUnitIds()).isEmpty();
            assertThat(order.dispute()).isNull();
            assertThat(order.handledAt()).isNull();
            assertThat(order.closedAt()).isNull();
            assertThat(order.verified()).isFalse();
        }
    }

    @Test
    void aDispatchedOrderNamesItsUnitCoHandlersAndDispatchTime() {
        WorkOrder order = Orders.in(WorkOrderStatus.DISPATCHED);
        Handling.WithUnit with = (Handling.WithUnit) order.handling();
        assertThat(with.unit().orgUnitId()).isEqualTo(7L);
        assertThat(with.unit().level()).isEqualTo("DISTRICT");
        assertThat(with.unit().assistOrgUnitIds()).containsExactly(8L);
        assertThat(with.unit().dispatchedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(with.dispute()).isNull();
        assertThat(order.assistOrgUnitIds()).containsExactly(8L);
    }

    @Test
    void aHandledOrderHasItsHandlingTimeAndIsVerifiedOnlyOnceApproved() {
        WorkOrder order = Orders.in(WorkOrderStatus.VERIFYING);
        Handling.Handled handled = (Handling.Handled) order.handling();
        assertThat(handled.report().at()).isEqualTo(T0.plus(Duration.ofMinutes(40))).isEqualTo(order.handledAt());
        assertThat(handled.report().onTime()).isTrue();
        assertThat(handled.unit().orgUnitId()).isEqualTo(7L);
        assertThat(order.verified()).isFalse();
        order.approve(GRID_WORKER, LATER, "", List.of());
        assertThat(order.verified()).isTrue();
    }

    @Test
    void reworkTakesBackTheHandlingButKeepsTheUnitAndItsCoHandlers() {
        WorkOrder order = Orders.in(WorkOrderStatus.VERIFYING);
        order.rework(DISPATCHER, LATER, "井盖未固定", List.of(), DEADLINES);
        assertThat(order.handling()).isInstanceOf(Handling.WithUnit.class);
        assertThat(order.handledAt()).isNull();
        assertThat(order.assigneeOrgUnitId()).isEqualTo(7L);
        assertThat(order.coHandlers()).singleElement().satisfies(c -> assertThat(c.reported()).isTrue());
    }

    @Test
    void aClosedOrderAlwaysHasItsClosingTimeAndIsVerified() {
        WorkOrder order = Orders.in(WorkOrderStatus.CLOSED);
        Handling.Closed closed = (Handling.Closed) order.handling();
        assertThat(closed.at()).isEqualTo(T0.plus(Duration.ofMinutes(60))).isEqualTo(order.closedAt());
        assertThat(closed.report()).isNotNull();
        assertThat(closed.unit()).isNotNull();
        assertThat(order.verified()).isTrue();
        assertThat(order.handling()).isInstanceOf(Handling.Ended.class);
        assertThatThrownBy(() -> new Handling.Closed(null, null, null, true, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRatedOrderIsEvaluatedAndKeepsItsClosingFacts() {
        WorkOrder order = Orders.in(WorkOrderStatus.EVALUATED);
        Handling.Closed closed = (Handling.Closed) order.handling();
        assertThat(closed.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(closed.at()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
        assertThat(closed.fits(WorkOrderStatus.EVALUATED)).isTrue();
        assertThat(closed.fits(WorkOrderStatus.CLOSED)).isFalse();
    }

    @Test
    void aMergedOrderNamesItsMasterAndAVoidedOneDoesNot() {
        WorkOrder merged = Orders.in(WorkOrderStatus.REGISTERED);
        merged.mergeInto(99L, DISPATCHER, LATER, "同一井盖");
        assertThat(merged.handling()).isEqualTo(new Handling.Merged(99L));
        assertThat(merged.masterOrderId()).isEqualTo(99L);
        assertThat(merged.status()).isEqualTo(WorkOrderStatus.VOIDED);

        WorkOrder voided = Orders.in(WorkOrderStatus.VOIDED);
        assertThat(voided.handling()).isEqualTo(new Handling.Voided());
        assertThat(voided.masterOrderId()).isNull();
    }

    @Test
    void anOrderClosedOnTheSpotNamesTheGridWorkerAndIsHandledAndVerifiedThen() {
        WorkOrder order = Orders.in(WorkOrderStatus.REPORTED);
        order.closeOnSpot(GRID_WORKER, LATER, "已扶正", List.of("photo"));
        Handling.Closed closed = (Handling.Closed) order.handling();
        assertThat(closed.unit().userId()).isEqualTo(GRID_WORKER.userId());
        assertThat(closed.unit().orgUnitId()).isNull();
        assertThat(order.routingLevel()).isEqualTo("GRID");
        assertThat(closed.report()).isEqualTo(new Handling.Feedback(LATER, true));
        assertThat(closed.at()).isEqualTo(LATER);
        assertThat(order.verified()).isTrue();
    }

    @Test
    void aReturnOrAReopeningLeavesNoUnitBehind() {
        WorkOrder returned = Orders.in(WorkOrderStatus.ACCEPTED);
        returned.returnToDispatcher(HANDLER, T0.plus(Duration.ofMinutes(20)), "不属于本部门", "DL-C01002-DISTRICT",
                CoHandlingLimits.DEFAULT, DEADLINES);
        assertThat(returned.handling()).isEqualTo(new Handling.Unassigned());
        assertThat(returned.coHandlers()).isEmpty();
        assertThat(returned.returnedBefore(7L)).isTrue();

        WorkOrder reopened = Orders.in(WorkOrderStatus.EVALUATED);
        reopened.reopen(RESIDENT, LATER, "井盖又松了", DEADLINES);
        assertThat(reopened.handling()).isEqualTo(new Handling.Unassigned());
        assertThat(reopened.satisfaction()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.verified()).isFalse();
    }
}
