package org.yiwang.whistle;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.workorder.PhotoStore;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every step of 吹哨报到: blow a whistle on a work order, report in for a department, record the outcome,
 * withdraw it. Checks who acts, lets the whistle check its state, and saves the result with its ledger
 * records and events in one transaction. Steps on one whistle run one after the other (row lock), so two
 * departments reporting in at the same moment both succeed.
 */
@Service
public class WhistleActions {

    private final Whistles whistles;
    private final WhistleJournal journal;
    private final ReportLimits limits;
    private final WorkOrderQueries orders;
    private final Organization organization;
    private final PhotoStore photos;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WhistleActions(Whistles whistles, WhistleJournal journal, ReportLimits limits, WorkOrderQueries orders,
                   Organization organization, PhotoStore photos, MessageSource messages, TransactionTemplate transactions,
                   Clock clock) {
        this.whistles = whistles;
        this.journal = journal;
        this.limits = limits;
        this.orders = orders;
        this.organization = organization;
        this.photos = photos;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The same steps, every rule and record included, reading the time from {@code clock}: for generated
     * history (the demo's past 90 days). Call it in time order.
     */
    public WhistleActions at(Clock clock) {
        return new WhistleActions(whistles, journal, limits, orders, organization, photos, messages, transactions, clock);
    }

    /**
     * 吹哨 — the street's command centre summons departments of the order's district to an open order.
     *
     * @throws LocalizedException 404 when the actor may not see the order, 403 when they do not command its
     *                            street, 400 for a department that is not an enabled department of the
     *                            order's district, 409 when the order is finished or already has an open whistle
     */
    public Whistle blow(long orderId, BlowWhistle command, Actor actor) {
        requireStaff(actor);
        WorkOrder order = orders.get(orderId, actor);
        String street = order.streetCode();
        if (!WhistlePolicy.commandsStreet(actor, street == null ? order.districtCode() : street)) {
            throw LocalizedException.forbidden("whistle.error.onlyStreet");
        }
        if (street == null) {
            throw LocalizedException.conflict("whistle.error.noStreet", order.number());
        }
        if (!order.status().isOpen()) {
            throw LocalizedException.conflict("whistle.error.orderFinished", order.number(),
                    new DefaultMessageSourceResolvable("workorder.status." + order.status().name()), order.status().name());
        }
        List<Whistle.Department> departments = departments(command.departmentIds(), order.districtCode());
        Whistle.CommandCentre centre = organization.officeOf(street)
                .map(unit -> new Whistle.CommandCentre(unit.id(), unit.name()))
                .orElse(new Whistle.CommandCentre(null, null));
        Whistle.OrderRef ref = new Whistle.OrderRef(order.id(), order.number(), order.districtCode(), street);
        try {
            return transactions.execute(status -> {
                whistles.openOn(orderId).ifPresent(existing -> {
                    throw alreadyOpen(order.number(), existing);
                });
                Instant now = now();
                Whistle whistle = Whistle.blow(whistles.nextNumber(now), command, ref, centre, departments,
                        limits.limitFor(command.kind()), limits.dueAt(command.kind(), now), actor, now);
                return journal.save(whistle);
            });
        } catch (DuplicateKeyException e) {
            // another dispatcher blew on the same order a moment earlier
            throw alreadyOpen(order.number(), whistles.openOn(orderId).orElse(0L));
        }
    }

    /**
     * 报到 — a summoned department answers: reported in, or not its duty.
     *
     * @throws LocalizedException 404 when the actor may not see the whistle, 403 when they do not act for a
     *                            summoned department, 400 for unknown photos or an ambiguous department,
     *                            409 when the whistle is finished or the department already answered
     */
    public Whistle reportIn(long whistleId, ReportIn command, Actor actor) {
        requireStaff(actor);
        for (String photo : command.photoIds()) {
            if (photos.find(photo).isEmpty()) {
                throw LocalizedException.badRequest("whistle.error.photoUnknown", photo);
            }
        }
        return transactions.execute(status -> {
            Whistle whistle = lockVisible(whistleId, actor);
            long department = departmentFor(whistle, command.departmentId(), actor);
            whistle.reportIn(department, command.response(), command.note(), command.photoIds(), actor, now());
            return journal.save(whistle);
        });
    }

    /** The street records how the whistle ended, which closes it. */
    public Whistle recordOutcome(long whistleId, RecordOutcome command, Actor actor) {
        requireStaff(actor);
        return transactions.execute(status -> {
            Whistle whistle = lockCommanded(whistleId, actor);
            whistle.recordOutcome(command.outcome(), command.note(), actor, now());
            return journal.save(whistle);
        });
    }

    /** 撤哨 — the street withdraws its whistle. */
    public Whistle cancel(long whistleId, CancelWhistle command, Actor actor) {
        requireStaff(actor);
        return transactions.execute(status -> {
            Whistle whistle = lockCommanded(whistleId, actor);
            whistle.cancel(command.reason(), actor, now());
            return journal.save(whistle);
        });
    }

    /** The order was voided or merged: its open whistle, if any, is withdrawn by the platform. */
    Optional<Whistle> cancelForVoidedOrder(long orderId, String orderNumber) {
        return Optional.ofNullable(transactions.execute(status -> whistles.openOn(orderId)
                .flatMap(whistles::lock)
                .filter(w -> w.status() == WhistleStatus.OPEN)
                .map(w -> {
                    String reason = messages.getMessage("whistle.cancel.orderVoided", new Object[]{orderNumber},
                            Locale.SIMPLIFIED_CHINESE);
                    w.cancel(reason, Actor.system(), now());
                    return journal.save(w);
                })
                .orElse(null)));
    }

    private Whistle lockVisible(long whistleId, Actor actor) {
        return whistles.lock(whistleId)
                .filter(w -> WhistlePolicy.canSee(actor, w))
                .orElseThrow(() -> LocalizedException.notFound("whistle.error.notFound", whistleId));
    }

    private Whistle lockCommanded(long whistleId, Actor actor) {
        Whistle whistle = lockVisible(whistleId, actor);
        if (!WhistlePolicy.commandsStreet(actor, whistle.streetCode())) {
            throw LocalizedException.forbidden("whistle.error.onlyStreet");
        }
        return whistle;
    }

    /** The department the actor answers for: the one named, or the only summoned one they belong to. */
    private static long departmentFor(Whistle whistle, Long named, Actor actor) {
        if (named != null) {
            if (!WhistlePolicy.departmentsOf(actor).contains(named)) {
                throw LocalizedException.forbidden("whistle.error.notYourDepartment", named);
            }
            return named;
        }
        List<Long> mine = WhistlePolicy.answerableBy(actor, whistle);
        if (mine.isEmpty()) {
            throw LocalizedException.forbidden("whistle.error.notSummoned", whistle.number());
        }
        if (mine.size() == 1) {
            return mine.getFirst();
        }
        List<Long> pending = mine.stream()
                .filter(d -> whistle.summonsOf(d).map(s -> s.state() == Summons.State.PENDING).orElse(false))
                .toList();
        if (pending.size() == 1) {
            return pending.getFirst();
        }
        throw LocalizedException.badRequest("whistle.error.departmentAmbiguous", mine.toString());
    }

    private List<Whistle.Department> departments(List<Long> ids, String districtCode) {
        List<Whistle.Department> departments = new ArrayList<>(ids.size());
        for (long id : ids) {
            OrgUnit unit = organization.find(id)
                    .filter(OrgUnit::isDepartment)
                    .filter(OrgUnit::enabled)
                    .filter(u -> u.divisionCode().equals(districtCode))
                    .orElseThrow(() -> LocalizedException.badRequest("whistle.error.notADistrictDepartment", id, districtCode));
            departments.add(new Whistle.Department(unit.id(), unit.name()));
        }
        return departments;
    }

    private LocalizedException alreadyOpen(String orderNumber, long existingId) {
        String existing = whistles.find(existingId).map(Whistle::number).orElse("?");
        return LocalizedException.conflict("whistle.error.alreadyOpen", orderNumber, existing);
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isSystem() && !actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    /** To the microsecond, as PostgreSQL keeps it: what is compared in memory is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
