package org.yiwang.workorder;

import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * 工单 — one reported problem through its whole life (四单工作法: 上传 → 分拣派发 → 处置 → 验收归档).
 * State changes are methods named after the domain verbs; each checks that the current state allows
 * it, records a {@link Transition} and keeps the running stage's deadline up to date.
 */
public class WorkOrder {

    // Fields are package-private for WorkOrderRows only (the row mapping beside the repository); every
    // other class reads them through the accessors and changes them through the verbs.

    @Nullable Long id;
    /** Optimistic locking: each stored change adds one (see {@link WorkOrders}). */
    int version;
    String number;
    Place place;
    @Nullable String address;
    Source source;
    Urgency urgency;
    @Nullable String categoryCode;
    String description;
    @Nullable Long reporterUserId;
    @Nullable String reporterName;
    @Nullable String reporterPhone;
    WorkOrderStatus status;
    /** The facts of the state: who is responsible, their report, the verification, the ending. */
    Handling handling = new Handling.Unassigned();
    @Nullable Stage stage;
    @Nullable Instant stageStartedAt;
    /** Where the light's clock starts: the stage start, moved later by time spent suspended. */
    @Nullable Instant stageClockStartedAt;
    /** The running stage's deadline; null when no stage runs. */
    @Nullable Deadline deadline;
    boolean suspended;
    @Nullable Instant suspendedAt;
    @Nullable Instant extensionRequestedUntil;
    int supervisionCount;
    int reworkCount;
    int returnCount;
    @Nullable String idempotencyKey;
    Instant createdAt;
    Instant updatedAt;
    /** 办理时限 set by another system (12345): no stage is due later than this; null when none. */
    @Nullable Instant externalDueAt;
    /** Units whose 退单 of this order was accepted once: sending it back again is a dispute. */
    List<Long> returnedUnits = new ArrayList<>();
    /** Units a ruling (裁定) named: they may not send the order back again. */
    List<Long> boundUnits = new ArrayList<>();

    /** Transitions made since the order was read, written with it by {@link OrderJournal}. */
    private final List<Transition> pending = new ArrayList<>();

    WorkOrder() {
    }

    /** 上报 — a new order from any channel, located and (maybe) categorised. */
    public static WorkOrder report(NewReport report, String number, Actor reporter, Instant now, DeadlinePolicy deadlines) {
        WorkOrder order = new WorkOrder();
        order.number = number;
        order.place = report.place();
        order.address = report.address();
        order.source = report.source();
        order.urgency = report.urgency();
        order.categoryCode = report.categoryCode();
        order.description = report.description();
        order.reporterUserId = reporter.userId() == Actor.SYSTEM_USER_ID ? null : reporter.userId();
        order.reporterName = report.reporterName() != null ? report.reporterName() : reporter.displayName();
        order.reporterPhone = report.reporterPhone();
        order.idempotencyKey = report.idempotencyKey();
        order.externalDueAt = report.externalDueAt();
        order.status = WorkOrderStatus.REPORTED;
        order.createdAt = now;
        order.updatedAt = now;
        order.startStage(now, deadlines);
        Map<String, Object> facts = details("source", report.source().name(), "urgency", report.urgency().name(),
                "category", report.categoryCode(), "grid", report.place().gridCode());
        if (!report.suggestions().isEmpty()) {
            facts.put("suggestions", report.suggestions().stream()
                    .map(s -> s.categoryCode() + " " + String.format(java.util.Locale.ROOT, "%.3f", s.confidence())
                            + (s.evidence().isEmpty() ? "" : " " + String.join("/", s.evidence())))
                    .toList());
        }
        order.record(Action.REPORT, null, reporter, now, "", report.photos(), facts);
        return order;
    }

    /** 立案 — filed as a case with its category and urgency. */
    public void register(String category, Urgency newUrgency, Actor actor, Instant now, String note, DeadlinePolicy deadlines) {
        guard(Action.REGISTER);
        if (category == null || category.isBlank()) {
            throw LocalizedException.badRequest("workorder.error.categoryRequired");
        }
        WorkOrderStatus from = status;
        this.categoryCode = category;
        this.urgency = newUrgency == null ? urgency : newUrgency;
        move(Action.REGISTER, now, deadlines);
        record(Action.REGISTER, from, actor, now, note, List.of(), details("category", category, "urgency", urgency.name()));
    }

    /** 派遣 — sent to the responsible unit (and, for grid-level matters, a named person). */
    public void dispatch(Assignment assignment, Actor actor, Instant now, String note, DeadlinePolicy deadlines) {
        dispatch(assignment, List.of(), actor, now, note, deadlines);
    }

