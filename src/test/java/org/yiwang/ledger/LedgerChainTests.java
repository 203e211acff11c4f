package org.yiwang.ledger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.ledger.LedgerVerification.Reason;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain on a real PostgreSQL: appends commit and roll back with their transaction, the sealer
 * chains each committed record exactly once, and verification finds the first entry an attacker with
 * database access changed or removed. Tampering tests undo their change before they end.
 */
@LedgerSpringTest
class LedgerChainTests {

    static final Instant AT = Instant.parse("2025-03-01T08:00:00Z");

    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;

    @Test
    void aLongChainOfCommittedRecordsVerifies() {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 3_000; i++) {
                ledger.append(record("LONG-" + i, i % 2 == 0 ? "FILED" : "DISPATCHED", Map.of("n", i, "note", "第" + i + "条")));
            }
        });
        ledger.seal();

        LedgerVerification verification = ledger.verify();
        assertThat(verification.valid()).as(verification.summary()).isTrue();
        assertThat(verification.firstBreak()).isNull();
        assertThat(verification.pending()).isZero();
        assertThat(verification.length()).isEqualTo(count("SELECT count(*) FROM ledger_entry")).isGreaterThanOrEqualTo(3_000);
        assertThat(verification.headHash()).isEqualTo(jdbc.sql("SELECT encode(hash, 'hex') FROM ledger_entry ORDER BY seq DESC LIMIT 1")
                .query(String.class).single());
        assertThat(verification.summary()).isEqualTo("valid " + verification.length());
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE subject_id LIKE 'LONG-%'")).isEqualTo(3_000);
    }

    @Test
    void theScheduledSealerChainsCommittedRecordsWithinMoments() {
        transactions.executeWithoutResult(status -> ledger.append(record("SCHEDULED-1", "FILED", Map.of())));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seqOf("SCHEDULED-1").isPresent());
    }

    @Test
    void theFirstEntryLinksToGenesisAndEachFollowingOneToItsPredecessor() {
        seed("LINK", 5);
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT seq, encode(prev_hash, 'hex') AS prev, encode(hash, 'hex') AS hash
                        FROM ledger_entry ORDER BY seq LIMIT 5""").query().listOfRows();
        assertThat(rows.getFirst().get("seq")).isEqualTo(1L);
        assertThat(rows.getFirst().get("prev")).isEqualTo("0".repeat(64));
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get("prev")).isEqualTo(rows.get(i - 1).get("hash"));
        }
    }

    @Test
    void changingTheFactsOfAnEntryIsReportedAtThatEntry() throws SQLException {
        long seq = seed("EDIT", 20) - 10;
        String original = jdbc.sql("SELECT canonical FROM ledger_entry WHERE seq = ?").param(seq).query(String.class).single();
        try {
            asAttacker("UPDATE ledger_entry SET canonical = ? WHERE seq = ?", "{\"to\":\"CLOSED\"}", seq);

            LedgerVerification verification = ledger.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBreak().seq()).isEqualTo(seq);
            assertThat(verification.firstBreak().reason()).isEqualTo(Reason.HASH_MISMATCH);
            assertThat(verification.firstBreak().storedHash()).isEqualTo(storedHash(seq));
            assertThat(verification.firstBreak().expectedHash()).isNotEqualTo(storedHash(seq)).hasSize(64);
            assertThat(verification.length()).isEqualTo(seq - 1);
            assertThat(verification.headHash()).isEqualTo(storedHash(seq - 1));
            assertThat(verification.summary()).startsWith("broken at " + seq + ": hash mismatch");
        } finally {
            asAttacker("UPDATE ledger_entry SET canonical = ? WHERE seq = ?", original, seq);
        }
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void changingWhoOrWhenOrWhereIsReportedToo() throws SQLException {
        long seq = seed("WHO", 6) - 3;
        for (String column : new String[]{"actor_user_id", "at", "district_code", "kind", "subject_id", "stream"}) {
            String original = jdbc.sql("SELECT " + column + "::text FROM ledger_entry WHERE seq = ?").param(seq).query(String.class).single();
            String forged = switch (column) {
                case "actor_user_id" -> "999";
                case "at" -> "2025-03-01 08:00:00.000001+00";
                case "district_code" -> "320104003";
                case "kind" -> "CLOSED";
                case "subject_id" -> "WHO-FORGED";
                default -> "complaint";
            };
            String cast = switch (column) {
                case "actor_user_id" -> "::bigint";
                case "at" -> "::timestamptz";
                default -> "";
            };
            try {
                asAttacker("UPDATE ledger_entry SET " + column + " = ?" + cast + " WHERE seq = ?", forged, seq);
                LedgerVerification verification = ledger.verify();
                assertThat(verification.firstBreak()).as(column).isNotNull();
                assertThat(verification.firstBreak().seq()).as(column).isEqualTo(seq);
                assertThat(verification.firstBreak().reason()).as(column).isEqualTo(Reason.HASH_MISMATCH);
            } finally {
                asAttacker("UPDATE ledger_entry SET " + column + " = ?" + cast + " WHERE seq = ?", original, seq);
            }
        }
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void replacingAStoredHashIsReportedAtThatEntry() throws SQLException {
        long seq = seed("HASH", 10) - 4;
        String original = storedHash(seq);
        String forged = "ab".repeat(32);
        try {
            asAttacker("UPDATE ledger_entry SET hash = decode(?, 'hex') WHERE seq = ?", forged, seq);

            LedgerVerification.Break broken = ledger.verify().firstBreak();

            assertThat(broken.seq()).isEqualTo(seq);
            assertThat(broken.reason()).isEqualTo(Reason.HASH_MISMATCH);
            assertThat(broken.expectedHash()).isEqualTo(original);
            assertThat(broken.storedHash()).isEqualTo(forged);
        } finally {
            asAttacker("UPDATE ledger_entry SET hash = decode(?, 'hex') WHERE seq = ?", original, seq);
        }
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void rewritingAnEntryWithAFreshHashBreaksTheLinkOfTheNextOne() throws SQLException {
        long seq = seed("REHASH", 10) - 5;
        Map<String, Object> row = jdbc.sql("SELECT * FROM ledger_entry WHERE seq = ?").param(seq).query().singleRow();
        String forgedFacts = "{\"to\":\"CLOSED\"}";
        byte[] forgedHash = ChainHash.hash(ChainHash.sha256(), (byte[]) row.get("prev_hash"),
                ChainHash.record(seq, (String) row.get("stream"), (String) row.get("subject_id"), (String) row.get("district_code"),
                        (String) row.get("kind"), instant(row.get("at")), (Long) row.get("actor_user_id"), forgedFacts));
        try {
            asAttacker("UPDATE ledger_entry SET canonical = ?, hash = ? WHERE seq = ?", forgedFacts, forgedHash, seq);

            LedgerVerification verification = ledger.verify();

            assertThat(verification.firstBreak().seq()).isEqualTo(seq + 1);
            assertThat(verification.firstBreak().reason()).isEqualTo(Reason.PREV_LINK_MISMATCH);
            assertThat(verification.firstBreak().expectedHash()).isEqualTo(ChainHash.hex(forgedHash));
            assertThat(verification.firstBreak().storedHash()).isEqualTo(ChainHash.hex((byte[]) row.get("hash")));
            assertThat(verification.summary()).startsWith("broken at " + (seq + 1) + ": prev link mismatch");
        } finally {
            asAttacker("UPDATE ledger_entry SET canonical = ?, hash = ? WHERE seq = ?", row.get("canonical"), row.get("hash"), seq);
        }
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void deletingAnEntryIsReportedAsAGapAtTheMissingSeq() throws SQLException {
        long seq = seed("GONE", 10) - 6;
        Map<String, Object> row = jdbc.sql("SELECT * FROM ledger_entry WHERE seq = ?").param(seq).query().singleRow();
        try {
            asAttacker("DELETE FROM ledger_entry WHERE seq = ?", seq);

            LedgerVerification verification = ledger.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBreak().seq()).isEqualTo(seq);
            assertThat(verification.firstBreak().reason()).isEqualTo(Reason.GAP_IN_SEQ);
            assertThat(verification.length()).isEqualTo(seq - 1);
            assertThat(verification.summary()).isEqualTo("broken at " + seq + ": gap in seq: entry " + seq
                    + " is missing (the next stored entry is " + (seq + 1) + ")");
        } finally {
            asAttacker("""
                            INSERT INTO ledger_entry (seq, stream, subject_id, district_code, kind, at, actor_user_id, canonical, prev_hash, hash)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("seq"), row.get("stream"), row.get("subject_id"),
                    row.get("district_code"), row.get("kind"), OffsetDateTime.ofInstant(instant(row.get("at")), java.time.ZoneOffset.UTC),
                    row.get("actor_user_id"), row.get("canonical"),
                    row.get("prev_hash"), row.get("hash"));
        }
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteEntries() {
        long seq = seed("LOCKED", 2);
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET kind = 'CLOSED' WHERE seq = ?").param(seq).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE seq = ?").param(seq).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE ledger_entry").update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT kind FROM ledger_entry WHERE seq = ?").param(seq).query(String.class).single()).isEqualTo("FILED");
    }

    @Test
    void aRecordAppendedInARolledBackTransactionIsNeverChained() {
        transactions.executeWithoutResult(status -> {
            ledger.append(record("ROLLBACK-1", "FILED", Map.of()));
            assertThat(count("SELECT count(*) FROM ledger_pending WHERE subject_id = 'ROLLBACK-1'")).isEqualTo(1);
            status.setRollbackOnly();
        });
        ledger.seal();
        assertThat(count("SELECT count(*) FROM ledger_pending WHERE subject_id = 'ROLLBACK-1'")).isZero();
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE subject_id = 'ROLLBACK-1'")).isZero();
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void aRecordWhoseTransactionCommitsLateIsChainedLaterAndNotLost() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            Future<?> slow = executor.submit(() -> transactions.executeWithoutResult(status -> {
                ledger.append(record("LATE-1", "FILED", Map.of()));
                appended.countDown();
                await(commit);
            }));
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            transactions.executeWithoutResult(status -> ledger.append(record("EARLY-1", "FILED", Map.of())));
            ledger.seal();
            assertThat(seqOf("EARLY-1")).isPresent();
            assertThat(seqOf("LATE-1")).isEmpty();

            commit.countDown();
            slow.get(10, TimeUnit.SECONDS);
        }
        ledger.seal();
        assertThat(seqOf("LATE-1").orElseThrow()).isGreaterThan(seqOf("EARLY-1").orElseThrow());
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void concurrentAppendsFromEightThreadsAreEachChainedExactlyOnce() throws Exception {
        int threads = 8;
        int transactionsPerThread = 120;
        AtomicBoolean appending = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads + 1)) {
            Future<?> impatientSealer = executor.submit(() -> {
                while (appending.get()) {
                    ledger.seal(); // races the scheduled sealer on purpose
                }
            });
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(executor.submit(() -> {
                    for (int i = 0; i < transactionsPerThread; i++) {
                        int n = i;
                        transactions.executeWithoutResult(status -> {
                            ledger.append(record("C-" + thread + "-" + n + "-a", "FILED", Map.of("thread", thread)));
                            ledger.append(record("C-" + thread + "-" + n + "-b", "DISPATCHED", Map.of("thread", thread)));
                            if (n % 10 == 9) {
                                status.setRollbackOnly();
                            }
                        });
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            appending.set(false);
            impatientSealer.get(1, TimeUnit.MINUTES);
        }
        ledger.seal();

        long committed = threads * (transactionsPerThread - transactionsPerThread / 10) * 2L;
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE subject_id LIKE 'C-%'")).isEqualTo(committed);
        assertThat(count("SELECT count(DISTINCT subject_id) FROM ledger_entry WHERE subject_id LIKE 'C-%'")).isEqualTo(committed);
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE subject_id ~ '^C-[0-9]+-[0-9]*9-'")).isZero();
        assertThat(count("SELECT count(*) FROM ledger_pending")).isZero();
        LedgerVerification verification = ledger.verify();
        assertThat(verification.valid()).as(verification.summary()).isTrue();
        assertThat(verification.length()).isEqualTo(count("SELECT max(seq) FROM ledger_entry"));
    }

    @Test
    void aSubjectsHistoryIsReadThroughItsIndex() {
        seed("INDEXED", 3);
        String plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("""
                            EXPLAIN SELECT * FROM ledger_entry
                            WHERE stream = 'workorder' AND subject_id = 'INDEXED-1' AND seq > 0 AND district_code LIKE ANY('{3201%}')
                            ORDER BY seq LIMIT 200""").query(String.class).list());
        });
        assertThat(plan).contains("ledger_entry_subject");
    }

    /** Appends {@code n} records for subjects {@code prefix-0…}, seals them, and returns the last seq. */
    long seed(String prefix, int n) {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < n; i++) {
                ledger.append(record(prefix + "-" + i, "FILED", Map.of("i", i)));
            }
        });
        ledger.seal();
        return count("SELECT max(seq) FROM ledger_entry");
    }

    static LedgerRecord record(String subject, String kind, Map<String, ?> facts) {
        return LedgerRecord.of("workorder", subject, "320104002001", kind, AT, 7, facts);
    }

    /** Runs SQL the way someone with database access would, past the append-only trigger. */
    void asAttacker(String sql, Object... args) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement session = connection.createStatement()) {
            session.execute("SET session_replication_role = replica");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                statement.executeUpdate();
            } finally {
                session.execute("SET session_replication_role = DEFAULT");
            }
        }
    }

    String storedHash(long seq) {
        return jdbc.sql("SELECT encode(hash, 'hex') FROM ledger_entry WHERE seq = ?").param(seq).query(String.class).single();
    }

    Optional<Long> seqOf(String subject) {
        return jdbc.sql("SELECT seq FROM ledger_entry WHERE subject_id = ?").param(subject).query(Long.class).optional();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static Instant instant(Object timestamp) {
        return switch (timestamp) {
            case OffsetDateTime odt -> odt.toInstant();
            case java.sql.Timestamp ts -> ts.toInstant();
            default -> throw new IllegalArgumentException(String.valueOf(timestamp));
        };
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
