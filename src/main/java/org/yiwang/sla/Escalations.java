package org.yiwang.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.notify.Channel;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Dispute;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Acts on a clock that turned yellow or red — exactly once per stage instance, however many nodes
 * try. Each attempt runs in its own transaction that first claims the clock with a conditional
 * update ({@code … SET breached_at = now WHERE breached_at IS NULL …}): the row lock makes a second
 * node wait, and once the first commits, the second finds the claim taken and does nothing; if the
 * first rolls back, the claim is free again. In the same transaction the order is read back to make
 * sure the clock is not behind it (a transition whose event was not applied yet), and then the
 * notice, the escalation (督办, as the platform) and the {@link SlaWarned}/{@link SlaBreached} event
 * are written — all of it or none.
 */
@Component
class Escalations {

    /** What became of one attempt. */
    enum Outcome {
        /** The warning was sent. */
        WARNED,
        /** The breach was escalated. */
        BREACHED,
        /** Still red: the second rung of the ladder was taken (district command centre and leader told, escalated again). */
        ESCALATED,
        /** A dispute past its arbitration limit: the district command centre and leader told, the order supervised. */
        ARBITRATION_OVERDUE,
        /** Another node (or an earlier round) claimed it first, or the clock changed since it was found. */
        TAKEN,
        /** The order has moved on and the clock had not followed yet: nothing done, the clock catches up. */
        BEHIND,
        /** Something failed and was rolled back; the next round tries again. */
        FAILED
    }

    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.ZONE);

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final Clocks clocks;
    private final StageClocks stageClocks;
    private final Recipients recipients;
    private final WorkOrderQueries orders;
    private final WorkOrderActions actions;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final SlaProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Escalations(Clocks clocks, StageClocks stageClocks, Recipients recipients, WorkOrderQueries orders, WorkOrderActions actions,
                Notifications notifications, ApplicationEventPublisher events, MessageSource messages, SlaProperties properties,
                PlatformTransactionManager transactionManager, Clock clock) {
        this.clocks = clocks;
        this.stageClocks = stageClocks;
        this.recipients = recipients;
        this.orders = orders;
        this.actions = actions;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Yellow: tells whoever must act in the running stage. */
    Outcome warn(StageClock candidate, Instant now) {
        return attempt(candidate, Outcome.WARNED, () -> ownTransaction.execute(status -> {
            StageClock c = clocks.claimWarning(candidate.orderId(), candidate.stage(), candidate.startedAt(), now).orElse(null);
            if (c == null) {
                return Attempt.TAKEN;
            }
            WorkOrder order = orders.get(c.orderId(), Actor.system());
            if (!inStep(order, c)) {
                status.setRollbackOnly();
                return Attempt.behind(order);
            }
            Set<Long> to = recipients.handlers(c);
            if (to.isEmpty()) {
                log.warn("Order {} turned yellow in stage {} but nobody could be found to tell", c.number(), c.stage());
            } else {
                notifications.notify(new Notice(to, "sla.notice.warned." + c.stage().name(), List.of(c.number(), DUE.format(c.dueAt())),
                        link(c), Set.of(Channel.INBOX), "sla-warned:" + instanceKey(c)));
            }
            List<Long> notified = to.stream().sorted().toList();
            clocks.append(c, new ClockEntry(ClockEntry.Kind.WARNED, now, c.stage(), c.startedAt(), null, null, null,
                    details("dueAt", c.dueAt().toString(), "notified", notified)));
            events.publishEvent(new SlaWarned(c.orderId(), c.number(), c.districtCode(), c.gridCode(), c.stage(), c.startedAt(),
                    c.warnAt(), c.dueAt(), now, c.assigneeOrgUnitId(), c.assigneeUserId(), notified));
            return Attempt.DONE;
        }));
    }

    /** Red: tells the supervisors and escalates the order one level (督办) as the platform. */
    Outcome breach(StageClock candidate, Instant now) {
        return attempt(candidate, Outcome.BREACHED, () -> ownTransaction.execute(status -> {
            StageClock c = clocks.claimBreach(candidate.orderId(), candidate.stage(), candidate.startedAt(), now).orElse(null);
            if (c == null) {
                return Attempt.TAKEN;
            }
            WorkOrder order = orders.get(c.orderId(), Actor.system());
            if (!inStep(order, c) || !now.isAfter(order.stageDueAt())) {
                status.setRollbackOnly();
                return Attempt.behind(order);
            }
            // the version makes the escalation fail (and roll back the claim) if the order changes meanwhile
            WorkOrder supervised = actions.perform(order.id(), Action.SUPERVISE,
                    new ActOnOrder(supervisionNote(c), List.of(), null, null, null, List.of(), null, null, null, order.version()),
                    Actor.system());
            Set<Long> to = recipients.supervisors(c, c.breachCount());
            if (to.isEmpty()) {
                log.warn("Order {} is overdue in stage {} but no supervisor could be found to tell", c.number(), c.stage());
            } else {
                notifications.notify(new Notice(to, "sla.notice.breached." + c.stage().name(),
                        List.of(c.number(), DUE.format(c.dueAt()), String.valueOf(supervised.supervisionCount())),
                        link(c), Set.of(Channel.INBOX, Channel.SMS), "sla-breached:" + instanceKey(c)));
            }
            List<Long> notified = to.stream().sorted().toList();
            clocks.append(c, new ClockEntry(ClockEntry.Kind.BREACHED, now, c.stage(), c.startedAt(), null, null, null,
                    details("dueAt", c.dueAt().toString(), "notified", notified, "breachCount", c.breachCount(),
                            "supervisionLevel", supervised.supervisionCount())));
            events.publishEvent(new SlaBreached(c.orderId(), c.number(), c.districtCode(), c.gridCode(), c.stage(), c.startedAt(),
                    c.dueAt(), now, c.breachCount(), supervised.supervisionCount(), c.assigneeOrgUnitId(), c.assigneeUserId(),
                    notified));
            log.info("Order {} overdue in stage {} since {}: escalated to supervision level {}, {} supervisor(s) told",
                    c.number(), c.stage(), c.dueAt(), supervised.supervisionCount(), notified.size());
            return Attempt.DONE;
        }));
    }

    /**
     * Still red {@code yiwang.sla.ladder.second-rung-after} past the due time: the second rung of the
     * ladder (二级督办). Claimed like the breach, so that every node together takes it once; the order is
     * escalated again as the platform (a 督办 transition: the order's history and the ledger), and the
     * district command centre and the district leader are told.
     */
    Outcome escalate(StageClock candidate, Instant now) {
        return attempt(candidate, Outcome.ESCALATED, () -> ownTransaction.execute(status -> {
            StageClock c = clocks.claimSecondRung(candidate.orderId(), candidate.stage(), candidate.startedAt(), now,
                    properties.ladder().secondRungAfter()).orElse(null);
            if (c == null) {
                return Attempt.TAKEN;
            }
            WorkOrder order = orders.get(c.orderId(), Actor.system());
            if (!inStep(order, c) || !now.isAfter(order.stageDueAt())) {
                status.setRollbackOnly();
                return Attempt.behind(order);
            }
            WorkOrder supervised = actions.perform(order.id(), Action.SUPERVISE,
                    new ActOnOrder(secondRungNote(c), List.of(), null, null, null, List.of(), null, null, null, order.version()),
                    Actor.system());
            Set<Long> to = recipients.secondRung(c);
            if (to.isEmpty()) {
                log.warn("Order {} is still overdue in stage {} but nobody at the district could be found to tell", c.number(), c.stage());
            } else {
                notifications.notify(new Notice(to, "sla.notice.escalated." + c.stage().name(),
                        List.of(c.number(), DUE.format(c.dueAt()), String.valueOf(supervised.supervisionCount())),
                        link(c), Set.of(Channel.INBOX, Channel.SMS), "sla-escalated:" + instanceKey(c)));
            }
            List<Long> notified = to.stream().sorted().toList();
            clocks.append(c, new ClockEntry(ClockEntry.Kind.ESCALATED, now, c.stage(), c.startedAt(), null, null, null,
                    details("dueAt", c.dueAt().toString(), "notified", notified, "rung", 2,
                            "supervisionLevel", supervised.supervisionCount())));
            log.info("Order {} still overdue in stage {} since {}: second rung, {} told at the district",
                    c.number(), c.stage(), c.dueAt(), notified.size());
            return Attempt.DONE;
        }));
    }

    /**
     * 仲裁超期: the command centre has not ruled on the order's open dispute by its arbitration limit. Claimed once per
     * dispute across nodes (a row keyed by the order and the dispute's opening); the order is supervised as the platform
     * (a 督办 transition: history, ledger, journal) and the district command centre and the district leader are told.
     */
    Outcome arbitrationOverdue(WorkOrder candidate, Instant now) {
        Dispute seen = candidate.dispute();
        if (seen == null || !now.isAfter(seen.dueAt())) {
            return Outcome.TAKEN;
        }
        try {
            return ownTransaction.execute(status -> {
                if (!clocks.claimArbitration(candidate.id(), seen.openedAt(), now)) {
                    return Outcome.TAKEN;
                }
                WorkOrder order = orders.get(candidate.id(), Actor.system());
                Dispute dispute = order.dispute();
                if (dispute == null || !dispute.openedAt().equals(seen.openedAt())) {
                    status.setRollbackOnly();
                    return Outcome.BEHIND;
                }
                WorkOrder supervised = actions.perform(order.id(), Action.SUPERVISE,
                        new ActOnOrder(arbitrationNote(order, dispute), List.of(), null, null, null, List.of(), null, null, null,
                                order.version()), Actor.system());
                Set<Long> to = recipients.secondRung(order.place().districtCode());
                if (to.isEmpty()) {
                    log.warn("The dispute on order {} is past its arbitration limit but nobody at the district could be found to tell",
                            order.number());
                } else {
                    notifications.notify(new Notice(to, "sla.notice.arbitrationOverdue",
                            List.of(order.number(), DUE.format(dispute.dueAt()), String.valueOf(supervised.supervisionCount())),
                            "/work-orders/" + order.id(), Set.of(Channel.INBOX, Channel.SMS),
                            "sla-arbitration:" + order.id() + ":" + dispute.openedAt()));
                }
                log.info("The dispute on order {} was due for a ruling {}: escalated, {} told at the district", order.number(),
                        dispute.dueAt(), to.size());
                return Outcome.ARBITRATION_OVERDUE;
            });
        } catch (RuntimeException e) {
            log.warn("Could not escalate the overdue dispute on order {} ({}); the next round tries again", candidate.number(), e.toString());
            return Outcome.FAILED;
        }
    }

    /** The note of an overdue ruling's 督办, in both languages. */
    String arbitrationNote(WorkOrder order, Dispute dispute) {
        Object[] args = {DUE.format(dispute.dueAt())};
        return messages.getMessage("sla.supervise.arbitrationNote", args, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage("sla.supervise.arbitrationNote", args, Locale.ENGLISH);
    }

    /** The note of the second rung's escalation, in both languages. */
    String secondRungNote(StageClock c) {
        return secondNote(c, Locale.SIMPLIFIED_CHINESE) + " / " + secondNote(c, Locale.ENGLISH);
    }

    private String secondNote(StageClock c, Locale locale) {
        String stage = messages.getMessage("sla.stage." + c.stage().name(), null, locale);
        return messages.getMessage("sla.supervise.secondRungNote", new Object[]{stage, DUE.format(c.dueAt())}, locale);
    }

    /** The result of one transaction: done, claimed by someone else, or behind the order (read back). */
    private record Attempt(String result, WorkOrder order) {

        static final Attempt DONE = new Attempt("done", null);
        static final Attempt TAKEN = new Attempt("taken", null);

        static Attempt behind(WorkOrder order) {
            return new Attempt("behind", order);
        }
    }

    private Outcome attempt(StageClock candidate, Outcome success, java.util.function.Supplier<Attempt> work) {
        Attempt attempt;
        try {
            attempt = work.get();
        } catch (RuntimeException e) {
            log.warn("Could not act on the clock of order {} ({}); the next round tries again", candidate.number(), e.toString());
            return Outcome.FAILED;
        }
        if (attempt == Attempt.DONE) {
            return success;
        }
        if (attempt == Attempt.TAKEN) {
            return Outcome.TAKEN;
        }
        catchUp(candidate, attempt.order());
        return Outcome.BEHIND;
    }

    /**
     * Events usually bring the clock in line within moments; a clock that stays behind its order for
     * longer (an event that failed, a stale-looking event from a node with a slow clock) is set from
     * the order itself.
     */
    private void catchUp(StageClock candidate, WorkOrder order) {
        Instant changed = clocks.updatedAt(candidate.orderId()).orElse(Instant.MIN);
        if (changed.isAfter(clock.instant().minus(properties.resyncAfter()))) {
            log.debug("The clock of order {} is behind the order; waiting for its events", candidate.number());
            return;
        }
        try {
            log.info("The clock of order {} stayed behind the order; setting it from the order", candidate.number());
            stageClocks.resync(order);
        } catch (RuntimeException e) {
            log.warn("Could not set the clock of order {} from the order: {}", candidate.number(), e.toString());
        }
    }

    /** Whether the order still runs the stage instance the clock measures, unsuspended, with the same due time. */
    static boolean inStep(WorkOrder order, StageClock c) {
        return order.status().isOpen() && !order.suspended() && order.stage() == c.stage()
                && Objects.equals(StageSnapshot.micros(order.stageStartedAt()), c.startedAt())
                && Objects.equals(StageSnapshot.micros(order.stageDueAt()), c.dueAt());
    }

    /** The note of the escalation, in the platform's two languages (it is sealed into the ledger once, for every reader). */
    String supervisionNote(StageClock c) {
        return note(c, Locale.SIMPLIFIED_CHINESE) + " / " + note(c, Locale.ENGLISH);
    }

    private String note(StageClock c, Locale locale) {
        String stage = messages.getMessage("sla.stage." + c.stage().name(), null, locale);
        return messages.getMessage("sla.supervise.note", new Object[]{stage, DUE.format(c.dueAt())}, locale);
    }

    private static String link(StageClock c) {
        return "/work-orders/" + c.orderId();
    }

    /** Identifies the stage instance: the order, the stage and when it started. */
    private static String instanceKey(StageClock c) {
        return c.orderId() + ":" + c.stage().name() + ":" + c.startedAt();
    }

    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
