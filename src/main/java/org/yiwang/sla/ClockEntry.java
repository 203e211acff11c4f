package org.yiwang.sla;

import org.yiwang.catalog.Stage;
import org.yiwang.workorder.Action;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry in a clock's history: a stage started, its due time moved (and which work-order action
 * moved it), it was suspended or resumed, it went yellow or red, or it stopped.
 *
 * @param action     the work-order action that caused it; null for warnings and breaches, which the
 *                   clock causes itself, and for a correction after the clock was found behind the order
 * @param dueBefore  the due time before, for {@link Kind#DUE_MOVED} and {@link Kind#STOPPED}
 * @param dueAfter   the due time after, for {@link Kind#STARTED} and {@link Kind#DUE_MOVED}
 * @param details    facts of the entry: notified users, supervision level, breach count
 */
public record ClockEntry(Kind kind, Instant at, Stage stage, Instant stageStartedAt, Action action, Instant dueBefore,
                         Instant dueAfter, Map<String, Object> details) {

    public ClockEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public enum Kind {
        /** A stage instance started (on dispatch, rework, reopen …) with its due time. */
        STARTED,
        /** The due time moved within the same stage instance: after a resume or an approved extension. */
        DUE_MOVED,
        /** 挂账 — the clock stands still. */
        SUSPENDED,
        /** 解除挂账 — the clock runs again. */
        RESUMED,
        /** Yellow: 80 % of the limit used; the handler was told. */
        WARNED,
        /** Red: past the due time; the supervisor was told and the order escalated (督办). */
        BREACHED,
        /** Still red some time after the breach: the second rung of the ladder (二级督办) — the district command centre and leader were told. */
        ESCALATED,
        /** No stage runs any more: closed, voided or merged. */
        STOPPED
    }
}
