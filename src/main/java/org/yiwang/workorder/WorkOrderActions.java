package org.yiwang.workorder;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.dispatch.Correction;
import org.yiwang.dispatch.RouteRequest;
import org.yiwang.dispatch.Router;
import org.yiwang.dispatch.RoutingDecision;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every action on an existing order (立案、派遣、签收、回退、处置、核查、返工、结案、评价、延时、挂账、督办、
 * 合并、作废、重新打开): checks who acts, lets the order check its state, and saves the result with its
 * history, ledger records and events in one transaction. A stale {@code version} or a concurrent
 * change is refused with 409, never silently overwritten.
 */
@Service
public class WorkOrderActions {

    private final WorkOrders orders;
    private final OrderJournal journal;
    private final DeadlinePolicy deadlines;
    private final Router router;
    private final Catalog catalog;
    private final Organization organization;
    private final PhotoStore photos;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CoHandlingLimits limits;

    @org.springframework.beans.factory.annotation.Autowired
    WorkOrderActions(WorkOrders orders, OrderJournal journal, DeadlinePolicy deadlines, Router router, Catalog catalog,
                     Organization organization, PhotoStore photos, TransactionTemplate transactions, Clock clock,
                     WorkOrderProperties properties) {
        this(orders, journal, deadlines, router, catalog, organization, photos, transactions, clock, properties.coHandling().limits());
    }

