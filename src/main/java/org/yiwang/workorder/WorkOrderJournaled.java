package org.yiwang.workorder;

import java.util.List;

/**
 * One saved change of a work order, written to the work-order journal in the same transaction: the
 * transitions that change made, in order (intake with automatic filing and dispatch makes three at once).
 * {@link JournalFollower}s in other modules get it after the commit, in batches.
 *
 * @param transitions one or more, oldest first; each carries the order's facts after the whole change
 */
public record WorkOrderJournaled(List<WorkOrderTransitioned> transitions) {

    public WorkOrderJournaled {
        transitions = List.copyOf(transitions);
        if (transitions.isEmpty()) {
            throw new IllegalArgumentException("a journaled change has at least one transition");
        }
    }

    public long orderId() {
        return transitions.getFirst().orderId();
    }

    /** The newest transition: the order's state after the change. */
    public WorkOrderTransitioned last() {
        return transitions.getLast();
    }

    /** Whether any transition is one of these actions (names of {@link Action}); for listener conditions. */
    public boolean anyAction(String... actions) {
        for (WorkOrderTransitioned t : transitions) {
            for (String action : actions) {
                if (t.action().name().equals(action)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any transition led to one of these states (names of {@link WorkOrderStatus}); for listener conditions. */
    public boolean anyTo(String... statuses) {
        for (WorkOrderTransitioned t : transitions) {
            for (String status : statuses) {
                if (t.to().name().equals(status)) {
                    return true;
                }
            }
        }
        return false;
    }
}
