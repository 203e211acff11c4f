package org.yiwang.whistle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * 报到 — one department's summons by a whistle and its answer: it reports in (arrives, responds) or
 * declares the matter not its duty, once; it is late when it answers after the whistle's limit.
 *
 * @param respondedBy  the user who answered for the department, null while pending
 * @param note         what the department said when it answered, null while pending
 * @param photoIds     photos it attached to its answer
 * @param remindedAt   when the overdue reminder went out; set by the overdue scan, never by the aggregate
 */
public record Summons(long departmentId, String departmentName, State state, Instant dueAt, Instant respondedAt,
                      Long respondedBy, String respondedByName, String note, List<String> photoIds, boolean late,
                      Instant remindedAt) {

    public Summons {
        Objects.requireNonNull(departmentName, "departmentName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dueAt, "dueAt");
        photoIds = List.copyOf(photoIds == null ? List.of() : photoIds);
        if (state.isAnswer() != (respondedAt != null)) {
            throw new IllegalArgumentException("an answered summons, and only one, has a response time: " + state);
        }
    }

    /** A department just summoned. */
    static Summons pending(long departmentId, String departmentName, Instant dueAt) {
        return new Summons(departmentId, departmentName, State.PENDING, dueAt, null, null, null, null, List.of(), false, null);
    }

    /** Whether the department still has to report in and its limit has passed at {@code now}. */
    public boolean isOverdue(Instant now) {
        return state == State.PENDING && now.isAfter(dueAt);
    }

    Summons answered(State answer, long userId, String userName, Instant at, String text, List<String> photos) {
        if (!answer.isAnswer()) {
            throw new IllegalArgumentException("not an answer: " + answer);
        }
        return new Summons(departmentId, departmentName, answer, dueAt, at, userId, userName, text, photos,
                at.isAfter(dueAt), remindedAt);
    }

    Summons closedAs(State end) {
        return new Summons(departmentId, departmentName, end, dueAt, respondedAt, respondedBy, respondedByName, note,
                photoIds, late, remindedAt);
    }

    /** Where a department stands with one whistle. */
    public enum State {
        /** 待报到 — summoned, has not answered yet. */
        PENDING,
        /** 已报到 — arrived on site / responded. */
        ARRIVED,
        /** 非本部门职责 — answered, but declared the matter not its duty (counts as an answer, flagged). */
        NOT_OUR_DUTY,
        /** 未报到 — the whistle was closed before the department answered. */
        MISSED,
        /** 已撤哨 — the whistle was withdrawn before the department answered; it need not come. */
        RELEASED;

        /** Whether the department answered (reported in, or declared it not its duty). */
        public boolean isAnswer() {
            return this == ARRIVED || this == NOT_OUR_DUTY;
        }
    }
}
