package org.yiwang.workorder;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step in an order's history: who did what, when, from which state to which, why, with which
 * photos. Every transition is kept for good and sealed into the ledger.
 *
 * @param details facts specific to the action (department, category, new due time, rating …)
 */
public record Transition(Action action, @Nullable WorkOrderStatus from, WorkOrderStatus to, long actorUserId,
                         String actorName, Instant at, String note, List<String> photos,
                         Map<String, Object> details) {

    public Transition {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        note = note == null ? "" : note;
        photos = List.copyOf(photos == null ? List.of() : photos);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
