package org.yiwang.sla;

import org.yiwang.catalog.Stage;

import java.time.Instant;
import java.util.List;

/**
 * A stage of a work order went red — past its due time — so the supervisor was told and the order
 * escalated one level (督办). Published once per stage instance, in the same transaction as the
 * escalation, even with several application nodes.
 *
 * @param at               when the breach was handled
 * @param breachCount      breaches of this order so far, this one included
 * @param supervisionLevel the order's supervision count after this escalation
 * @param notified         the supervisors who were told
 */
public record SlaBreached(long orderId, String number, String districtCode, String gridCode, Stage stage,
                          Instant stageStartedAt, Instant dueAt, Instant at, int breachCount, int supervisionLevel,
                          Long assigneeOrgUnitId, Long assigneeUserId, List<Long> notified) {

    public SlaBreached {
        notified = List.copyOf(notified == null ? List.of() : notified);
    }
}
