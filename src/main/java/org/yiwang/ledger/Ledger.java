package org.yiwang.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.platform.DataScope;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * 一链治理 — the ledger: every state change of the platform, appended to one SHA-256 hash chain that
 * is never updated or deleted, and a check that finds the first broken link.
 *
 * <p>{@link #append} is a single insert into a pending table, in the caller's transaction: it
 * commits or rolls back with the caller, takes no lock and hashes nothing. A sealer (one node at a
 * time, every ~200 ms, or {@link #seal()} on demand) moves committed records into the chain in the
 * order it finds them, so a record whose transaction committed late is chained later, never lost.
 *
 * <p>Entry {@code n} stores {@code hash = SHA-256(prev_hash || UTF-8(record))} where
 * {@code prev_hash} is entry {@code n-1}'s hash (32 zero bytes for entry 1) and {@code record} is
 * the canonical JSON {@code {"actor":…,"at":"yyyy-MM-ddTHH:mm:ss.ffffffZ","canonical":{…},
 * "district":…,"kind":…,"seq":n,"stream":…,"subject":…}}, the caller's canonical facts embedded
 * as they are. Anyone can recompute the chain from {@code ledger_entry} with this rule.
 */
public class Ledger {

    private static final String ENTRY_COLUMNS =
            "seq, stream, subject_id, district_code, kind, at, actor_user_id, canonical, prev_hash, hash";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Sealer sealer;

    /**
     * @param dataSource    the platform's data source; {@link #append} joins the Spring transaction
     *                      bound to the current thread, sealing and verifying use connections of their own
     * @param sealBatchSize records chained per sealing transaction
     */
    public Ledger(DataSource dataSource, int sealBatchSize) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.sealer = new Sealer(dataSource, sealBatchSize);
    }

    /**
     * Appends a record to be chained. Call it inside the transaction that makes the change: the record
     * is chained if and only if that transaction commits.
     */
    public void append(LedgerRecord record) {
        jdbc.sql("""
                        INSERT INTO ledger_pending (stream, subject_id, district_code, kind, at, actor_user_id, canonical)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(record.stream(), record.subjectId(), record.districtCode(), record.kind(),
                        OffsetDateTime.ofInstant(record.at(), ZoneOffset.UTC), record.actorUserId(), record.canonical())
                .update();
    }

    /** Appends several records in one round trip, in order; same guarantees as {@link #append}. */
    public void appendAll(java.util.List<LedgerRecord> records) {
        if (records.size() == 1) {
            append(records.getFirst());
            return;
        }
        // one statement for a change's records (an intake has three): a driver-rewritten batch still sent a
        // statement per power of two
        for (int from = 0; from < records.size(); from += ROWS_PER_INSERT) {
            java.util.List<LedgerRecord> chunk = records.subList(from, Math.min(records.size(), from + ROWS_PER_INSERT));
            java.util.List<Object> values = new java.util.ArrayList<>(chunk.size() * 7);
            for (LedgerRecord r : chunk) {
                java.util.Collections.addAll(values, r.stream(), r.subjectId(), r.districtCode(), r.kind(),
                        OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC), r.actorUserId(), r.canonical());
            }
            jdbc.sql("INSERT INTO ledger_pending (stream, subject_id, district_code, kind, at, actor_user_id, canonical) VALUES "
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?)")))
                    .params(values)
                    .update();
        }
    }

    /** Rows of one multi-row insert into the pending table (7 parameters each, far below the protocol's limit). */
    static final int ROWS_PER_INSERT = 200;

    /**
     * Chains every record committed so far, waiting for a sealer that is running elsewhere to finish
     * first. The scheduled sealer makes this unnecessary except in tests and tools.
     *
     * @return how many records this call chained
     */
    public long seal() {
        return sealer.sealAll(true);
    }

    /** The scheduled round: seals what is pending unless another node is sealing right now. */
    long sealIfIdle() {
        return sealer.sealAll(false);
    }

    /**
     * Walks the whole chain (constant memory; about 5 s per million entries on two cores) and reports whether
     * it is intact or where it first breaks. Pending records are counted, not checked.
     */
    public LedgerVerification verify() {
        try (Connection connection = dataSource.getConnection()) {
            return ChainVerifier.verify(connection);
        } catch (SQLException e) {
            throw ChainHash.translate("verify the ledger", e);
        }
    }

    /**
     * The chained entries of one subject inside {@code scope}, oldest first.
     *
     * @param afterSeq only entries after this sequence number (0 for all), to page through long histories
     * @param limit    at most this many entries (1 to 1,000)
     */
    public List<LedgerEntry> entriesOf(String stream, String subjectId, DataScope scope, long afterSeq, int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000: " + limit);
        }
        String[] patterns = scope.likePatterns();
        if (patterns.length == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                         FROM ledger_entry
                        WHERE stream = :stream AND subject_id = :subject AND seq > :after
                          AND district_code LIKE ANY(:patterns)
                        ORDER BY seq
                        LIMIT :limit""")
                .param("stream", stream)
                .param("subject", subjectId)
                .param("after", afterSeq)
                .param("patterns", patterns)
                .param("limit", limit)
                .query((rs, row) -> {
                    long seq = rs.getLong("seq");
                    Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    String record = ChainHash.record(seq, rs.getString("stream"), rs.getString("subject_id"),
                            rs.getString("district_code"), rs.getString("kind"), at, rs.getLong("actor_user_id"),
                            rs.getString("canonical"));
                    return new LedgerEntry(seq, rs.getString("stream"), rs.getString("subject_id"),
                            rs.getString("district_code"), rs.getString("kind"), at, rs.getLong("actor_user_id"),
                            rs.getString("canonical"), ChainHash.hex(rs.getBytes("prev_hash")), ChainHash.hex(rs.getBytes("hash")),
                            ChainHash.hex(MerkleTree.leafHash(ChainHash.sha256(), record.getBytes(StandardCharsets.UTF_8))));
                })
                .list();
    }

    /** Records appended and committed but not yet chained. */
    public long pending() {
        return jdbc.sql("SELECT count(*) FROM ledger_pending").query(Long.class).single();
    }
}