    /**
     * 派遣 with the co-handlers' terms (主办/协办): each assisting unit of the assignment gets its part and due time from
     * {@code terms}, or a blank part due with the lead's handling when the terms do not name it.
     */
    public void dispatch(Assignment assignment, List<AssistTerms> terms, Actor actor, Instant now, String note, DeadlinePolicy deadlines) {
        guard(Action.DISPATCH);
        Objects.requireNonNull(assignment, "assignment");
        WorkOrderStatus from = status;
        move(Action.DISPATCH, now, deadlines);
        handling = new Handling.WithUnit(new Handling.Assignee(assignment.orgUnitId(), assignment.userId(), assignment.level(),
                coHandlersFor(assignment.assistOrgUnitIds(), terms, now, deadlines), now), null);
        Map<String, Object> facts = details("orgUnit", assignment.orgUnitId(), "orgUnitName", assignment.orgUnitName(),
                "level", assignment.level(), "assists", assignment.assistOrgUnitIds(), "reasons", assignment.reasons());
        if (assignment.userId() != null) {
            facts.put("user", assignment.userId());
        }
        record(Action.DISPATCH, from, actor, now, note, List.of(), facts);
    }

    /** 签收. */
    public void accept(Actor actor, Instant now, String note) {
        guard(Action.ACCEPT);
        WorkOrderStatus from = status;
        status = WorkOrderStatus.ACCEPTED; // same stage (处置) keeps running: signing does not reset the clock
        record(Action.ACCEPT, from, actor, now, note, List.of(), Map.of());
    }

    /**
     * 退单/回退 — back to the dispatcher, with the reason why it is not this unit's matter. A unit's 退单 cites the duty
     * list item it relies on, comes within {@link CoHandlingLimits#returnWindow} after dispatch, and is the unit's
     * first for this order (a second one is a dispute: {@link #contest}); a named grid worker's 回退 to the community
     * needs only the reason.
     */
    public void returnToDispatcher(Actor actor, Instant now, String reason, @Nullable String dutyItem, CoHandlingLimits limits,
                                   DeadlinePolicy deadlines) {
        guard(Action.RETURN);
        requireNote(reason);
        Handling.WithUnit with = handlingAs(Handling.WithUnit.class);
        Long previous = with.unit().orgUnitId();
        if (with.unit().unitLed()) {
            requireDutyItem(dutyItem);
            refuseWhileDisputed();
            refuseBound(previous);
            if (returnedUnits.contains(previous)) {
                throw LocalizedException.conflict("workorder.error.returnedBefore");
            }
            refuseLate(leadSince(with.unit()), now, limits, deadlines);
            returnedUnits.add(previous);
        }
        WorkOrderStatus from = status;
        returnCount++;
        handling = new Handling.Unassigned();
        extensionRequestedUntil = null;
        move(Action.RETURN, now, deadlines);
        record(Action.RETURN, from, actor, now, reason, List.of(), details("orgUnit", previous, "dutyItem", blankToNull(dutyItem)));
    }

    /** 处置反馈 — the unit reports what it did, with photos of the result. */
    public void handle(Actor actor, Instant now, String note, List<String> photos, DeadlinePolicy deadlines) {
        guard(Action.HANDLE);
        requireNote(note);
        refuseWhileDisputed();
        List<Long> missing = missingCoHandlers();
        if (!missing.isEmpty()) {
            throw LocalizedException.conflict("workorder.error.coHandlersMissing",
                    String.join("、", missing.stream().map(String::valueOf).toList()));
        }
        WorkOrderStatus from = status;
        boolean onTime = !now.isAfter(deadline.due());
        handling = new Handling.Handled(handlingAs(Handling.WithUnit.class).unit(), new Handling.Feedback(now, onTime), false);
        extensionRequestedUntil = null;
        move(Action.HANDLE, now, deadlines);
        record(Action.HANDLE, from, actor, now, note, photos, details("onTime", onTime));
    }

    /** 派核查 — the grid worker of the order's grid is asked to verify on site. */
    public void requestVerification(Actor actor, Instant now, String note) {
        guard(Action.REQUEST_VERIFICATION);
        WorkOrderStatus from = status;
        status = WorkOrderStatus.VERIFYING; // the 核查 stage started when the unit reported back
        Handling.Handled handled = handlingAs(Handling.Handled.class);
        handling = new Handling.Handled(handled.unit(), handled.report(), false);
        record(Action.REQUEST_VERIFICATION, from, actor, now, note, List.of(), Map.of());
    }

