package org.yiwang.workorder;

import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;

import java.time.Instant;
import java.util.List;

/**
 * One state change of a work order (and its intake); the changes of one save travel together in a
 * {@link WorkOrderJournaled}, written to the journal in the same transaction, which followers in other
 * modules read after the commit. Carries the facts most followers need (the order as it is after the whole
 * save) so that they rarely have to read the order back.
 *
 * @param stageDueAt due time of the stage now running, null when none runs (closed, voided)
 */
public record WorkOrderTransitioned(long orderId, String number, String districtCode, String gridCode, Action action,
                                    WorkOrderStatus from, WorkOrderStatus to, long actorUserId, Instant at,
                                    String categoryCode, Urgency urgency, Source source, Long reporterUserId,
                                    Long assigneeOrgUnitId, Long assigneeUserId, List<Long> assistOrgUnitIds,
                                    Stage stage, Instant stageStartedAt, Instant stageDueAt, boolean stageWorkingTime,
                                    boolean suspended, int supervisionCount) {

    public WorkOrderTransitioned {
        assistOrgUnitIds = List.copyOf(assistOrgUnitIds == null ? List.of() : assistOrgUnitIds);
    }

    static WorkOrderTransitioned of(WorkOrder order, Transition transition) {
        return new WorkOrderTransitioned(order.id(), order.number(), order.districtCode(), order.gridCode(),
                transition.action(), transition.from(), transition.to(), transition.actorUserId(), transition.at(),
                order.categoryCode(), order.urgency(), order.source(), order.reporterUserId(), order.assigneeOrgUnitId(),
                order.assigneeUserId(), order.assistOrgUnitIds(), order.stage(), order.stageStartedAt(), order.stageDueAt(),
                order.stageWorkingTime(), order.suspended(), order.supervisionCount());
    }
}
