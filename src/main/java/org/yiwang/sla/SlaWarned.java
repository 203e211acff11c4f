package org.yiwang.sla;

import org.yiwang.catalog.Stage;

import java.time.Instant;
import java.util.List;

/**
 * A stage of a work order turned yellow — 80 % of its time limit used — and its handler was told.
 * Published once per stage instance, in the transaction that sent the warning.
 *
 * @param at       when the warning was sent
 * @param notified the users who were told
 */
public record SlaWarned(long orderId, String number, String districtCode, String gridCode, Stage stage,
                        Instant stageStartedAt, Instant warnAt, Instant dueAt, Instant at, Long assigneeOrgUnitId,
                        Long assigneeUserId, List<Long> notified) {

    public SlaWarned {
        notified = List.copyOf(notified == null ? List.of() : notified);
    }
}
