package org.yiwang.whistle;

import org.yiwang.catalog.TimeLimit;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * 吹哨 — a whistle blown by a street on one work order: the departments it summoned, each one's answer
 * (报到), and how it ended. State changes are methods named after the domain verbs; each checks that the
 * current state allows it (else a {@link WhistleStateException} naming that state) and records a change
 * that the journal turns into a ledger record and an event. Who may act is checked before, by the
 * caller; the work order is referenced by id.
 */
public final class Whistle {

    private Long id;
    private int version;
    private final String number;
    private final long orderId;
    private final String orderNumber;
    private final String districtCode;
    private final String streetCode;
    private final WhistleKind kind;
    private final String reason;
    private WhistleStatus status;
    private final Long commandUnitId;
    private final String commandUnitName;
    private final long blownBy;
    private final String blownByName;
    private final Instant blownAt;
    private final TimeLimit reportLimit;
    private final Instant dueAt;
    private Outcome outcome;
    private String outcomeNote;
    private String cancelReason;
    private Long finishedBy;
    private String finishedByName;
    private Instant finishedAt;
    private final List<Summons> summons;

    private final List<Change> pending = new ArrayList<>();

    /** The work order a whistle is blown on, as far as the whistle needs to know it. */
    public record OrderRef(long id, String number, String districtCode, String streetCode) {
        public OrderRef {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(districtCode, "districtCode");
            Objects.requireNonNull(streetCode, "streetCode");
        }
    }

    /** The street's command centre (指挥中心) that blows; its id is null when the street has no office. */
    public record CommandCentre(Long unitId, String name) {
    }

    /** A department to summon: an enabled department of the order's district. */
    public record Department(long id, String name) {
        public Department {
            Objects.requireNonNull(name, "name");
        }
    }

    Whistle(Long id, int version, String number, long orderId, String orderNumber, String districtCode, String streetCode,
            WhistleKind kind, String reason, WhistleStatus status, Long commandUnitId, String commandUnitName, long blownBy,
            String blownByName, Instant blownAt, TimeLimit reportLimit, Instant dueAt, Outcome outcome, String outcomeNote,
            String cancelReason, Long finishedBy, String finishedByName, Instant finishedAt, List<Summons> summons) {
        this.id = id;
        this.version = version;
        this.number = Objects.requireNonNull(number, "number");
        this.orderId = orderId;
        this.orderNumber = Objects.requireNonNull(orderNumber, "orderNumber");
        this.districtCode = Objects.requireNonNull(districtCode, "districtCode");
        this.streetCode = Objects.requireNonNull(streetCode, "streetCode");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = Objects.requireNonNull(status, "status");
        this.commandUnitId = commandUnitId;
        this.commandUnitName = commandUnitName;
        this.blownBy = blownBy;
        this.blownByName = Objects.requireNonNull(blownByName, "blownByName");
        this.blownAt = Objects.requireNonNull(blownAt, "blownAt");
        this.reportLimit = Objects.requireNonNull(reportLimit, "reportLimit");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.outcome = outcome;
        this.outcomeNote = outcomeNote;
        this.cancelReason = cancelReason;
        this.finishedBy = finishedBy;
        this.finishedByName = finishedByName;
        this.finishedAt = finishedAt;
        this.summons = new ArrayList<>(summons);
    }

    /**
     * 吹哨 — the street summons the departments to the order; each must report in by {@code dueAt},
     * the end of {@code limit} counted from {@code now}.
     *
     * @param departments the departments of {@code command}, in its order, with their names
     */
    public static Whistle blow(String number, BlowWhistle command, OrderRef order, CommandCentre centre,
                               List<Department> departments, TimeLimit limit, Instant dueAt, Actor actor, Instant now) {
        if (!departments.stream().map(Department::id).toList().equals(command.departmentIds())) {
            throw new IllegalArgumentException("the departments must be those of the command, in its order");
        }
        if (!dueAt.isAfter(now)) {
            throw new IllegalArgumentException("the report-in limit must end after the whistle is blown: " + dueAt);
        }
        List<Summons> summoned = departments.stream().map(d -> Summons.pending(d.id(), d.name(), dueAt)).toList();
        Whistle whistle = new Whistle(null, 0, number, order.id(), order.number(), order.districtCode(), order.streetCode(),
                command.kind(), command.reason(), WhistleStatus.OPEN, centre.unitId(), centre.name(), actor.userId(),
                actor.displayName(), now, limit, dueAt, null, null, null, null, null, null, summoned);
        whistle.record("BLOWN", actor, now, facts("kind", command.kind().name(), "reason", command.reason(),
                        "departments", command.departmentIds(), "limit", limit.toString(), "dueAt", dueAt.toString()),
                w -> new WhistleEvent.WhistleBlown(w.id, w.number, w.orderId, w.orderNumber, w.districtCode, w.streetCode,
                        w.kind, w.reason, command.departmentIds(), w.dueAt, actor.userId(), actor.displayName(), now));
        return whistle;
    }

