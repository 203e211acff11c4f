package org.yiwang.workorder;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.yiwang.catalog.Stage;

/**
 * The states of a work order (工单), after GB/T 30428 / CJ/T 315 (数字城管) with the 12345 additions.
 */
public enum WorkOrderStatus {
    /** 上报/受理 — reported, waiting for the command centre to file it. */
    REPORTED,
    /** 立案 — filed as a case with a category and urgency, waiting to be dispatched. */
    REGISTERED,
    /** 派遣 — sent to the responsible unit, waiting for it to sign for the order. */
    DISPATCHED,
    /** 签收 — the responsible unit has signed for the order and is handling it. */
    ACCEPTED,
    /** 处置反馈 — the unit reported back; waiting for on-site verification. */
    HANDLED,
    /** 核查 — a grid worker is checking the result on site. */
    VERIFYING,
    /** 结案 — closed by the command centre. */
    CLOSED,
    /** 评价/回访 — the reporter rated the result. */
    EVALUATED,
    /** 作废 — discarded (not a matter for the platform, duplicate, unfounded). */
    VOIDED;

    /** 已办结 — nothing more is to be done: closed, rated or voided. */
    public static final Set<WorkOrderStatus> ENDED = Collections.unmodifiableSet(EnumSet.of(CLOSED, EVALUATED, VOIDED));

    /** Still needing work from someone (time limits run, it can be supervised): every state not ended. */
    public static final Set<WorkOrderStatus> OPEN = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(ENDED)));

    /** 结案 — closed by the command centre, rated or not (voided orders are not). */
    public static final Set<WorkOrderStatus> SETTLED = Collections.unmodifiableSet(EnumSet.of(CLOSED, EVALUATED));

    /** With a responsible unit: dispatched and not yet handled. */
    public static final Set<WorkOrderStatus> WITH_UNIT = Collections.unmodifiableSet(EnumSet.of(DISPATCHED, ACCEPTED));

    /** Whether the order still needs work from someone (time limits run, it can be supervised). */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /**
     * The SQL condition "{@code column} holds an open order". Written as "not ended", the shape of the
     * partial index {@code workorder_order_open_status} (V50), so that the planner can use it;
     * {@code WorkOrderStatusSqlTests} checks that the index's predicate is this group.
     */
    public static String openSql(String column) {
        return column + " NOT IN " + sqlList(ENDED);
    }

    /** The SQL condition "{@code column} is one of {@code group}", e.g. {@code o.status IN ('CLOSED', 'EVALUATED')}. */
    public static String inSql(String column, Set<WorkOrderStatus> group) {
        return column + " IN " + sqlList(group);
    }

    private static String sqlList(Set<WorkOrderStatus> group) {
        return group.stream().sorted().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** The stage whose time limit runs in this state; null when none runs. */
    public Stage stage() {
        return switch (this) {
            case REPORTED -> Stage.REGISTER;
            case REGISTERED -> Stage.DISPATCH;
            case DISPATCHED, ACCEPTED -> Stage.HANDLE;
            case HANDLED, VERIFYING -> Stage.VERIFY;
            case CLOSED, EVALUATED, VOIDED -> null;
        };
    }

    /** Whether the order is with a responsible unit (dispatched and not yet handled). */
    public boolean isWithHandler() {
        return WITH_UNIT.contains(this);
    }
}