    /** 核查通过 — the result is confirmed on site; the command centre may now close. */
    public void approve(Actor actor, Instant now, String note, List<String> photos) {
        guard(Action.APPROVE);
        Handling.Handled handled = handlingAs(Handling.Handled.class);
        if (handled.verified()) {
            throw LocalizedException.conflict("workorder.error.alreadyApproved");
        }
        handling = new Handling.Handled(handled.unit(), handled.report(), true);
        record(Action.APPROVE, status, actor, now, note, photos, Map.of());
    }

    /** 返工 — not good enough: the same unit must redo it and sign again. */
    public void rework(Actor actor, Instant now, String reason, List<String> photos, DeadlinePolicy deadlines) {
        guard(Action.REWORK);
        requireNote(reason);
        WorkOrderStatus from = status;
        reworkCount++;
        handling = new Handling.WithUnit(handlingAs(Handling.Handled.class).unit(), null);
        move(Action.REWORK, now, deadlines);
        record(Action.REWORK, from, actor, now, reason, photos, details("orgUnit", assigneeOrgUnitId()));
    }

    /** 结案 — only a verified case can be closed. */
    public void close(Actor actor, Instant now, String note) {
        guard(Action.CLOSE);
        Handling.Handled handled = handlingAs(Handling.Handled.class);
        if (!handled.verified()) {
            throw LocalizedException.conflict("workorder.error.notVerified");
        }
        WorkOrderStatus from = status;
        closeNow(handled.unit(), handled.report(), now);
        record(Action.CLOSE, from, actor, now, note, List.of(), details("closedOnTime", closedOnTime()));
    }

    /** 即发即处 — a grid worker fixed a small matter on the spot; the record stays complete. */
    public void closeOnSpot(Actor actor, Instant now, String note, List<String> photos) {
        guard(Action.CLOSE_ON_SPOT);
        requireNote(note);
        WorkOrderStatus from = status;
        closeNow(new Handling.Assignee(null, actor.userId(), "GRID", List.of(), null), new Handling.Feedback(now, true), now);
        record(Action.CLOSE_ON_SPOT, from, actor, now, note, photos, Map.of());
    }

    /** 评价 — the reporter rates the result. */
    public void evaluate(Satisfaction rating, Actor actor, Instant now, String comment) {
        guard(Action.EVALUATE);
        Objects.requireNonNull(rating, "rating");
        WorkOrderStatus from = status;
        handling = handlingAs(Handling.Closed.class).rated(rating);
        status = WorkOrderStatus.EVALUATED;
        updatedAt = now;
        record(Action.EVALUATE, from, actor, now, comment, List.of(), details("satisfaction", rating.name()));
    }

    /** 重新打开 — a closed case comes back to the command centre. */
    public void reopen(Actor actor, Instant now, String reason, DeadlinePolicy deadlines) {
        guard(Action.REOPEN);
        requireNote(reason);
        WorkOrderStatus from = status;
        handling = new Handling.Unassigned();
        move(Action.REOPEN, now, deadlines);
        record(Action.REOPEN, from, actor, now, reason, List.of(), Map.of());
    }

    /** 作废. */
    public void voidReport(Actor actor, Instant now, String reason) {
        guard(Action.VOID);
        requireNote(reason);
        end(new Handling.Voided(), Action.VOID, actor, now, reason, Map.of());
    }

    /** 合并 — a duplicate follows its master order from now on. */
    public void mergeInto(long master, Actor actor, Instant now, String note) {
        guard(Action.MERGE);
        if (id != null && id == master) {
            throw LocalizedException.badRequest("workorder.error.mergeIntoItself");
        }
        end(new Handling.Merged(master), Action.MERGE, actor, now, note, details("master", master));
    }

    private void end(Handling.Ended ending, Action action, Actor actor, Instant now, String note, Map<String, Object> facts) {
        WorkOrderStatus from = status;
        handling = ending;
        status = WorkOrderStatus.VOIDED;
        clearStage();
        updatedAt = now;
        record(action, from, actor, now, note, List.of(), facts);
    }

    /** How far ahead an extension may reach: a stage is a matter of days or weeks, never years. */
    static final java.time.Duration MAX_EXTENSION = java.time.Duration.ofDays(366);