    private WorkOrderActions(WorkOrders orders, OrderJournal journal, DeadlinePolicy deadlines, Router router, Catalog catalog,
                             Organization organization, PhotoStore photos, TransactionTemplate transactions, Clock clock,
                             CoHandlingLimits limits) {
        this.limits = limits;
        this.orders = orders;
        this.journal = journal;
        this.deadlines = deadlines;
        this.router = router;
        this.catalog = catalog;
        this.organization = organization;
        this.photos = photos;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The same actions, every rule and record included, reading the time from {@code clock}: for history that
     * is replayed or generated (the demo's past 90 days). Call it in time order.
     */
    public WorkOrderActions at(Clock clock) {
        return new WorkOrderActions(orders, journal, deadlines, router, catalog, organization, photos, transactions, clock, limits);
    }

    public WorkOrder perform(long orderId, Action action, ActOnOrder request, Actor actor) {
        if (action == Action.REPORT) {
            throw LocalizedException.badRequest("workorder.error.unknownAction", action.pathSegment());
        }
        if (request.note() != null && request.note().length() > ActOnOrder.MAX_NOTE) {
            throw LocalizedException.badRequest("workorder.error.noteTooLong", ActOnOrder.MAX_NOTE);
        }
        photos.requireAll(request.photoIds(), actor);
        checkTerms(request.assists());
        return transactions.execute(status -> {
            WorkOrder order = orders.findById(orderId)
                    .filter(o -> ActionPolicy.canSee(actor, o))
                    .orElseThrow(() -> LocalizedException.notFound("workorder.error.notFound", orderId));
            if (request.version() != null && request.version() != order.version()) {
                throw LocalizedException.conflict("error.concurrentChange");
            }
            if (!ActionPolicy.mayPerform(actor, action, order)) {
                throw LocalizedException.forbidden("workorder.error.actionForbidden",
                        new org.springframework.context.support.DefaultMessageSourceResolvable("workorder.action." + action.name()));
            }
            apply(order, action, request, actor, clock.instant());
            return journal.save(order);
        });
    }

    private void apply(WorkOrder order, Action action, ActOnOrder r, Actor actor, Instant now) {
        String note = r.note() == null ? "" : r.note().strip();
        switch (action) {
            case REGISTER -> order.register(category(r.categoryCode() != null ? r.categoryCode() : order.categoryCode()),
                    r.urgency(), actor, now, note, deadlines);
            case VOID -> order.voidReport(actor, now, note);
            case DISPATCH -> order.dispatch(assignment(order, r, actor, now), r.assists(), actor, now, note, deadlines);
            case ACCEPT -> order.accept(actor, now, note);
            case RETURN -> order.returnToDispatcher(actor, now, note, r.dutyItem(), limits, deadlines);
            case HANDLE -> {
                List<Long> missing = order.missingCoHandlers();
                if (!missing.isEmpty() && order.status() == WorkOrderStatus.ACCEPTED && order.dispute() == null && !order.suspended()) {
                    throw LocalizedException.conflict("workorder.error.coHandlersMissing", String.join("、",
                            missing.stream().map(id -> organization.find(id).map(OrgUnit::name).orElse(String.valueOf(id))).toList()));
                }
                order.handle(actor, now, note, r.photoIds(), deadlines);
            }
            case ASSIST_REPORT -> order.reportAssist(actingUnit(actor, r), actor, now, note, r.photoIds());
            case ASSIST_RETURN -> order.requestAssistReturn(actingUnit(actor, r), actor, now, note, r.dutyItem(), limits, deadlines);
            case ACCEPT_RETURN -> order.acceptAssistReturn(r.orgUnitId(), actor, now, note);
            case REJECT_RETURN -> order.rejectAssistReturn(r.orgUnitId(), actor, now, note, limits, deadlines);
            case CONTEST -> order.contest(ActionPolicy.isLead(actor, order) ? order.assigneeOrgUnitId() : actingUnit(actor, r),
                    actor, now, note, r.dutyItem(), limits, deadlines);
            case RULE -> {
                if (r.orgUnitId() == null) {
                    throw LocalizedException.badRequest("console.error.unitRequired");
                }
                order.rule(assignment(order, r, actor, now), r.assists(), actor, now, note, deadlines);
            }
            case REQUEST_VERIFICATION -> order.requestVerification(actor, now, note);
            case APPROVE -> order.approve(actor, now, note, r.photoIds());
            case REWORK -> order.rework(actor, now, note, r.photoIds(), deadlines);
            case CLOSE -> order.close(actor, now, note);
            case CLOSE_ON_SPOT -> {
                Category category = order.categoryCode() == null ? null : catalog.find(order.categoryCode()).orElse(null);
                if (category == null || !category.smallMatter()) {
                    throw LocalizedException.conflict("workorder.error.notSmallMatter");
                }
                order.closeOnSpot(actor, now, note, r.photoIds());
            }
            case EVALUATE -> {
                if (r.satisfaction() == null) {
                    throw LocalizedException.badRequest("workorder.error.satisfactionRequired");
                }
                order.evaluate(r.satisfaction(), actor, now, note);
            }
            case REOPEN -> order.reopen(actor, now, note, deadlines);
            case REQUEST_EXTENSION -> {
                if (r.until() == null) {
                    throw LocalizedException.badRequest("workorder.error.untilRequired");
                }
                order.requestExtension(r.until(), actor, now, note);
            }
            case APPROVE_EXTENSION -> order.approveExtension(actor, now, note);
            case REJECT_EXTENSION -> order.rejectExtension(actor, now, note);
            case SUSPEND -> order.suspend(actor, now, note);
            case RESUME -> order.resume(actor, now, note, deadlines);
            case SUPERVISE -> order.supervise(actor, now, note);
            case REPEAT_CALL -> order.repeatCall(actor, now, note);
            case MERGE -> {
                if (r.masterOrderId() == null) {
                    throw LocalizedException.badRequest("workorder.error.masterRequired");
                }
                WorkOrder master = orders.findById(r.masterOrderId())
                        .filter(m -> ActionPolicy.canSee(actor, m))
                        .orElseThrow(() -> LocalizedException.notFound("workorder.error.notFound", r.masterOrderId()));
                if (!master.status().isOpen()) {
                    throw LocalizedException.conflict("workorder.error.masterClosed", master.number());
                }
                order.mergeInto(master.id(), actor, now, note);
            }
            case REPORT -> throw new IllegalStateException("REPORT is intake");
        }
    }

    /**
     * The unit the actor acts for: their own org unit (the policy has checked that it co-handles or leads); the system
     * (a replay) names the unit in {@code orgUnitId}.
     */
    private static long actingUnit(Actor actor, ActOnOrder r) {
        if (actor.isSystem() && r.orgUnitId() != null) {
            return r.orgUnitId();
        }
        if (actor.orgUnitId() == null) {
            throw LocalizedException.conflict("workorder.error.notCoHandler");
        }
        return actor.orgUnitId();
    }

    private static void checkTerms(List<AssistTerms> terms) {
        for (AssistTerms t : terms) {
            if (t.part() != null && t.part().length() > CoHandler.MAX_PART) {
                throw LocalizedException.badRequest("workorder.error.assistPartTooLong", CoHandler.MAX_PART);
            }
            if (t.workingDays() != null && (t.workingDays() < 1 || t.workingDays() > AssistTerms.MAX_DAYS)) {
                throw LocalizedException.badRequest("workorder.error.assistDays", AssistTerms.MAX_DAYS);
            }
        }
    }

    private String category(String code) {
        if (code == null || code.isBlank()) {
            throw LocalizedException.badRequest("workorder.error.categoryRequired");
        }
        return catalog.find(code.strip().toUpperCase(Locale.ROOT)).filter(Category::enabled)
                .map(Category::code)
                .orElseThrow(() -> LocalizedException.badRequest("workorder.error.unknownCategory", code));
    }

    /** Routing's suggestion, or the dispatcher's own choice — which is then remembered as a correction. */
    private Assignment assignment(WorkOrder order, ActOnOrder r, Actor actor, Instant now) {
        RoutingDecision suggestion = router.route(new RouteRequest(order.categoryCode(), order.gridCode(),
                order.communityCode(), order.streetCode(), order.districtCode()));
        List<String> reasons = new ArrayList<>(suggestion.reasons().stream().map(reason -> reason.rule()).distinct().toList());
        List<Long> assistIds = !r.assistOrgUnitIds().isEmpty() ? r.assistOrgUnitIds()
                : r.assists().stream().map(AssistTerms::orgUnitId).toList();
        if (r.orgUnitId() == null && !assistIds.isEmpty()) {
            if (!suggestion.routed()) {
                throw new LocalizedException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "workorder.error.chooseUnit");
            }
            // routing's lead with the dispatcher's own co-handlers
            java.util.Set<Long> candidates = candidates(order, suggestion);
            List<Long> assists = new ArrayList<>();
            for (Long id : assistIds) {
                if (id != suggestion.orgUnitId() && !assists.contains(id)) {
                    assists.add(requireEligible(enabledUnit(id), candidates, order, actor).id());
                }
            }
            return new Assignment(suggestion.orgUnitId(), suggestion.orgUnitName(), suggestion.userId(),
                    suggestion.level() == null ? "LEARNED" : suggestion.level().name(), assists, reasons);
        }
        if (r.orgUnitId() == null) {
            if (!suggestion.routed()) {
                throw new LocalizedException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "workorder.error.chooseUnit");
            }
            return new Assignment(suggestion.orgUnitId(), suggestion.orgUnitName(), suggestion.userId(),
                    suggestion.level() == null ? "LEARNED" : suggestion.level().name(), suggestion.assistOrgUnitIds(), reasons);
        }
        java.util.Set<Long> candidates = candidates(order, suggestion);
        OrgUnit unit = requireEligible(enabledUnit(r.orgUnitId()), candidates, order, actor);
        List<Long> assists = new ArrayList<>();
        for (Long id : assistIds) {
            if (!id.equals(unit.id()) && !assists.contains(id)) {
                assists.add(requireEligible(enabledUnit(id), candidates, order, actor).id());
            }
        }
        boolean override = !suggestion.routed() || suggestion.orgUnitId() != unit.id();
        if (override && order.dispute() != null) {
            reasons.add("RULING"); // the arbiter's ruling is its own reason, written in the history; no routing correction
        } else if (override) {
            if (r.note() == null || r.note().isBlank()) {
                throw LocalizedException.badRequest("workorder.error.overrideReasonRequired");
            }
            reasons.add("OVERRIDE");
            router.recordCorrection(new Correction(order.id(), order.categoryCode(), order.streetCode(), order.districtCode(),
                    suggestion.orgUnitId(), unit.id(), actor.userId(), now, r.note()));
        }
        String level = levelOf(unit.divisionCode());
        return new Assignment(unit.id(), unit.name(), null, level, assists, reasons);
    }