    /**
     * 报到 — a summoned department answers: {@code ARRIVED} (reported in, with what it did) or
     * {@code NOT_OUR_DUTY}. Once per department; late when after the limit.
     *
     * @throws LocalizedException 403 when the department was not summoned
     * @throws WhistleStateException when the whistle is not open or the department already answered
     */
    public void reportIn(long departmentId, Summons.State answer, String note, List<String> photoIds, Actor actor, Instant now) {
        requireOpen("REPORT_IN");
        int index = indexOf(departmentId);
        if (index < 0) {
            throw LocalizedException.forbidden("whistle.error.notSummoned", number);
        }
        Summons before = summons.get(index);
        if (before.state() != Summons.State.PENDING) {
            throw WhistleStateException.answered(before.departmentName(), before.state());
        }
        Summons after = before.answered(answer, actor.userId(), actor.displayName(), now, note, photoIds);
        summons.set(index, after);
        record(answer == Summons.State.NOT_OUR_DUTY ? "NOT_OUR_DUTY" : "REPORTED_IN", actor, now,
                facts("department", departmentId, "departmentName", after.departmentName(), "note", note,
                        "photos", after.photoIds(), "late", after.late(), "dueAt", dueAt.toString()),
                w -> new WhistleEvent.DepartmentReportedIn(w.id, w.number, w.orderId, w.orderNumber, w.districtCode,
                        w.streetCode, departmentId, after.departmentName(), answer, after.late(), w.blownBy, actor.userId(), now));
    }

    /** The street records how it ended and closes the whistle; departments that never answered are marked missing. */
    public void recordOutcome(Outcome result, String note, Actor actor, Instant now) {
        requireOpen("RECORD_OUTCOME");
        Objects.requireNonNull(result, "outcome");
        List<Long> answered = departmentsIn(true);
        List<Long> missed = finishPending(Summons.State.MISSED);
        status = WhistleStatus.CLOSED;
        outcome = result;
        outcomeNote = note;
        finish(actor, now);
        record("OUTCOME_RECORDED", actor, now, facts("outcome", result.name(), "note", note, "missed", missed),
                w -> new WhistleEvent.WhistleClosed(w.id, w.number, w.orderId, w.orderNumber, w.districtCode, w.streetCode,
                        result, answered, missed, actor.userId(), now));
    }

    /** 撤哨 — the street withdraws the whistle; departments that have not answered are released. */
    public void cancel(String why, Actor actor, Instant now) {
        requireOpen("CANCEL");
        List<Long> released = finishPending(Summons.State.RELEASED);
        status = WhistleStatus.CANCELLED;
        cancelReason = why;
        finish(actor, now);
        record("CANCELLED", actor, now, facts("reason", why, "released", released),
                w -> new WhistleEvent.WhistleCancelled(w.id, w.number, w.orderId, w.orderNumber, w.districtCode,
                        w.streetCode, why, released, actor.userId(), now));
    }

    /** Whether any summoned department is still expected and past the limit at {@code now}. */
    public boolean isOverdue(Instant now) {
        return status == WhistleStatus.OPEN && summons.stream().anyMatch(s -> s.isOverdue(now));
    }

    public Optional<Summons> summonsOf(long departmentId) {
        int index = indexOf(departmentId);
        return index < 0 ? Optional.empty() : Optional.of(summons.get(index));
    }

    public Long id() { return id; }
    public int version() { return version; }
    public String number() { return number; }
    public long orderId() { return orderId; }
    public String orderNumber() { return orderNumber; }
    public String districtCode() { return districtCode; }
    public String streetCode() { return streetCode; }
    public WhistleKind kind() { return kind; }
    public String reason() { return reason; }
    public WhistleStatus status() { return status; }
    public Long commandUnitId() { return commandUnitId; }
    public String commandUnitName() { return commandUnitName; }
    public long blownBy() { return blownBy; }
    public String blownByName() { return blownByName; }
    public Instant blownAt() { return blownAt; }
    public TimeLimit reportLimit() { return reportLimit; }
    public Instant dueAt() { return dueAt; }
    public Outcome outcome() { return outcome; }
    public String outcomeNote() { return outcomeNote; }
    public String cancelReason() { return cancelReason; }
    public Long finishedBy() { return finishedBy; }
    public String finishedByName() { return finishedByName; }
    public Instant finishedAt() { return finishedAt; }
    public List<Summons> summons() { return List.copyOf(summons); }

    /** What happened since the whistle was loaded, oldest first; the journal writes and clears it. */
    List<Change> pendingChanges() {
        return List.copyOf(pending);
    }

    void saved(long newId, int newVersion) {
        this.id = newId;
        this.version = newVersion;
        pending.clear();
    }

    /**
     * One step to seal into the ledger and publish.
     *
     * @param kind  the ledger kind, e.g. {@code REPORTED_IN}
     * @param event the event, made once the whistle has its id
     */
    record Change(String kind, Instant at, long actorUserId, Map<String, Object> facts, Function<Whistle, WhistleEvent> event) {
    }

    private void requireOpen(String action) {
        if (status != WhistleStatus.OPEN) {
            throw WhistleStateException.whistle(action, status);
        }
    }

    private int indexOf(long departmentId) {
        for (int i = 0; i < summons.size(); i++) {
            if (summons.get(i).departmentId() == departmentId) {
                return i;
            }
        }
        return -1;
    }

    private List<Long> departmentsIn(boolean answered) {
        return summons.stream().filter(s -> s.state().isAnswer() == answered).map(Summons::departmentId).toList();
    }

    private List<Long> finishPending(Summons.State end) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < summons.size(); i++) {
            if (summons.get(i).state() == Summons.State.PENDING) {
                ids.add(summons.get(i).departmentId());
                summons.set(i, summons.get(i).closedAs(end));
            }
        }
        return List.copyOf(ids);
    }

    private void finish(Actor actor, Instant now) {
        finishedBy = actor.userId();
        finishedByName = actor.displayName();
        finishedAt = now;
    }

    private void record(String ledgerKind, Actor actor, Instant now, Map<String, Object> facts, Function<Whistle, WhistleEvent> event) {
        pending.add(new Change(ledgerKind, now, actor.userId(), facts, event));
    }

    private static Map<String, Object> facts(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