    /** 申请延时 — the unit asks for the handling deadline to move to {@code until}. */
    public void requestExtension(Instant until, Actor actor, Instant now, String reason) {
        guard(Action.REQUEST_EXTENSION);
        requireNote(reason);
        if (until == null || !until.isAfter(deadline.due())) {
            throw LocalizedException.badRequest("workorder.error.extensionNotLater");
        }
        if (until.isAfter(now.plus(MAX_EXTENSION))) {
            throw LocalizedException.badRequest("workorder.error.extensionTooFar");
        }
        if (extensionRequestedUntil != null) {
            throw LocalizedException.conflict("workorder.error.extensionPending");
        }
        extensionRequestedUntil = until;
        record(Action.REQUEST_EXTENSION, status, actor, now, reason, List.of(), details("until", until.toString(), "dueBefore", deadline.due().toString()));
    }

    /** 批准延时 — the handling deadline moves; the history keeps why. */
    public void approveExtension(Actor actor, Instant now, String note) {
        guard(Action.APPROVE_EXTENSION);
        if (extensionRequestedUntil == null) {
            throw LocalizedException.conflict("workorder.error.noExtensionPending");
        }
        Instant before = deadline.due();
        deadline = new Deadline(extensionRequestedUntil, deadline.workingTime(), deadline.rule() + "+extension");
        extensionRequestedUntil = null;
        record(Action.APPROVE_EXTENSION, status, actor, now, note, List.of(), details("dueBefore", before.toString(), "dueAfter", deadline.due().toString()));
    }

    /** 驳回延时. */
    public void rejectExtension(Actor actor, Instant now, String reason) {
        guard(Action.REJECT_EXTENSION);
        requireNote(reason);
        if (extensionRequestedUntil == null) {
            throw LocalizedException.conflict("workorder.error.noExtensionPending");
        }
        Instant requested = extensionRequestedUntil;
        extensionRequestedUntil = null;
        record(Action.REJECT_EXTENSION, status, actor, now, reason, List.of(), details("requested", requested.toString()));
    }

    /** 挂账 — the stage clock stops until resumed. */
    public void suspend(Actor actor, Instant now, String reason) {
        guard(Action.SUSPEND);
        requireNote(reason);
        if (suspended) {
            throw LocalizedException.conflict("workorder.error.alreadySuspended");
        }
        suspended = true;
        suspendedAt = now;
        record(Action.SUSPEND, status, actor, now, reason, List.of(), Map.of());
    }

    /** 解除挂账 — the due time moves by the time spent suspended. */
    public void resume(Actor actor, Instant now, String note, DeadlinePolicy deadlines) {
        guard(Action.RESUME);
        if (!suspended) {
            throw LocalizedException.conflict("workorder.error.notSuspended");
        }
        Instant before = deadline.due();
        // the clock's effective start moves with it, so the time spent suspended does not count as used
        stageClockStartedAt = deadlines.shift(new Deadline(clockStart(), deadline.workingTime(), deadline.rule()), suspendedAt, now);
        deadline = new Deadline(deadlines.shift(deadline, suspendedAt, now), deadline.workingTime(), deadline.rule());
        suspended = false;
        Instant since = suspendedAt;
        suspendedAt = null;
        record(Action.RESUME, status, actor, now, note, List.of(), details("suspendedSince", since.toString(),
                "dueBefore", before.toString(), "dueAfter", deadline.due().toString()));
    }

    /** 督办 — a superior (or the escalation) presses for progress; each one raises the level. */
    public void supervise(Actor actor, Instant now, String note) {
        guard(Action.SUPERVISE);
        supervisionCount++;
        record(Action.SUPERVISE, status, actor, now, note, List.of(), details("level", supervisionCount));
    }

    /**
     * 重复来电 — the caller phoned again about this order while it is open: written into its history (the count of
     * such calls is kept by whoever takes the calls); a caller may phone while the order is suspended, too.
     */
    public void repeatCall(Actor actor, Instant now, String note) {
        guard(Action.REPEAT_CALL);
        record(Action.REPEAT_CALL, status, actor, now, note, List.of(), details());
    }

    /** 协办反馈 — a co-handling unit reports its part; late when after its own due time (it counts against that unit). */
    public void reportAssist(long unit, Actor actor, Instant now, String note, List<String> photos) {
        guard(Action.ASSIST_REPORT);
        requireNote(note);
        Handling.WithUnit with = handlingAs(Handling.WithUnit.class);
        CoHandler c = with.unit().working(unit);
        if (with.dispute() != null && with.dispute().orgUnitId() == unit) {
            throw LocalizedException.conflict("workorder.error.disputePending");
        }
        handling = with.with(with.unit().withCoHandler(unit, x -> x.reportedAt(now)));
        record(Action.ASSIST_REPORT, status, actor, now, note, photos, details("orgUnit", unit, "onTime", !now.isAfter(c.dueAt()),
                "due", c.dueAt().toString()));
    }

