package org.yiwang.workorder;

import java.util.List;
import java.util.Set;

/**
 * Follows the work-order journal: every saved change of every work order, as one {@link WorkOrderJournaled},
 * after the change committed. Modules that keep something in step with the orders (time limits, notices, read
 * models, feeds) implement this instead of listening to events one by one: changes come in batches of up to a
 * few hundred, in one transaction of the follower's that also moves its place in the journal, so a follower
 * costs one commit per batch rather than one per change, and under load the batches grow by themselves.
 *
 * <p>Guarantees: each change reaches a follower after its transaction committed, also after a crash (the
 * journal is written in the order's transaction); a batch that fails is rolled back and tried again, then
 * change by change, and a change that still fails is parked with its error and tried again later, so one bad
 * change never holds the others up. Changes of one order come oldest first as a rule, but a follower must
 * tolerate one arriving late or twice (after a parked change is retried), as it always had to. A follower's
 * transaction commits without waiting for the disk: a crash may take back its last rounds together with its place,
 * and they are applied again after the start — so a follower writes only what it can write again.
 */
public interface JournalFollower {

    /** A stable name, e.g. {@code sla.stage-clocks}: the follower's place in the journal is kept under it. */
    String name();

    /**
     * Applies changes in journal order. Runs in a transaction (unless {@link #perNode()}) that commits with the
     * follower's new place; throwing rolls back both.
     */
    void apply(List<WorkOrderJournaled> changes);

    /**
     * The actions this follower acts on; empty (the default) for every change. A follower that names its
     * actions is handed only the changes with at least one transition of them (whole, with all their
     * transitions) and is woken only by commits that carry one; its place still moves past the other changes,
     * in rounds at the poll interval. So a module that cares about, say, ratings costs an intake nothing.
     */
    default Set<Action> actions() {
        return Set.of();
    }

    /**
     * Whether every application node follows the journal for itself from the moment it starts, keeping its
     * place in memory (for pushing to the viewers connected to that node), instead of one node at a time from
     * a place kept in the database. Such a follower runs outside a transaction and gets each change at most once.
     */
    default boolean perNode() {
        return false;
    }
}
