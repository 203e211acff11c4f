package org.yiwang.hotline;

import org.yiwang.workorder.WorkOrderStatus;

import java.util.List;

/**
 * What the desk knows of a number when a call comes in: the earlier calls (newest first) and the orders they
 * led to that are still open, each with how many repeat calls it has had — the ones a repeat call can link to.
 */
public record CallerHistory(String phoneMasked, List<Call> calls, List<CallerOpenOrder> openOrders) {

    /** An open order of this caller the agent may see. */
    public record CallerOpenOrder(long id, String number, WorkOrderStatus status, String description, long repeatCalls) {
    }
}