    /**
     * 协办退单 — a co-handling unit asks to be released as not its duty, citing the duty list item, within the 退单
     * window after it was asked; the dispatcher answers ({@link #acceptAssistReturn}, {@link #rejectAssistReturn}).
     */
    public void requestAssistReturn(long unit, Actor actor, Instant now, String reason, @Nullable String dutyItem,
                                    CoHandlingLimits limits, DeadlinePolicy deadlines) {
        guard(Action.ASSIST_RETURN);
        requireNote(reason);
        requireDutyItem(dutyItem);
        Handling.WithUnit with = handlingAs(Handling.WithUnit.class);
        CoHandler c = with.unit().working(unit);
        refuseWhileDisputed();
        refuseBound(unit);
        if (returnedUnits.contains(unit)) {
            throw LocalizedException.conflict("workorder.error.returnedBefore");
        }
        refuseLate(c.assignedAt(), now, limits, deadlines);
        CoHandler.ReturnRequest request = new CoHandler.ReturnRequest(reason.strip(), dutyItem.strip(), now);
        handling = with.with(with.unit().withCoHandler(unit, x -> x.withReturnRequest(request)));
        record(Action.ASSIST_RETURN, status, actor, now, reason, List.of(), details("orgUnit", unit, "dutyItem", dutyItem.strip()));
    }

    /** 同意退单 — the co-handler is released; its return counts against the dispatch (准确派遣). */
    public void acceptAssistReturn(@Nullable Long unit, Actor actor, Instant now, String note) {
        guard(Action.ACCEPT_RETURN);
        Handling.WithUnit with = handlingAs(Handling.WithUnit.class);
        CoHandler c = with.unit().pendingReturn(unit);
        handling = with.with(with.unit().withCoHandlers(with.unit().coHandlers().stream()
                .filter(x -> x.orgUnitId() != c.orgUnitId()).toList()));
        returnedUnits.add(c.orgUnitId());
        record(Action.ACCEPT_RETURN, status, actor, now, note, List.of(), details("orgUnit", c.orgUnitId(),
                "dutyItem", c.returnRequest().dutyItem()));
    }

    /** 驳回退单 — the dispatcher holds the co-handler to its part; the unit contests, so the command centre rules. */
    public void rejectAssistReturn(@Nullable Long unit, Actor actor, Instant now, String reason, CoHandlingLimits limits,
                                   DeadlinePolicy deadlines) {
        guard(Action.REJECT_RETURN);
        requireNote(reason);
        refuseWhileDisputed();
        Handling.WithUnit with = handlingAs(Handling.WithUnit.class);
        CoHandler c = with.unit().pendingReturn(unit);
        CoHandler.ReturnRequest request = c.returnRequest();
        Dispute dispute = new Dispute(c.orgUnitId(), false, Dispute.Origin.RETURN_REJECTED, request.reason(), request.dutyItem(), now,
                deadlines.after(now, limits.arbitration()));
        handling = new Handling.WithUnit(with.unit().withCoHandler(c.orgUnitId(), x -> x.withReturnRequest(null)), dispute);
        record(Action.REJECT_RETURN, status, actor, now, reason, List.of(), details("orgUnit", c.orgUnitId(),
                "arbitrationDue", dispute.dueAt().toString()));
    }

    /**
     * 再次退单 — a unit (lead or co-handler) sends back an order it sent back before: the order stays where it is and a
     * dispute goes to the command centre, which rules within {@link CoHandlingLimits#arbitration}.
     */
    public void contest(long unit, Actor actor, Instant now, String reason, @Nullable String dutyItem, CoHandlingLimits limits,
                        DeadlinePolicy deadlines) {
        guard(Action.CONTEST);
        requireNote(reason);
        requireDutyItem(dutyItem);
        Handling.WithUnit with = handlingAs(Handling.WithUnit.class);
        Handling.Assignee a = with.unit();
        boolean lead = a.unitLed() && a.orgUnitId() == unit;
        Instant start = lead ? leadSince(a) : a.coHandlerOf(unit).assignedAt();
        refuseWhileDisputed();
        refuseBound(unit);
        if (!returnedUnits.contains(unit)) {
            throw LocalizedException.conflict("workorder.error.notReturnedBefore");
        }
        refuseLate(start, now, limits, deadlines);
        Dispute dispute = new Dispute(unit, lead, Dispute.Origin.SECOND_RETURN, reason.strip(), dutyItem.strip(), now,
                deadlines.after(now, limits.arbitration()));
        handling = with.disputed(dispute);
        record(Action.CONTEST, status, actor, now, reason, List.of(), details("orgUnit", unit, "lead", lead,
                "dutyItem", dutyItem.strip(), "arbitrationDue", dispute.dueAt().toString()));
    }

