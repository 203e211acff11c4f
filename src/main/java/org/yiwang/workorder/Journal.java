package org.yiwang.workorder;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The table behind the work-order journal ({@code workorder_journal}) and the followers' places in it. A row
 * is identified by the writing transaction's id and a position; rows are read in that order and only from
 * transactions older than every transaction still running ({@code pg_snapshot_xmin}), so that a transaction
 * that committed after a younger one can never be skipped.
 */
@Repository
class Journal {

    /** A place in the journal: the last row applied ({@link #START} before the first). */
    record Place(String tx, long position) {
        static final Place START = new Place("0", 0);
    }

    record Entry(Place place, String change) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    Journal(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** Writes one change; must run in the transaction that saves the order. */
    void record(WorkOrderJournaled change) {
        template.update("INSERT INTO workorder_journal (order_id, change) VALUES (?, ?)", change.orderId(), json.writeValueAsString(change));
    }

    WorkOrderJournaled read(String change) {
        return json.readValue(change, WorkOrderJournaled.class);
    }

    /**
     * The change of an entry, parsed once for all followers: they read the same rows moments apart, and
     * parsing each change once per follower was a good part of what following cost. Keeps the last
     * {@value #PARSED} changes by position (a row's position never changes).
     */
    WorkOrderJournaled change(Entry entry) {
        long position = entry.place().position();
        WorkOrderJournaled change = parsed.get(position);
        if (change == null) {
            // the followers are woken together and read the same rows at the same moment: the first parses, the
            // others wait for it rather than each parsing the change again
            change = parsed.computeIfAbsent(position, p -> read(entry.change()));
            if (parsed.size() > PARSED && puts.incrementAndGet() % 1_000 == 0) {
                long keepFrom = position - PARSED;
                parsed.keySet().removeIf(p -> p < keepFrom);
            }
        }
        return change;
    }

    static final int PARSED = 5_000;
    private final Map<Long, WorkOrderJournaled> parsed = new ConcurrentHashMap<>();
    private final AtomicLong puts = new AtomicLong();

    /** The rows after {@code place} whose transactions are all finished, oldest first. */
    List<Entry> after(Place place, int limit) {
        return jdbc.sql("""
                        SELECT tx::text AS tx_text, position, change FROM workorder_journal
                         WHERE (tx, position) > (CAST(:tx AS xid8), :position)
                           AND tx < pg_snapshot_xmin(pg_current_snapshot())
                         ORDER BY tx, position
                         LIMIT :limit""")
                .param("tx", place.tx()).param("position", place.position()).param("limit", limit)
                .query((rs, row) -> new Entry(new Place(rs.getString("tx_text"), rs.getLong("position")), rs.getString("change")))
                .list();
    }

    /** The newest row's place, where a follower that starts now begins. */
    Place end() {
        return jdbc.sql("SELECT tx::text AS tx_text, position FROM workorder_journal ORDER BY tx DESC, position DESC LIMIT 1")
                .query((rs, row) -> new Place(rs.getString("tx_text"), rs.getLong("position")))
                .optional().orElse(Place.START);
    }

    /** Gives a new follower a place at the start of the journal; an existing one keeps its own. */
    void enlist(String follower) {
        jdbc.sql("INSERT INTO workorder_journal_cursor (follower, tx, position) VALUES (:f, '0', 0) ON CONFLICT (follower) DO NOTHING")
                .param("f", follower).update();
    }

    /**
     * Locks the follower's place for this transaction; empty while another node holds it. The transaction then
     * commits without waiting for its WAL to reach the disk ({@code synchronous_commit = off}, for this transaction
     * only): a follower's work is derived from the journal and moves its place in the same transaction, so what a
     * crash takes back is the work together with the place, and it is applied again after the start, as after any
     * transaction cut short. A later synchronous commit that read it flushes it first (the WAL is written in order).
     */
    Optional<Place> lock(String follower) {
        return jdbc.sql("""
                        SELECT tx::text AS tx_text, position, set_config('synchronous_commit', 'off', true)
                          FROM workorder_journal_cursor WHERE follower = :f FOR UPDATE SKIP LOCKED""")
                .param("f", follower)
                .query((rs, row) -> new Place(rs.getString("tx_text"), rs.getLong("position")))
                .optional();
    }

    void move(String follower, Place place) {
        jdbc.sql("UPDATE workorder_journal_cursor SET tx = CAST(:tx AS xid8), position = :position, moved_at = now() WHERE follower = :f")
                .param("tx", place.tx()).param("position", place.position()).param("f", follower).update();
    }

    /** How many finished rows the follower has not applied yet. */
    long behind(String follower) {
        return jdbc.sql("""
                        SELECT count(*) FROM workorder_journal
                         WHERE (tx, position) > (SELECT c.tx, c.position FROM workorder_journal_cursor c WHERE c.follower = :f)""")
                .param("f", follower).query(Long.class).single();
    }

    void park(String follower, Entry entry, String error) {
        jdbc.sql("""
                        INSERT INTO workorder_journal_parked (follower, tx, position, change, error)
                        VALUES (:f, CAST(:tx AS xid8), :position, :change, :error)
                        ON CONFLICT (follower, tx, position) DO UPDATE SET error = excluded.error""")
                .param("f", follower).param("tx", entry.place().tx()).param("position", entry.place().position())
                .param("change", entry.change()).param("error", error).update();
    }

    record Parked(String follower, Entry entry, int attempts) {
    }

    /** Parked changes due for another try: fewer than {@code maxAttempts} so far, the last one before {@code before}. */
    List<Parked> parkedDue(Instant before, int maxAttempts, int limit) {
        return jdbc.sql("""
                        SELECT follower, tx::text AS tx_text, position, change, attempts FROM workorder_journal_parked
                         WHERE attempts < :max AND coalesce(retried_at, parked_at) < :before
                         ORDER BY tx, position LIMIT :limit""")
                .param("max", maxAttempts).param("before", Timestamp.from(before)).param("limit", limit)
                .query((rs, row) -> new Parked(rs.getString("follower"),
                        new Entry(new Place(rs.getString("tx_text"), rs.getLong("position")), rs.getString("change")), rs.getInt("attempts")))
                .list();
    }

    void unpark(Parked parked) {
        jdbc.sql("DELETE FROM workorder_journal_parked WHERE follower = :f AND tx = CAST(:tx AS xid8) AND position = :position")
                .param("f", parked.follower()).param("tx", parked.entry().place().tx()).param("position", parked.entry().place().position())
                .update();
    }

    void failedAgain(Parked parked, String error) {
        jdbc.sql("""
                        UPDATE workorder_journal_parked SET attempts = attempts + 1, retried_at = now(), error = :error
                         WHERE follower = :f AND tx = CAST(:tx AS xid8) AND position = :position""")
                .param("error", error).param("f", parked.follower()).param("tx", parked.entry().place().tx())
                .param("position", parked.entry().place().position()).update();
    }

    List<Parked> parkedAll(int limit) {
        return jdbc.sql("""
                        SELECT follower, tx::text AS tx_text, position, change, attempts FROM workorder_journal_parked
                         ORDER BY parked_at DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new Parked(rs.getString("follower"),
                        new Entry(new Place(rs.getString("tx_text"), rs.getLong("position")), rs.getString("change")), rs.getInt("attempts")))
                .list();
    }

    /** What operators see of parked changes, newest first. */
    List<JournalStatus.Parked> parkedForOperators(int limit) {
        return jdbc.sql("""
                        SELECT follower, change, error, attempts, parked_at, retried_at FROM workorder_journal_parked
                         ORDER BY parked_at DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> {
                    WorkOrderJournaled change = read(rs.getString("change"));
                    java.sql.Timestamp retried = rs.getTimestamp("retried_at");
                    return new JournalStatus.Parked(rs.getString("follower"), change.orderId(), change.last().number(),
                            change.transitions().stream().map(t -> t.action().name()).toList(), rs.getString("error"),
                            rs.getInt("attempts"), rs.getTimestamp("parked_at").toInstant(), retried == null ? null : retried.toInstant());
                })
                .list();
    }

    long parked() {
        return jdbc.sql("SELECT count(*) FROM workorder_journal_parked").query(Long.class).single();
    }

    /** Deletes rows older than {@code before} that every follower has applied. */
    int forget(Instant before) {
        return jdbc.sql("""
                        DELETE FROM workorder_journal
                         WHERE recorded_at < :before
                           AND (tx, position) <= ALL (SELECT tx, position FROM workorder_journal_cursor)""")
                .param("before", Timestamp.from(before)).update();
    }
}
