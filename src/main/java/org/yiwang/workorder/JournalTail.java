package org.yiwang.workorder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the {@link JournalFollower}s: one thread each, woken right after a local transaction that wrote to the
 * journal commits, and every {@code yiwang.workorder.journal.poll-interval} otherwise (for changes other nodes
 * made); after a round that emptied the backlog a follower waits {@code gap} (100 ms) before the next, so that
 * under load a round takes the changes of many commits. Each round takes up to {@code batch-size} finished rows after the follower's place and applies them
 * in one transaction that also moves the place; while a follower is behind, rounds follow each other at once.
 *
 * <p>A batch that fails for a passing reason (lost connection, deadlock, serialization failure) is tried again
 * after a growing pause. Any other failure is retried change by change, and a change that fails on its own is
 * parked ({@code workorder_journal_parked}) with its error; parked changes are tried again every few minutes,
 * up to {@value #MAX_ATTEMPTS} times.
 */
@Component
public class JournalTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JournalTail.class);
    static final int MAX_ATTEMPTS = 12;

    private final Journal journal;
    private final Supplier<List<JournalFollower>> followerSource;
    private List<JournalFollower> followers = List.of();
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;
    private final long pollNanos;
    private final long gapMillis;
    private final Duration retention;
    private final boolean enabled;
    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean running;

    /** Followers are looked up when the tail starts: they depend on modules that depend on work orders. */
    @Autowired
    JournalTail(Journal journal, ObjectProvider<JournalFollower> followers, PlatformTransactionManager transactionManager, Clock clock,
                WorkOrderProperties settings) {
        this(journal, () -> followers.orderedStream().toList(), transactionManager, clock, settings.journal().batchSize(),
                settings.journal().pollInterval(), settings.journal().gap(), settings.journal().retention(), settings.journal().enabled());
    }

    JournalTail(Journal journal, Supplier<List<JournalFollower>> followers, PlatformTransactionManager transactionManager, Clock clock,
                int batchSize, Duration pollInterval, Duration gap, Duration retention, boolean enabled) {
        this.journal = journal;
        this.followerSource = followers;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.batchSize = batchSize;
        this.pollNanos = pollInterval.toNanos();
        this.gapMillis = gap.toMillis();
        this.retention = retention;
        this.enabled = enabled;
    }

    /**
     * Wakes the followers that care about these actions (and those that care about every change) once the
     * current transaction commits; call where the journal is written.
     */
    void wakeAfterCommit(Collection<Action> actions) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake(actions.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(actions));
            return;
        }
        @SuppressWarnings("unchecked")
        EnumSet<Action> pending = (EnumSet<Action>) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            pending.addAll(actions);
            return;
        }
        EnumSet<Action> committed = actions.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(actions);
        TransactionSynchronizationManager.bindResource(this, committed);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(JournalTail.this);
                if (status == STATUS_COMMITTED) {
                    wake(committed);
                }
            }
        });
    }

    /** Wakes every follower. */
    void wake() {
        for (Worker worker : workers) {
            unpark(worker);
        }
    }

    private void wake(Set<Action> actions) {
        for (Worker worker : workers) {
            if (worker.interest.isEmpty() || !Collections.disjoint(worker.interest, actions)) {
                unpark(worker);
            }
        }
    }

    private static void unpark(Worker worker) {
        Thread thread = worker.thread;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Applies everything that is ready now for every follower, in the calling thread, and returns how many
     * changes were applied; for tools and tests that must see the followers' work before going on.
     */
    long catchUp() {
        long applied = 0;
        for (Worker worker : workers) {
            int n;
            do {
                n = worker.round();
                applied += n;
            } while (n > 0);
        }
        return applied;
    }

    /** Where the followers are now. */
    public JournalStatus status() {
        return new JournalStatus(followers.stream().filter(f -> !f.perNode())
                .map(f -> new JournalStatus.Follower(f.name(), journal.behind(f.name()))).toList(), journal.parked());
    }

    /** Finished changes that a database-kept follower has not applied yet. */
    long behind(String follower) {
        return journal.behind(follower);
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        followers = List.copyOf(followerSource.get());
        for (JournalFollower follower : followers) {
            Worker worker = new Worker(follower);
            if (follower.perNode()) {
                worker.place = journal.end();
            } else {
                journal.enlist(follower.name());
            }
            workers.add(worker);
        }
        running = true;
        for (Worker worker : workers) {
            worker.thread = Thread.ofPlatform().daemon().name("journal-" + worker.follower.name()).start(worker::loop);
        }
        log.info("Following the work-order journal with {} followers", workers.size());
    }

    @Override
    public void stop() {
        running = false;
        for (Worker worker : workers) {
            Thread thread = worker.thread;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
        // all followers get the same 5 s in total, not 10 s each: a round waiting for a lost database must not hold
        // up shutdown (the threads are daemons; a round cut short is rolled back and applied again after the start)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Worker worker : workers) {
            Thread thread = worker.thread;
            long left = deadline - System.nanoTime();
            if (thread != null && left > 0) {
                try {
                    thread.join(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Changes some follower could not apply, newest first (at most {@code limit}). */
    public List<JournalStatus.Parked> parked(int limit) {
        return journal.parkedForOperators(limit);
    }

    /**
     * Tries every parked change again now (an operator fixed the cause), however often it failed before.
     *
     * @return how many were applied and left the parked list
     */
    public int retryParkedNow() {
        int before = (int) journal.parked();
        retry(journal.parkedAll(1_000));
        return before - (int) journal.parked();
    }

    /** Tries parked changes again, oldest first, each in its own transaction. */
    @Scheduled(initialDelayString = "${yiwang.workorder.journal.parked-interval:PT5M}", fixedDelayString = "${yiwang.workorder.journal.parked-interval:PT5M}")
    void retryParked() {
        if (!running) {
            return;
        }
        retry(journal.parkedDue(clock.instant().minus(Duration.ofMinutes(1)), MAX_ATTEMPTS, 100));
    }

    private void retry(List<Journal.Parked> due) {
        for (Journal.Parked parked : due) {
            Optional<JournalFollower> follower = followers.stream().filter(f -> f.name().equals(parked.follower())).findFirst();
            if (follower.isEmpty()) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> {
                    follower.get().apply(List.of(journal.read(parked.entry().change())));
                    journal.unpark(parked);
                });
                log.info("Parked journal change {} applied by {} on attempt {}", parked.entry().place(), parked.follower(), parked.attempts() + 1);
            } catch (RuntimeException e) {
                journal.failedAgain(parked, describe(e));
                if (parked.attempts() + 1 >= MAX_ATTEMPTS) {
                    log.error("Journal change {} could not be applied by {} after {} attempts; it stays parked", parked.entry().place(), parked.follower(), MAX_ATTEMPTS, e);
                }
            }
        }
    }

    /** Deletes journal rows every follower has applied once they are older than the retention. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOld() {
        if (running) {
            int forgotten = journal.forget(clock.instant().minus(retention));
            log.debug("Forgot {} journal rows older than {}", forgotten, retention);
        }
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static boolean passing(RuntimeException e) {
        return e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                || e instanceof DataAccessResourceFailureException || e instanceof CannotCreateTransactionException;
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getName() + ": " + e.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private final class Worker {

        final JournalFollower follower;
        /** The actions the follower cares about; empty for all. */
        final Set<Action> interest;
        volatile Thread thread;
        /** Only for per-node followers; the others keep their place in the database. */
        Journal.Place place;
        private int failures;

        Worker(JournalFollower follower) {
            this.follower = follower;
            this.interest = follower.actions().isEmpty() ? Set.of() : EnumSet.copyOf(follower.actions());
        }

        /** The changes of a batch this follower is handed: all of them, or those with an action it cares about. */
        List<WorkOrderJournaled> relevant(List<Journal.Entry> batch) {
            List<WorkOrderJournaled> changes = new ArrayList<>(batch.size());
            for (Journal.Entry entry : batch) {
                WorkOrderJournaled change = journal.change(entry);
                if (interest.isEmpty() || change.transitions().stream().anyMatch(t -> interest.contains(t.action()))) {
                    changes.add(change);
                }
            }
            return changes;
        }

        private void applyRelevant(List<Journal.Entry> batch) {
            List<WorkOrderJournaled> changes = relevant(batch);
            if (!changes.isEmpty()) {
                follower.apply(changes);
            }
        }

        void loop() {
            while (running) {
                int applied;
                try {
                    applied = round();
                    if (failures > 0) {
                        log.info("Journal follower {} works again", follower.name());
                    }
                    failures = 0;
                } catch (RuntimeException e) {
                    failures++;
                    long pause = Math.min(30_000L, 100L << Math.min(failures, 9));
                    if (failures == 1) {
                        log.warn("Journal follower {} failed; trying again in {} ms", follower.name(), pause, e);
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
                    continue;
                }
                if (applied < batchSize) {
                    LockSupport.parkNanos(pollNanos);
                    // woken by a commit: let the commits of the next few milliseconds join the batch, instead of
                    // a round (and a transaction) per commit that mostly finds nothing ready yet
                    pause(gapMillis);
                }
            }
        }

        /** One batch; returns how many changes it applied (the follower's place moved past that many). */
        synchronized int round() {
            if (follower.perNode()) {
                return roundPerNode();
            }
            try {
                Integer applied = transaction.execute(status -> {
                    Optional<Journal.Place> at = journal.lock(follower.name());
                    if (at.isEmpty()) {
                        return 0;
                    }
                    List<Journal.Entry> batch = journal.after(at.get(), batchSize);
                    if (batch.isEmpty()) {
                        return 0;
                    }
                    applyRelevant(batch);
                    journal.move(follower.name(), batch.getLast().place());
                    return batch.size();
                });
                return applied == null ? 0 : applied;
            } catch (RuntimeException e) {
                if (passing(e)) {
                    throw e;
                }
                log.warn("Journal follower {} failed on a batch; applying it change by change", follower.name(), e);
                return oneByOne();
            }
        }

        /** After a failed batch: each change of it on its own, parking the ones that fail. */
        private int oneByOne() {
            int applied = 0;
            while (applied < batchSize) {
                Integer done;
                try {
                    done = transaction.execute(status -> next().map(entry -> {
                        applyRelevant(List.of(entry));
                        journal.move(follower.name(), entry.place());
                        return 1;
                    }).orElse(0));
                } catch (RuntimeException e) {
                    if (passing(e)) {
                        throw e;
                    }
                    done = transaction.execute(status -> next().map(entry -> {
                        log.error("Journal follower {} cannot apply change {}; parked, to be tried again later", follower.name(), entry.place(), e);
                        journal.park(follower.name(), entry, describe(e));
                        journal.move(follower.name(), entry.place());
                        return 1;
                    }).orElse(0));
                }
                if (done == null || done == 0) {
                    return applied;
                }
                applied++;
            }
            return applied;
        }

        /** Locks the follower's place and reads the one change after it; empty if none is ready or another node has the place. */
        private Optional<Journal.Entry> next() {
            return journal.lock(follower.name()).flatMap(at -> journal.after(at, 1).stream().findFirst());
        }

        private int roundPerNode() {
            List<Journal.Entry> batch = journal.after(place, batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            place = batch.getLast().place();
            try {
                applyRelevant(batch);
            } catch (RuntimeException e) {
                log.warn("Journal follower {} failed on {} changes on this node; they are skipped", follower.name(), batch.size(), e);
            }
            return batch.size();
        }
    }
}