    /**
     * 裁定 — the command centre rules on the open dispute: who leads and who co-handles, with what parts. Binding: the
     * units named may not send the order back again. Everyone signs anew; a new lead's handling clock starts now.
     */
    public void rule(Assignment lead, List<AssistTerms> terms, Actor actor, Instant now, String ruling, DeadlinePolicy deadlines) {
        guard(Action.RULE);
        requireNote(ruling);
        Handling.WithUnit with = handlingAs(Handling.WithUnit.class);
        Dispute settled = with.dispute();
        if (settled == null) {
            throw LocalizedException.conflict("workorder.error.noDispute");
        }
        Handling.Assignee before = with.unit();
        WorkOrderStatus from = status;
        boolean newLead = before.orgUnitId() == null || before.orgUnitId() != lead.orgUnitId()
                || !Objects.equals(before.userId(), lead.userId());
        move(Action.RULE, now, deadlines);
        if (newLead) {
            startStage(now, deadlines);
            extensionRequestedUntil = null;
        }
        List<CoHandler> kept = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        for (Long unit : lead.assistOrgUnitIds()) {
            before.coHandler(unit).ifPresentOrElse(c -> kept.add(c.withReturnRequest(null)), () -> added.add(unit));
        }
        kept.addAll(coHandlersFor(added, terms, now, deadlines));
        handling = new Handling.WithUnit(new Handling.Assignee(lead.orgUnitId(), lead.userId(), lead.level(), kept,
                newLead ? now : before.dispatchedAt()), null);
        for (long unit : Stream.concat(Stream.of(lead.orgUnitId()), lead.assistOrgUnitIds().stream()).toList()) {
            if (!boundUnits.contains(unit)) {
                boundUnits.add(unit);
            }
        }
        record(Action.RULE, from, actor, now, ruling, List.of(), details("orgUnit", lead.orgUnitId(), "orgUnitName", lead.orgUnitName(),
                "assists", lead.assistOrgUnitIds(), "disputedUnit", settled.orgUnitId(), "origin", settled.origin().name()));
    }

    /** The co-handling units that have not reported their part yet, in the order they were named. */
    public List<Long> missingCoHandlers() {
        return coHandlers().stream().filter(c -> !c.reported()).map(CoHandler::orgUnitId).toList();
    }

    /** Who is responsible, what they reported, the verification and the ending: the facts of the order's state. */
    public Handling handling() { return handling; }
    public List<CoHandler> coHandlers() { return handling.assignee() == null ? List.of() : handling.assignee().coHandlers(); }
    public Optional<CoHandler> coHandler(long unit) { return coHandlers().stream().filter(c -> c.orgUnitId() == unit).findFirst(); }
    public boolean isCoHandler(@Nullable Long unit) { return unit != null && coHandler(unit).isPresent(); }
    /** The open 派单争议 waiting for the command centre's ruling; null when none. */
    public @Nullable Dispute dispute() { return handling instanceof Handling.WithUnit w ? w.dispute() : null; }
    public List<Long> returnedUnits() { return List.copyOf(returnedUnits); }
    public List<Long> boundUnits() { return List.copyOf(boundUnits); }
    /** When the order was last dispatched to its lead unit (the lead's 退单 window starts here); null without one. */
    public @Nullable Instant dispatchedAt() { return handling.assignee() == null ? null : handling.assignee().dispatchedAt(); }
    public boolean returnedBefore(@Nullable Long unit) { return unit != null && returnedUnits.contains(unit); }
    public boolean bound(@Nullable Long unit) { return unit != null && boundUnits.contains(unit); }
    public boolean returnPending() { return coHandlers().stream().anyMatch(c -> c.returnRequest() != null); }

    /** Which co-handling queue the order waits in: {@code DISPUTE} (仲裁), {@code RETURN} (协办退单待审) or none. */
    public @Nullable String coHandlingAttention() {
        if (!status.isOpen()) {
            return null;
        }
        if (dispute() != null) {
            return "DISPUTE";
        }
        return returnPending() ? "RETURN" : null;
    }

