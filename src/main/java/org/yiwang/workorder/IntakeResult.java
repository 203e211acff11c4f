package org.yiwang.workorder;

import org.yiwang.dispatch.RoutingDecision;

/**
 * What intake answers: the order, the routing decision taken for it, and whether this was a replay
 * of an earlier request with the same idempotency key (then nothing new was created).
 */
public record IntakeResult(WorkOrder order, RoutingDecision routing, boolean replayed) {
}
