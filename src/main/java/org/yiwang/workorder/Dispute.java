package org.yiwang.workorder;

import java.time.Instant;
import java.util.Objects;

/**
 * 派单争议 — a unit contests that the order is its duty and the command centre must rule (仲裁): opened when a
 * unit sends the same order back a second time, or when the dispatcher rejects a co-handler's 退单.
 *
 * @param orgUnitId the unit that contests
 * @param lead      whether it contests as the lead unit (主办) rather than as a co-handler
 * @param origin    how it came about
 * @param dueAt     by when the command centre is to rule
 */
public record Dispute(long orgUnitId, boolean lead, Origin origin, String reason, String dutyItem, Instant openedAt,
                      Instant dueAt) {

    public Dispute {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        reason = reason == null ? "" : reason;
        dutyItem = dutyItem == null ? "" : dutyItem;
    }

    /** How the dispute came about. */
    public enum Origin {
        /** 再次退单 — the unit sent the order back a second time. */
        SECOND_RETURN,
        /** 退单被驳回 — the dispatcher rejected the co-handler's 退单. */
        RETURN_REJECTED
    }

    /** The light of the arbitration limit. */
    public TrafficLight light(Instant now, DeadlinePolicy deadlines) {
        return TrafficLight.of(deadlines.usedFraction(openedAt, new Deadline(dueAt, true, "arbitration"), now));
    }
}