    private List<CoHandler> coHandlersFor(List<Long> units, List<AssistTerms> terms, Instant now, DeadlinePolicy deadlines) {
        return CoHandler.named(units, terms, now, deadline != null ? deadline.due() : now, deadlines);
    }

    /** Since when the lead unit holds the order: its dispatch, or (on rows from before that was kept) its stage start. */
    private @Nullable Instant leadSince(Handling.Assignee assignee) {
        return assignee.dispatchedAt() != null ? assignee.dispatchedAt() : stageStartedAt;
    }

    /** The handling as the state the guard let in has it (a status and its handling always fit: see {@link #record}). */
    private <H extends Handling> H handlingAs(Class<H> type) {
        if (type.isInstance(handling)) {
            return type.cast(handling);
        }
        throw new IllegalStateException(number + " " + status + " has " + handling + ", not " + type.getSimpleName());
    }

    private void refuseWhileDisputed() {
        if (dispute() != null) {
            throw LocalizedException.conflict("workorder.error.disputePending");
        }
    }

    private void refuseBound(long unit) {
        if (boundUnits.contains(unit)) {
            throw LocalizedException.conflict("workorder.error.bound");
        }
    }

    private void refuseLate(@Nullable Instant start, Instant now, CoHandlingLimits limits, DeadlinePolicy deadlines) {
        if (start != null && now.isAfter(deadlines.after(start, limits.returnWindow()))) {
            throw LocalizedException.conflict("workorder.error.returnWindowPassed", limits.returnWindow().amount());
        }
    }

