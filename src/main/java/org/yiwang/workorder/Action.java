package org.yiwang.workorder;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.yiwang.workorder.WorkOrderStatus.ACCEPTED;
import static org.yiwang.workorder.WorkOrderStatus.CLOSED;
import static org.yiwang.workorder.WorkOrderStatus.DISPATCHED;
import static org.yiwang.workorder.WorkOrderStatus.EVALUATED;
import static org.yiwang.workorder.WorkOrderStatus.HANDLED;
import static org.yiwang.workorder.WorkOrderStatus.REGISTERED;
import static org.yiwang.workorder.WorkOrderStatus.REPORTED;
import static org.yiwang.workorder.WorkOrderStatus.VERIFYING;

/**
 * Everything that can happen to a work order, with the states it may happen in. Main-line actions
 * move the order to {@code target}; side actions ({@code target == null}) leave the state as it is.
 */
public enum Action {
    /** 上报 — the order is created. */
    REPORT(Set.of(), REPORTED),
    /** 立案 — the dispatcher files the report as a case. */
    REGISTER(EnumSet.of(REPORTED), REGISTERED),
    /** 作废 — discard a report that is no case. */
    VOID(EnumSet.of(REPORTED, REGISTERED), WorkOrderStatus.VOIDED),
    /** 派遣 — send the case to the responsible unit. */
    DISPATCH(EnumSet.of(REGISTERED), DISPATCHED),
    /** 签收 — the unit signs for the case. */
    ACCEPT(EnumSet.of(DISPATCHED), ACCEPTED),
    /** 回退 — the unit sends the case back to the dispatcher (not ours, wrong place). */
    RETURN(EnumSet.of(DISPATCHED, ACCEPTED), REGISTERED),
    /** 处置反馈 — the unit reports the result, with photos. */
    HANDLE(EnumSet.of(ACCEPTED), HANDLED),
    /** 派核查 — ask the grid worker to verify on site. */
    REQUEST_VERIFICATION(EnumSet.of(HANDLED), VERIFYING),
    /** 核查通过 — the grid worker confirms the result on site (a request to close). */
    APPROVE(EnumSet.of(VERIFYING), null),
    /** 返工 — the result is not good enough: back to the same unit. */
    REWORK(EnumSet.of(HANDLED, VERIFYING), DISPATCHED),
    /** 结案 — the command centre closes a verified case. */
    CLOSE(EnumSet.of(VERIFYING), CLOSED),
    /** 即发即处 — a grid worker closes a small matter they found and fixed themselves. */
    CLOSE_ON_SPOT(EnumSet.of(REPORTED), CLOSED),
    /** 评价/回访 — the reporter rates the result. */
    EVALUATE(EnumSet.of(CLOSED), EVALUATED),
    /** 重新打开 — reopen a closed case, e.g. after a complaint on the callback. */
    REOPEN(EnumSet.of(CLOSED, EVALUATED), REGISTERED),
    /** 申请延时 — the unit asks for more time. */
    REQUEST_EXTENSION(EnumSet.of(DISPATCHED, ACCEPTED), null),
    /** 批准延时. */
    APPROVE_EXTENSION(EnumSet.of(DISPATCHED, ACCEPTED), null),
    /** 驳回延时. */
    REJECT_EXTENSION(EnumSet.of(DISPATCHED, ACCEPTED), null),
    /** 挂账 — pause: the matter cannot be handled now (e.g. waits for funding or season). */
    SUSPEND(EnumSet.of(REGISTERED, DISPATCHED, ACCEPTED), null),
    /** 解除挂账. */
    RESUME(EnumSet.of(REGISTERED, DISPATCHED, ACCEPTED), null),
    /** 督办 — pressed by a superior or by the time-limit escalation. */
    SUPERVISE(EnumSet.of(REPORTED, REGISTERED, DISPATCHED, ACCEPTED, HANDLED, VERIFYING), null),
    /** 重复来电 — the caller phoned the 12345 desk again about this open order; noted and counted, no new order. */
    REPEAT_CALL(EnumSet.of(REPORTED, REGISTERED, DISPATCHED, ACCEPTED, HANDLED, VERIFYING), null),
    /** 合并 — merged into another order as a duplicate; it follows that master order. */
    MERGE(EnumSet.of(REPORTED, REGISTERED), WorkOrderStatus.VOIDED),
    /** 协办反馈 — a co-handling unit (协办单位) reports its part, with photos. */
    ASSIST_REPORT(EnumSet.of(DISPATCHED, ACCEPTED), null),
    /** 协办退单 — a co-handling unit asks to be released as not its duty; the dispatcher answers. */
    ASSIST_RETURN(EnumSet.of(DISPATCHED, ACCEPTED), null),
    /** 同意退单 — the dispatcher releases the co-handler that sent the order back. */
    ACCEPT_RETURN(EnumSet.of(DISPATCHED, ACCEPTED), null),
    /** 驳回退单 — the dispatcher holds the co-handler to its part; the dispute goes to the command centre. */
    REJECT_RETURN(EnumSet.of(DISPATCHED, ACCEPTED), null),
    /** 再次退单（提请仲裁） — a unit sends back an order it sent back before: a dispute for the command centre. */
    CONTEST(EnumSet.of(DISPATCHED, ACCEPTED), null),
    /** 仲裁裁定 — the command centre names the responsible lead and co-handlers; binding, the units sign anew. */
    RULE(EnumSet.of(DISPATCHED, ACCEPTED), DISPATCHED);

    private final Set<WorkOrderStatus> from;
    private final WorkOrderStatus target;

    Action(Set<WorkOrderStatus> from, WorkOrderStatus target) {
        this.from = from.isEmpty() ? Set.of() : EnumSet.copyOf(from);
        this.target = target;
    }

    public boolean allowedIn(WorkOrderStatus status) {
        return from.contains(status);
    }

    /** The state after this action taken in {@code current}. */
    public WorkOrderStatus targetFrom(WorkOrderStatus current) {
        return target == null ? current : target;
    }

    public boolean isSideAction() {
        return target == null;
    }

    public Set<WorkOrderStatus> allowedStates() {
        return from;
    }

    /** The URL path segment, e.g. {@code request-extension}. */
    public String pathSegment() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Action> fromPathSegment(String segment) {
        for (Action action : values()) {
            if (action.pathSegment().equals(segment)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
