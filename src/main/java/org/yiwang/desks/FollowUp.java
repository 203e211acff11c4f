package org.yiwang.desks;

import java.time.Instant;

/**
 * 回访 — a follow-up call the command centre owes a resident who rated the result of their order
 * dissatisfied: open until a dispatcher records whether the resident was reached, what they said, and
 * whether the order was reopened because the problem persists.
 *
 * @param reached  whether the call reached the resident; null while open
 * @param reopened whether the order was reopened (重新办理); null while open
 * @param dueAt    when the call is due (回访时限: {@code yiwang.desks.follow-up-days} working days after the task opened)
 */
public record FollowUp(long id, long orderId, String orderNumber, String districtCode, String streetCode, Instant ratedAt,
                       Instant createdAt, Status status, Boolean reached, String result, Boolean reopened, String doneByName,
                       Instant doneAt, Instant dueAt) {

    /** Whether the call is late: still open after its due time, or done after it. */
    public boolean overdue(Instant now) {
        return status == Status.OPEN ? now.isAfter(dueAt) : doneAt != null && doneAt.isAfter(dueAt);
    }

    /** Where a follow-up stands. */
    public enum Status {
        /** 待回访. */
        OPEN,
        /** 已回访. */
        DONE
    }
}
