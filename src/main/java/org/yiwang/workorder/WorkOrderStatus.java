package org.yiwang.workorder;

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

    /** Whether the order still needs work from someone (time limits run, it can be supervised). */
    public boolean isOpen() {
        return this != CLOSED && this != EVALUATED && this != VOIDED;
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
        return this == DISPATCHED || this == ACCEPTED;
    }
}
