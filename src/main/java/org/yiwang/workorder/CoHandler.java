package org.yiwang.workorder;

import org.jspecify.annotations.Nullable;

import org.yiwang.catalog.TimeLimit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 协办单位 — a unit that co-handles an order beside the lead unit (主办): its own part (what it must do), its own
 * deadline on the working calendar, and where it stands: working on its part, reported (协办反馈), or asking to be
 * released as not its duty (协办退单) and waiting for the dispatcher.
 *
 * @param part            what this unit must do, written by the dispatcher (blank: "assist the lead unit")
 * @param assignedAt      when it was asked to co-handle (its 退单 window starts here)
 * @param dueAt           by when its part is due
 * @param reportedAt      when it reported its part; null while it has not
 * @param returnRequest   its 退单 waiting for the dispatcher's answer; null when none
 */
public record CoHandler(long orgUnitId, String part, Instant assignedAt, Instant dueAt, @Nullable Instant reportedAt,
                        @Nullable ReturnRequest returnRequest) {

    /** The longest part a dispatcher may write. */
    public static final int MAX_PART = 500;

    public CoHandler {
        part = part == null ? "" : part.strip();
        if (part.length() > MAX_PART) {
            throw new IllegalArgumentException("part longer than " + MAX_PART);
        }
        Objects.requireNonNull(assignedAt, "assignedAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * The co-handlers {@code units} named {@code now}: each with its part and working days from {@code terms}, or a blank
     * part due with the lead's handling ({@code leadDue}) when the terms do not name it.
     */
    static List<CoHandler> named(List<Long> units, List<AssistTerms> terms, Instant now, Instant leadDue, DeadlinePolicy deadlines) {
        List<CoHandler> list = new ArrayList<>();
        for (Long unit : units) {
            AssistTerms t = terms.stream().filter(a -> a.orgUnitId() == unit).findFirst().orElse(null);
            Instant due = t != null && t.workingDays() != null ? deadlines.after(now, TimeLimit.workingDays(t.workingDays())) : leadDue;
            list.add(new CoHandler(unit, t == null ? "" : t.part(), now, due, null, null));
        }
        return list;
    }

    /** A unit's 退单: why the order is not its duty, and the duty-list item it cites. */
    public record ReturnRequest(String reason, String dutyItem, Instant at) {
    }

    /** Where a co-handler stands. */
    public enum State {
        /** 协办中. */
        WORKING,
        /** 已反馈. */
        REPORTED,
        /** 退单待审. */
        RETURN_REQUESTED
    }

    public State state() {
        if (reportedAt != null) {
            return State.REPORTED;
        }
        return returnRequest != null ? State.RETURN_REQUESTED : State.WORKING;
    }

    public boolean reported() {
        return reportedAt != null;
    }

    /** Reported by its due time; a part not yet reported is on time until it is due. */
    public boolean onTime(Instant now) {
        return !(reportedAt != null ? reportedAt : now).isAfter(dueAt);
    }

    /**
     * The light of this unit's part: while it works, by the share of its limit used; once reported, green if it
     * reported in time and red if late (a late co-handler stays red: it counts against that unit).
     */
    public TrafficLight light(Instant now, DeadlinePolicy deadlines) {
        if (reportedAt != null) {
            return reportedAt.isAfter(dueAt) ? TrafficLight.RED : TrafficLight.GREEN;
        }
        return TrafficLight.of(deadlines.usedFraction(assignedAt, new Deadline(dueAt, true, "co-handler"), now));
    }

    CoHandler reportedAt(Instant at) {
        return new CoHandler(orgUnitId, part, assignedAt, dueAt, at, null);
    }

    CoHandler withReturnRequest(@Nullable ReturnRequest request) {
        return new CoHandler(orgUnitId, part, assignedAt, dueAt, reportedAt, request);
    }
}
