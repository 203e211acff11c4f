package org.yiwang.sla;

import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a clock follows its order. Given the clock as it is (or none yet) and a snapshot of the order,
 * it answers the clock as it must be and the history entries that explain the difference:
 * <ul>
 *   <li>a snapshot older than the state the clock follows is stale and changes nothing, so events may
 *       arrive late, out of order or twice (see {@link #stale});</li>
 *   <li>a new stage instance (another stage, or the same stage started again by a rework or reopen)
 *       gets a new limit, warning and due time, and its warning and breach are still to come;</li>
 *   <li>within the same instance a moved due time (resume, approved extension) moves the warning too,
 *       but a warning or breach already done stays done: once per stage instance;</li>
 *   <li>no running stage (closed, voided, merged) stops the clock, which keeps its last stage.</li>
 * </ul>
 */
final class ClockRules {

    private ClockRules() {
    }

    /** The clock after a snapshot, with the entries for its history. */
    record Change(StageClock next, List<ClockEntry> entries) {

        Change {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The change that an event (or a read of the order) makes to {@code current}.
     *
     * @param current the clock as it is, null when the order has none yet
     * @param truth   whether the snapshot was read from the order itself: it is applied even if older
     *                events are still to come, without moving {@link StageClock#asOf()}, so those events
     *                are not taken for stale
     * @return empty when the snapshot is stale
     */
    static Optional<Change> follow(StageClock current, StageSnapshot s, WarningTime time, boolean truth) {
        if (current != null && !truth && stale(current, s)) {
            return Optional.empty();
        }
        Instant asOf = current == null ? s.at() : truth || current.asOf().isAfter(s.at()) ? current.asOf() : s.at();
        List<ClockEntry> entries = new ArrayList<>();
        StageClock next;
        if (!s.running()) {
            next = stopped(current, s, asOf, entries);
        } else if (current == null || !current.sameInstance(s.stage(), s.startedAt())) {
            next = started(current, s, time, asOf, entries);
        } else {
            next = continued(current, s, time, asOf, entries);
        }
        return Optional.of(new Change(next, entries));
    }

    /**
     * Whether the snapshot is older than the state the clock follows: by the time of its transition, and
     * for transitions at the same instant (saved one after the other within a clock tick) by the start of
     * the stage they left running (a stopped clock counts as started last), then by the supervision count.
     * Transitions saved together carry the same state and are never stale to each other.
     */
    static boolean stale(StageClock current, StageSnapshot s) {
        int byTime = s.at().compareTo(current.asOf());
        if (byTime != 0) {
            return byTime < 0;
        }
        int byStage = (s.running() ? s.startedAt() : Instant.MAX).compareTo(current.running() ? current.startedAt() : Instant.MAX);
        if (byStage != 0) {
            return byStage < 0;
        }
        return s.supervisionCount() < current.supervisionCount();
    }

    private static StageClock stopped(StageClock current, StageSnapshot s, Instant asOf, List<ClockEntry> entries) {
        if (current == null || current.stage() == null) {
            return new StageClock(s.orderId(), s.number(), s.districtCode(), s.streetCode(), s.gridCode(), s.categoryCode(),
                    s.urgency(), s.status(), null, null, null, false, null, null, false, null, s.assigneeOrgUnitId(),
                    s.assigneeUserId(), s.assistOrgUnitIds(), s.supervisionCount(),
                    null, null, false, current == null ? 0 : current.breachCount(), asOf,
                    current != null && current.closedAt() != null ? current.closedAt() : s.at());
        }
        if (current.closedAt() == null) {
            entries.add(new ClockEntry(ClockEntry.Kind.STOPPED, s.at(), current.stage(), current.startedAt(), s.action(),
                    current.dueAt(), null, Map.of("status", s.status().name())));
        }
        // the last stage stays on record, so the API can still say how it ended
        return new StageClock(s.orderId(), s.number(), s.districtCode(), s.streetCode(), s.gridCode(), s.categoryCode(),
                s.urgency(), s.status(), current.stage(), current.startedAt(), current.dueAt(), current.workingTime(),
                current.limit(), current.warnAt(), false, null, s.assigneeOrgUnitId(), s.assigneeUserId(),
                s.assistOrgUnitIds(), s.supervisionCount(), current.warnedAt(), current.breachedAt(), current.escalated(),
                current.breachCount(), asOf, current.closedAt() != null ? current.closedAt() : s.at());
    }

    private static StageClock started(StageClock current, StageSnapshot s, WarningTime time, Instant asOf,
                                      List<ClockEntry> entries) {
        Duration limit = nonNegative(time.span(s.startedAt(), s.dueAt(), s.workingTime()));
        Instant warnAt = time.warnAt(s.startedAt(), s.dueAt(), limit, s.workingTime());
        if (s.startedTheStage() || s.action() == null || !s.at().equals(s.startedAt())) {
            // the transition that started the stage, or (when that one is older and will be found stale) on its behalf
            entries.add(started(s, s.startedTheStage() ? s.action() : null));
        }
        Instant suspendedAt = null;
        if (s.suspended()) {
            suspendedAt = s.suspendedAt() != null ? s.suspendedAt() : s.at();
            entries.add(new ClockEntry(ClockEntry.Kind.SUSPENDED, suspendedAt, s.stage(), s.startedAt(),
                    s.action() == Action.SUSPEND ? Action.SUSPEND : null, null, null, Map.of()));
        }
        return new StageClock(s.orderId(), s.number(), s.districtCode(), s.streetCode(), s.gridCode(), s.categoryCode(),
                s.urgency(), status(current, s), s.stage(), s.startedAt(), s.dueAt(), s.workingTime(), limit, warnAt,
                s.suspended(), suspendedAt, s.assigneeOrgUnitId(), s.assigneeUserId(), s.assistOrgUnitIds(),
                s.supervisionCount(), null, null, false, current == null ? 0 : current.breachCount(), asOf, null);
    }

    private static StageClock continued(StageClock current, StageSnapshot s, WarningTime time, Instant asOf,
                                        List<ClockEntry> entries) {
        if (s.startedTheStage()) {
            // a sibling of the transition that created this clock; the history slot is taken if it exists already
            entries.add(started(s, s.action()));
        }
        Duration limit = current.limit();
        Instant warnAt = current.warnAt();
        boolean resumed = current.suspended() && !s.suspended();
        if (!current.dueAt().equals(s.dueAt())) {
            if (!resumed && s.action() != Action.RESUME) {
                // an extension (or any other move) changes the limit itself; a resume only makes up for the pause
                limit = nonNegative(limit.plus(time.span(current.dueAt(), s.dueAt(), s.workingTime())));
            }
            warnAt = time.warnAt(s.startedAt(), s.dueAt(), limit, s.workingTime());
            entries.add(new ClockEntry(ClockEntry.Kind.DUE_MOVED, s.at(), s.stage(), s.startedAt(), s.action(),
                    current.dueAt(), s.dueAt(), Map.of()));
        }
        Instant suspendedAt = current.suspendedAt();
        if (!current.suspended() && s.suspended()) {
            suspendedAt = s.suspendedAt() != null ? s.suspendedAt() : s.at();
            entries.add(new ClockEntry(ClockEntry.Kind.SUSPENDED, suspendedAt, s.stage(), s.startedAt(), s.action(),
                    null, null, Map.of()));
        } else if (resumed || s.action() == Action.RESUME && !s.suspended()) {
            // also when the suspension's own event is still to come (it will be stale, see lateFacts)
            entries.add(new ClockEntry(ClockEntry.Kind.RESUMED, s.at(), s.stage(), s.startedAt(), s.action(),
                    null, null, current.suspendedAt() == null ? Map.of() : Map.of("suspendedAt", current.suspendedAt().toString())));
            suspendedAt = null;
        }
        return new StageClock(s.orderId(), s.number(), s.districtCode(), s.streetCode(), s.gridCode(), s.categoryCode(),
                s.urgency(), status(current, s), s.stage(), s.startedAt(), s.dueAt(), s.workingTime(), limit, warnAt,
                s.suspended(), suspendedAt, s.assigneeOrgUnitId(), s.assigneeUserId(), s.assistOrgUnitIds(),
                Math.max(current.supervisionCount(), s.supervisionCount()), current.warnedAt(), current.breachedAt(),
                current.escalated(), current.breachCount(), asOf, null);
    }

    /**
     * What a stale snapshot still adds to the history, without changing the clock: a suspension or
     * resumption, and the due time a resume or an extension set, happened all the same — its event was
     * only applied after a later one (events of quick successive actions are delivered concurrently).
     */
    static List<ClockEntry> lateFacts(StageSnapshot s) {
        if (!s.running() || s.action() == null) {
            return List.of();
        }
        return switch (s.action()) {
            case SUSPEND -> s.suspended()
                    ? List.of(new ClockEntry(ClockEntry.Kind.SUSPENDED, s.at(), s.stage(), s.startedAt(), s.action(), null, null, Map.of()))
                    : List.of();
            case RESUME -> List.of(
                    new ClockEntry(ClockEntry.Kind.DUE_MOVED, s.at(), s.stage(), s.startedAt(), s.action(), null, s.dueAt(), Map.of()),
                    new ClockEntry(ClockEntry.Kind.RESUMED, s.at(), s.stage(), s.startedAt(), s.action(), null, null, Map.of()));
            case APPROVE_EXTENSION -> List.of(
                    new ClockEntry(ClockEntry.Kind.DUE_MOVED, s.at(), s.stage(), s.startedAt(), s.action(), null, s.dueAt(), Map.of()));
            default -> List.of();
        };
    }

    private static ClockEntry started(StageSnapshot s, Action action) {
        return new ClockEntry(ClockEntry.Kind.STARTED, s.startedAt(), s.stage(), s.startedAt(), action, null, s.dueAt(), Map.of());
    }

    /**
     * The order's state: an event carries the state its own transition led to, which for all but the
     * last of several transitions saved together is not the state the order is in.
     */
    private static WorkOrderStatus status(StageClock current, StageSnapshot s) {
        if (s.status().stage() == s.stage() || current == null || current.status().stage() != s.stage()) {
            return s.status();
        }
        return current.status();
    }

    /** Limits are kept to the millisecond. */
    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d.truncatedTo(ChronoUnit.MILLIS);
    }
}