    private static void requireDutyItem(@Nullable String dutyItem) {
        if (dutyItem == null || dutyItem.isBlank()) {
            throw LocalizedException.badRequest("workorder.error.dutyItemRequired");
        }
        if (dutyItem.length() > 200) {
            throw LocalizedException.badRequest("workorder.error.dutyItemTooLong", 200);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The share of the running stage's limit used at {@code now}; NaN when no stage runs. */
    public double usedFraction(Instant now, DeadlinePolicy deadlines) {
        if (stage == null || deadline == null) {
            return Double.NaN;
        }
        Instant at = suspended && suspendedAt != null ? suspendedAt : now;
        return deadlines.usedFraction(clockStart(), deadline, at);
    }

    public TrafficLight light(Instant now, DeadlinePolicy deadlines) {
        return TrafficLight.of(usedFraction(now, deadlines));
    }

    public @Nullable Long id() { return id; }
    public int version() { return version; }
    public String number() { return number; }
    public Place place() { return place; }
    public String districtCode() { return place.districtCode(); }
    public String streetCode() { return place.streetCode(); }
    public String communityCode() { return place.communityCode(); }
    public String gridCode() { return place.gridCode(); }
    public double lat() { return place.lat(); }
    public double lon() { return place.lon(); }
    public @Nullable String address() { return address; }
    public Source source() { return source; }
    public Urgency urgency() { return urgency; }
    public @Nullable String categoryCode() { return categoryCode; }
    public String description() { return description; }
    public @Nullable Long reporterUserId() { return reporterUserId; }
    public @Nullable String reporterName() { return reporterName; }
    public @Nullable String reporterPhone() { return reporterPhone; }
    public WorkOrderStatus status() { return status; }
    public @Nullable Long assigneeOrgUnitId() { return handling.assignee() == null ? null : handling.assignee().orgUnitId(); }
    public @Nullable Long assigneeUserId() { return handling.assignee() == null ? null : handling.assignee().userId(); }
    /** The co-handling units (协办), in the order they were named; empty without any. */
    public List<Long> assistOrgUnitIds() { return handling.assignee() == null ? List.of() : handling.assignee().assistOrgUnitIds(); }
    public @Nullable String routingLevel() { return handling.assignee() == null ? null : handling.assignee().level(); }
    public @Nullable Stage stage() { return stage; }
    public @Nullable Instant stageStartedAt() { return stageStartedAt; }
    /** The running stage's deadline; null when no stage runs. */
    public @Nullable Deadline deadline() { return deadline; }
    public @Nullable Instant stageDueAt() { return deadline == null ? null : deadline.due(); }
    public boolean stageWorkingTime() { return deadline != null && deadline.workingTime(); }
    public @Nullable String stageRule() { return deadline == null ? null : deadline.rule(); }
    /** 办理时限 set by another system (12345); null when none. */
    public @Nullable Instant externalDueAt() { return externalDueAt; }
    public boolean suspended() { return suspended; }
    public @Nullable Instant suspendedAt() { return suspendedAt; }
    public @Nullable Instant extensionRequestedUntil() { return extensionRequestedUntil; }
    public int supervisionCount() { return supervisionCount; }
    public int reworkCount() { return reworkCount; }
    public int returnCount() { return returnCount; }
    /** Whether the result was confirmed on site (核查通过); a closed order always was. */
    public boolean verified() { return handling.verified(); }
    public @Nullable Satisfaction satisfaction() { return handling instanceof Handling.Closed c ? c.satisfaction() : null; }
    public @Nullable Long masterOrderId() { return handling instanceof Handling.Merged m ? m.masterOrderId() : null; }
    public @Nullable String idempotencyKey() { return idempotencyKey; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public @Nullable Instant handledAt() { return handling.feedback() == null ? null : handling.feedback().at(); }
    public @Nullable Instant closedAt() { return handling instanceof Handling.Closed c ? c.at() : null; }
    public boolean handledOnTime() { return handling.feedback() != null && handling.feedback().onTime(); }
    public boolean closedOnTime() { return handling instanceof Handling.Closed c && c.onTime(); }

    /** Transitions recorded since the order was loaded; the repository writes and clears them. */
    List<Transition> pendingTransitions() {
        return List.copyOf(pending);
    }

    void clearPendingTransitions() {
        pending.clear();
    }

    private void guard(Action action) {
        if (!action.allowedIn(status)) {
            throw new IllegalTransitionException(action, status);
        }
        if (suspended && action != Action.RESUME && action != Action.SUPERVISE && action != Action.VOID && action != Action.REPEAT_CALL) {
            throw LocalizedException.conflict("workorder.error.suspended");
        }
    }

    private void move(Action action, Instant now, DeadlinePolicy deadlines) {
        WorkOrderStatus next = action.targetFrom(status);
        Stage nextStage = next.stage();
        status = next;
        updatedAt = now;
        if (nextStage != stage || action == Action.REWORK || action == Action.REOPEN) {
            startStage(now, deadlines);
        }
    }

    private void startStage(Instant now, DeadlinePolicy deadlines) {
        stage = status.stage();
        if (stage == null) {
            clearStage();
            return;
        }
        deadline = withinExternalLimit(deadlines.due(categoryCode, urgency, stage, now));
        stageStartedAt = now;
        stageClockStartedAt = now;
    }

    /**
     * The catalog's deadline, or the other system's 办理时限 when that is earlier: a 12345 order must be
     * done by the hotline's time, whatever the catalog allows.
     */
    private Deadline withinExternalLimit(Deadline catalog) {
        if (externalDueAt == null || !externalDueAt.isBefore(catalog.due())) {
            return catalog;
        }
        String rule = "external-due " + catalog.rule();
        // stage_rule is VARCHAR(80)
        return new Deadline(externalDueAt, catalog.workingTime(), rule.length() > 80 ? rule.substring(0, 80) : rule);
    }

    private void clearStage() {
        stage = null;
        stageStartedAt = null;
        stageClockStartedAt = null;
        deadline = null;
        suspended = false;
        suspendedAt = null;
        extensionRequestedUntil = null;
    }

    private void closeNow(Handling.Assignee unit, Handling.Feedback report, Instant now) {
        // 按期结案: handled within the handling limit and verified within the verification limit
        boolean onTime = report.onTime() && (deadline == null || !now.isAfter(deadline.due()));
        handling = new Handling.Closed(unit, report, now, onTime, null);
        status = WorkOrderStatus.CLOSED;
        updatedAt = now;
        clearStage();
    }

    private void record(Action action, WorkOrderStatus from, Actor actor, Instant now, String note, List<String> photos, Map<String, Object> facts) {
        if (!handling.fits(status)) {
            throw new IllegalStateException(action + " left " + number + " " + status + " with " + handling);
        }
        pending.add(new Transition(action, from, status, actor.userId(), actor.displayName(), now, note, photos, facts));
    }

    private Instant clockStart() {
        return stageClockStartedAt != null ? stageClockStartedAt : stageStartedAt;
    }

    private static void requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw LocalizedException.badRequest("workorder.error.noteRequired");
        }
    }

    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }

    // ---- for WorkOrderRows, the row mapping beside the repository -----------------------------------

    /** After an insert or update: the id the database gave and the version now stored. */
    void stored(long id, int version) {
        this.id = id;
        this.version = version;
    }
}