    /** The units this dispatcher may send the order to (or ask to assist), for pickers; see {@link #eligible}. */
    public java.util.function.Predicate<OrgUnit> dispatchTargets(WorkOrder order, Actor actor) {
        java.util.Set<Long> candidates = candidates(order, router.route(new RouteRequest(order.categoryCode(), order.gridCode(),
                order.communityCode(), order.streetCode(), order.districtCode())));
        return unit -> unit.enabled() && eligible(unit, candidates, order, actor);
    }

    /** Routing's suggestion and every unit the duty list names for the order's category in its place. */
    private java.util.Set<Long> candidates(WorkOrder order, RoutingDecision suggestion) {
        java.util.Set<Long> candidates = new java.util.HashSet<>(router.candidateUnits(new RouteRequest(order.categoryCode(),
                order.gridCode(), order.communityCode(), order.streetCode(), order.districtCode())));
        if (suggestion.routed()) {
            candidates.add(suggestion.orgUnitId());
        }
        return candidates;
    }

    /**
     * A dispatcher sends an order only to a unit the duty list names for its category here, or to a unit
     * inside their own territory whose territory holds the order's place — never to another street's
     * command centre or a department the duty list does not name, which would then read and act on it.
     */
    private static boolean eligible(OrgUnit unit, java.util.Set<Long> candidates, WorkOrder order, Actor actor) {
        if (candidates.contains(unit.id())) {
            return true;
        }
        String place = ActionPolicy.territoryCode(order);
        String territory = unit.divisionPrefix();
        return actor.scope().covers(territory) && place != null && place.startsWith(territory) && !unit.isCityOffice();
    }

    private static OrgUnit requireEligible(OrgUnit unit, java.util.Set<Long> candidates, WorkOrder order, Actor actor) {
        if (!eligible(unit, candidates, order, actor)) {
            throw new LocalizedException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "workorder.error.unitNotCandidate", unit.name());
        }
        return unit;
    }

    private OrgUnit enabledUnit(long id) {
        return organization.find(id).filter(OrgUnit::enabled)
                .orElseThrow(() -> LocalizedException.badRequest("workorder.error.unknownUnit", id));
    }

    private static String levelOf(String divisionCode) {
        return switch (divisionCode.length()) {
            case 12 -> "COMMUNITY";
            case 9 -> "STREET";
            default -> "DISTRICT";
        };
    }
}
