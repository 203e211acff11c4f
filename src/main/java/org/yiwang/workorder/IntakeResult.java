package org.yiwang.workorder;

import org.yiwang.dispatch.RoutingDecision;

import java.util.List;

/**
 * What intake answers: the order, the routing decision taken for it, and whether this was a replay
 * of an earlier request with the same idempotency key (then nothing new was created), and the
 * order's history.
 */
public record IntakeResult(WorkOrder order, RoutingDecision routing, boolean replayed, List<Transition> history) {

    public IntakeResult {
        history = List.copyOf(history);
    }
}
