package org.yiwang.sla;

import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What a clock needs to know of an order at one moment: from a {@link WorkOrderTransitioned} event
 * (with the action that caused it) or read from the order itself (no action). Instants are cut to
 * microseconds, as PostgreSQL keeps them, so that a snapshot compares equal to what was stored.
 *
 * @param status      the state the transition led to (for an event), or the order's state (when read)
 * @param suspendedAt when the running suspension began, when known (a suspend event, or the order)
 * @param action      the action of the event; null when read from the order
 * @param at          when the order was in this state: the transition's time, or the time it was read
 */
record StageSnapshot(long orderId, String number, String districtCode, String streetCode, String gridCode,
                     String categoryCode, Urgency urgency, WorkOrderStatus status, Stage stage, Instant startedAt,
                     Instant dueAt, boolean workingTime, boolean suspended, Long assigneeOrgUnitId, Long assigneeUserId,
                     Instant suspendedAt, List<Long> assistOrgUnitIds, int supervisionCount, Action action, Instant at) {

    StageSnapshot {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        assistOrgUnitIds = List.copyOf(assistOrgUnitIds == null ? List.of() : assistOrgUnitIds);
        startedAt = micros(startedAt);
        dueAt = micros(dueAt);
        suspendedAt = suspended ? micros(suspendedAt) : null;
        at = micros(at);
        if (!status.isOpen() || startedAt == null || dueAt == null) {
            stage = null; // nothing to time: closed, voided, or a stage without a due time
        }
    }

    static StageSnapshot of(WorkOrderTransitioned e) {
        return new StageSnapshot(e.orderId(), e.number(), e.districtCode(), streetOf(e.gridCode()), e.gridCode(),
                e.categoryCode(), e.urgency(), e.to(), e.stage(), e.stageStartedAt(), e.stageDueAt(), e.stageWorkingTime(),
                e.suspended(), e.assigneeOrgUnitId(), e.assigneeUserId(), e.action() == Action.SUSPEND ? e.at() : null,
                e.assistOrgUnitIds(), e.supervisionCount(), e.action(), e.at());
    }

    /** The order as it is now, read at {@code readAt}. */
    static StageSnapshot of(WorkOrder o, Instant readAt) {
        return new StageSnapshot(o.id(), o.number(), o.districtCode(),
                o.streetCode() != null ? o.streetCode() : streetOf(o.gridCode()), o.gridCode(), o.categoryCode(),
                o.urgency(), o.status(), o.stage(), o.stageStartedAt(), o.stageDueAt(), o.stageWorkingTime(),
                o.suspended(), o.assigneeOrgUnitId(), o.assigneeUserId(), o.suspendedAt(), o.assistOrgUnitIds(),
                o.supervisionCount(), null, readAt);
    }

    boolean running() {
        return stage != null;
    }

    /**
     * Whether this is the transition that started the running stage: it led into a state of that stage
     * at the stage's start. Several transitions saved together (intake files and dispatches at once) all
     * carry the order's final state; only the last of them started the stage that runs.
     */
    boolean startedTheStage() {
        return action != null && running() && status.stage() == stage && at.equals(startedAt);
    }

    /** The 9-digit street code at the start of a 15-character grid code. */
    static String streetOf(String gridCode) {
        return gridCode != null && gridCode.length() >= 9 ? gridCode.substring(0, 9) : null;
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
