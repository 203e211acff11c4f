package org.yiwang.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps each order's clock in step with the order. Applies every {@link WorkOrderTransitioned} (they
 * come in one {@link WorkOrderJournaled} per saved change) after its transaction committed (following the
 * work-order journal in batches, so also after a crash); the events of
 * one order are applied one at a time under the clock's row lock, and a late, out-of-order or
 * redelivered event changes nothing (see {@link ClockRules}).
 */
@Component
class StageClocks implements JournalFollower {

    private static final Logger log = LoggerFactory.getLogger(StageClocks.class);

    private final Clocks clocks;
    private final WarningTime time;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    StageClocks(Clocks clocks, WarningTime time, PlatformTransactionManager transactionManager, Clock clock) {
        this.clocks = clocks;
        this.time = time;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sla.stage-clocks";
    }

    /**
     * The changes of a batch with a constant number of statements for the common cases: the clocks of the orders
     * they report are computed in memory and inserted at once, the other orders' clocks are locked at once and
     * followed in memory, then written at once, with all their entries in one insert. Each order's changes are
     * applied in journal order as {@link #on} applies them, so the clocks and histories are the same; an order whose
     * clock turns out to exist already (a redelivered report) or to be missing (not reported yet, or lost) goes
     * {@link #on}'s way, one statement at a time.
     */
    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        Instant now = clock.instant();
        Map<Long, List<WorkOrderJournaled>> byOrder = new LinkedHashMap<>();
        changes.forEach(changed -> byOrder.computeIfAbsent(changed.orderId(), id -> new ArrayList<>()).add(changed));
        Map<Long, StageClock> locked = new HashMap<>();
        clocks.lockAll(byOrder.entrySet().stream().filter(e -> !reports(e.getValue().getFirst())).map(Map.Entry::getKey).toList())
                .forEach(c -> locked.put(c.orderId(), c));
        List<Followed> reported = new ArrayList<>();
        List<Followed> existing = new ArrayList<>();
        List<List<WorkOrderJournaled>> oneAtATime = new ArrayList<>();
        byOrder.forEach((id, ofOrder) -> {
            if (reports(ofOrder.getFirst())) {
                reported.add(new Followed(null, ofOrder));
            } else if (locked.containsKey(id)) {
                existing.add(new Followed(locked.get(id), ofOrder));
            } else {
                oneAtATime.add(ofOrder);
            }
        });
        Set<Long> inserted = clocks.insertAll(reported.stream().map(f -> f.state).toList(), now);
        clocks.updateAll(existing.stream().filter(Followed::changed).map(f -> f.state).toList(), now);
        List<Clocks.Appended> entries = new ArrayList<>();
        reported.stream().filter(f -> inserted.contains(f.state.orderId())).forEach(f -> entries.addAll(f.entries));
        existing.forEach(f -> entries.addAll(f.entries));
        clocks.appendAll(entries);
        for (Followed f : reported) {
            if (!inserted.contains(f.state.orderId())) {
                // redelivered: the clock exists, so its report is followed as followAll follows it when its insert fails
                f.changes.getFirst().transitions().forEach(t -> follow(StageSnapshot.of(t), false));
                f.changes.subList(1, f.changes.size()).forEach(this::on);
            }
        }
        oneAtATime.forEach(ofOrder -> ofOrder.forEach(this::on));
    }

    /** Whether the change reported the order: its first, unless redelivered. */
    private static boolean reports(WorkOrderJournaled changed) {
        return changed.transitions().getFirst().action() == Action.REPORT;
    }

    /**
     * One order's clock as the changes of a batch leave it, followed in memory from the clock as stored (null when
     * there is none yet) as {@link #on} would follow it, and the entries they add to its history, in order.
     */
    private final class Followed {

        final StageClock before;
        final List<WorkOrderJournaled> changes;
        final List<Clocks.Appended> entries = new ArrayList<>();
        StageClock state;

        Followed(StageClock before, List<WorkOrderJournaled> changes) {
            this.before = before;
            this.changes = changes;
            this.state = before;
            changes.forEach(this::on);
        }

        boolean changed() {
            return !state.equals(before);
        }

        private void on(WorkOrderJournaled changed) {
            List<StageSnapshot> snapshots = changed.transitions().stream().map(StageSnapshot::of).toList();
            // a report whose clock exists is what followAll follows a snapshot at a time when its insert fails
            if (snapshots.size() == 1 || snapshots.getFirst().action() == Action.REPORT && state != null) {
                snapshots.forEach(this::follow);
            } else {
                all(snapshots);
            }
        }

        /** As {@link StageClocks#followAll}: the entries go with the clock after all the snapshots. */
        private void all(List<StageSnapshot> snapshots) {
            List<ClockEntry> added = new ArrayList<>();
            for (StageSnapshot snapshot : snapshots) {
                Optional<ClockRules.Change> change = ClockRules.follow(state, snapshot, time, false);
                if (change.isPresent()) {
                    state = change.get().next();
                    added.addAll(change.get().entries());
                } else {
                    added.addAll(ClockRules.lateFacts(snapshot));
                }
            }
            added.forEach(entry -> entries.add(new Clocks.Appended(state, entry)));
        }

        /** As {@link StageClocks#follow}: a stale snapshot's late facts go with the clock as it is. */
        private void follow(StageSnapshot snapshot) {
            Optional<ClockRules.Change> change = ClockRules.follow(state, snapshot, time, false);
            if (change.isEmpty()) {
                log.debug("Stale {} of order {} at {}: the clock follows the order as of {}",
                        snapshot.action(), snapshot.number(), snapshot.at(), state.asOf());
                ClockRules.lateFacts(snapshot).forEach(entry -> entries.add(new Clocks.Appended(state, entry)));
                return;
            }
            state = change.get().next();
            change.get().entries().forEach(entry -> entries.add(new Clocks.Appended(state, entry)));
        }
    }

    void on(WorkOrderJournaled changed) {
        if (changed.transitions().size() == 1) {
            follow(StageSnapshot.of(changed.last()), false);
        } else {
            followAll(changed.transitions().stream().map(StageSnapshot::of).toList());
        }
    }

    /**
     * The snapshots of one saved change, oldest first (an intake filed and dispatched at once has three): the
     * rules are applied to each in turn in memory, then the clock is written once with all their entries —
     * the same clock and history as one {@link #follow} per snapshot, with one lock and one write.
     */
    void followAll(List<StageSnapshot> snapshots) {
        Instant now = clock.instant();
        // a change that reports the order is its first: there is no clock to lock yet (a redelivered one finds its
        // clock through the insert's conflict and goes the snapshot-at-a-time way below)
        StageClock before = snapshots.getFirst().action() == Action.REPORT ? null
                : clocks.lock(snapshots.getFirst().orderId()).orElse(null);
        StageClock state = before;
        List<ClockEntry> entries = new ArrayList<>();
        for (StageSnapshot snapshot : snapshots) {
            Optional<ClockRules.Change> change = ClockRules.follow(state, snapshot, time, false);
            if (change.isPresent()) {
                state = change.get().next();
                entries.addAll(change.get().entries());
            } else {
                entries.addAll(ClockRules.lateFacts(snapshot));
            }
        }
        if (state == null || (before == null && !clocks.insert(state, now))) {
            // no clock could be started, or another transaction started it meanwhile: one snapshot at a time
            snapshots.forEach(snapshot -> follow(snapshot, false));
            return;
        }
        if (before != null && !state.equals(before)) {
            clocks.update(state, now);
        }
        StageClock after = state;
        entries.forEach(entry -> clocks.append(after, entry));
    }

    /**
     * Brings the clock in line with the order as it is now, for when the clock was found behind it
     * (an event not applied yet, or lost to a failure); runs in its own transaction.
     */
    void resync(WorkOrder order) {
        ownTransaction.executeWithoutResult(status -> follow(StageSnapshot.of(order, clock.instant()), true));
    }

    /** Applies one snapshot of an order; runs in the caller's transaction. */
    void follow(StageSnapshot snapshot, boolean truth) {
        Instant now = clock.instant();
        Optional<StageClock> current = clocks.lock(snapshot.orderId());
        if (current.isEmpty()) {
            ClockRules.Change created = ClockRules.follow(null, snapshot, time, truth).orElseThrow();
            if (clocks.insert(created.next(), now)) {
                created.entries().forEach(entry -> clocks.append(created.next(), entry));
                return;
            }
            // another event of the same order created the clock meanwhile: follow that one
            current = clocks.lock(snapshot.orderId());
        }
        StageClock before = current.orElseThrow();
        Optional<ClockRules.Change> change = ClockRules.follow(before, snapshot, time, truth);
        if (change.isEmpty()) {
            log.debug("Stale {} of order {} at {}: the clock follows the order as of {}",
                    snapshot.action(), snapshot.number(), snapshot.at(), before.asOf());
            ClockRules.lateFacts(snapshot).forEach(entry -> clocks.append(before, entry));
            return;
        }
        if (!change.get().next().equals(before)) {
            clocks.update(change.get().next(), now);
        }
        change.get().entries().forEach(entry -> clocks.append(change.get().next(), entry));
    }
}
