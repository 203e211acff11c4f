package org.yiwang.sla;

import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * 时限计时 — the clock of a work order's running stage: when the stage started, when it turns yellow
 * ({@code warnAt}, 80 % of the limit used) and red (past {@code dueAt}), whether it is paused (挂账),
 * and whether the warning and the escalation (督办) of this stage instance were done. A stage instance
 * is the stage with its start: a rework or a reopen starts a new one.
 *
 * @param stage        the running stage; null once none runs (then {@code closedAt} is set)
 * @param limit        the stage's limit in its own kind of time (working time when {@code workingTime}):
 *                     the span from start to due without time spent suspended, plus approved extensions
 * @param suspendedAt  when the running suspension began, null while not suspended
 * @param warnedAt     when the yellow warning of this stage instance was sent, null before
 * @param breachedAt   when this stage instance went red and was escalated, null before
 * @param breachCount  breaches of the order over all its stage instances
 * @param asOf         event time of the newest order state the clock follows
 * @param closedAt     when the order stopped needing work (closed, voided), null while it runs
 */
public record StageClock(long orderId, String number, String districtCode, String streetCode, String gridCode,
                         String categoryCode, Urgency urgency, WorkOrderStatus status, Stage stage, Instant startedAt,
                         Instant dueAt, boolean workingTime, Duration limit, Instant warnAt, boolean suspended,
                         Instant suspendedAt, Long assigneeOrgUnitId, Long assigneeUserId, List<Long> assistOrgUnitIds,
                         int supervisionCount, Instant warnedAt, Instant breachedAt, boolean escalated, int breachCount,
                         Instant asOf, Instant closedAt) {

    public StageClock {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(asOf, "asOf");
        assistOrgUnitIds = List.copyOf(assistOrgUnitIds == null ? List.of() : assistOrgUnitIds);
        if (stage != null && (startedAt == null || dueAt == null || warnAt == null || limit == null)) {
            throw new IllegalArgumentException("a running stage needs its start, due time, warning time and limit");
        }
    }

    /** Whether a stage runs: the order still needs work. */
    public boolean running() {
        return stage != null && closedAt == null;
    }

    /**
     * The light at {@code now}: green before {@code warnAt}, yellow up to {@code dueAt}, red after it;
     * a suspended clock shows the light it had when it was suspended; NONE when no stage runs.
     */
    public TrafficLight light(Instant now) {
        if (!running()) {
            return TrafficLight.NONE;
        }
        Instant t = effectiveNow(now);
        if (t.isAfter(dueAt)) {
            return TrafficLight.RED;
        }
        return t.isBefore(warnAt) ? TrafficLight.GREEN : TrafficLight.YELLOW;
    }

    /** The instant the clock has reached at {@code now}: it stands still while suspended. */
    public Instant effectiveNow(Instant now) {
        return suspended && suspendedAt != null && suspendedAt.isBefore(now) ? suspendedAt : now;
    }

    /** Whether this clock measures the same stage instance as one that started {@code stage} at {@code startedAt}. */
    public boolean sameInstance(Stage otherStage, Instant otherStartedAt) {
        return running() && stage == otherStage && Objects.equals(startedAt, otherStartedAt);
    }
}
