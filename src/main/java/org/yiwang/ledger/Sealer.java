package org.yiwang.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed pending records into the chain, one batch per transaction: take the chain's head,
 * delete a batch of pending rows (returning them), hash them in order and insert them as entries, and append
 * their leaves to the Merkle tree ({@link TreeTable}) with the subtrees they complete.
 * Either all of that commits or none of it, so a crash never loses or doubles a record.
 *
 * <p>One writer at a time across all nodes: a PostgreSQL transaction-level advisory lock. The
 * primary key on {@code seq} would refuse a second writer's fork anyway.
 */
final class Sealer {

    /** Arbitrary, fixed: "LEDGER" in ASCII. */
    static final long LOCK_KEY = 0x4C4544474552L;

    /**
     * Sealing deletes every pending row, and the batch query walks the dead ones until they are vacuumed;
     * autovacuum looks only once a minute, which at tens of thousands of records a second lets sealing
     * slow down threefold. So the sealer vacuums the small pending table itself this often.
     */
    static final long VACUUM_EVERY = 50_000;

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);

    private final DataSource dataSource;
    private final int batchSize;
    private final AtomicLong sealedSinceVacuum = new AtomicLong();

    Sealer(DataSource dataSource, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.dataSource = dataSource;
        this.batchSize = batchSize;
    }

    /**
     * Seals batches until nothing committed is pending.
     *
     * @param wait whether to wait for another sealer (on this or another node) to finish; otherwise
     *             return at once when one is busy
     * @return records sealed by this call
     */
    long sealAll(boolean wait) {
        long total = 0;
        while (true) {
            int sealed = sealBatch(wait);
            total += Math.max(sealed, 0);
            if (sealed < batchSize) {
                break;
            }
        }
        if (sealedSinceVacuum.addAndGet(total) >= VACUUM_EVERY) {
            sealedSinceVacuum.set(0);
            vacuumPending();
        }
        return total;
    }

    /** Never blocks appends; skipped when another node is vacuuming right now. Failing here only costs speed. */
    private void vacuumPending() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (SKIP_LOCKED) ledger_pending");
        } catch (SQLException e) {
            log.warn("Could not vacuum ledger_pending (sealing slows down until autovacuum does): {}", e.getMessage());
        }
    }

    /** @return records sealed, or -1 when another sealer holds the lock and {@code wait} is false */
    int sealBatch(boolean wait) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sealed = sealBatch(connection, wait);
                connection.commit();
                return sealed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw ChainHash.translate("seal the ledger", e);
        }
    }

    private int sealBatch(Connection connection, boolean wait) throws SQLException {
        if (!lock(connection, wait)) {
            return -1;
        }
        long seq = 0;
        byte[] prevHash = ChainHash.genesis();
        try (Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT seq, hash FROM ledger_entry ORDER BY seq DESC LIMIT 1")) {
            if (head.next()) {
                seq = head.getLong(1);
                prevHash = head.getBytes(2);
            }
        }
        long treeSize = TreeTable.size(connection);
        Frontier tree = TreeTable.frontier(connection, Math.min(treeSize, seq));
        if (treeSize < seq) {
            // a chain sealed before the Merkle tree existed (or by an older version): build the tree up to the head first
            TreeTable.extendFromEntries(connection, tree, seq);
        } else if (treeSize > seq) {
            throw new IllegalStateException("the Merkle tree has " + treeSize + " leaves but the chain only " + seq
                    + " entries: entries were deleted; sealing stops until the ledger is restored");
        }
        List<Pending> batch = takePending(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        MessageDigest digest = ChainHash.sha256();
        TreeTable.Buffer nodes = new TreeTable.Buffer();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ledger_entry (seq, stream, subject_id, district_code, kind, at, actor_user_id, canonical,
                                          prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Pending p : batch) {
                seq++;
                byte[] record = ChainHash.record(seq, p.stream, p.subjectId, p.districtCode, p.kind, p.at, p.actorUserId,
                        p.canonical).getBytes(StandardCharsets.UTF_8);
                byte[] hash = ChainHash.hash(digest, prevHash, record);
                tree.append(digest, MerkleTree.leafHash(digest, record), nodes);
                insert.setLong(1, seq);
                insert.setString(2, p.stream);
                insert.setString(3, p.subjectId);
                insert.setString(4, p.districtCode);
                insert.setString(5, p.kind);
                insert.setObject(6, OffsetDateTime.ofInstant(p.at, ZoneOffset.UTC));
                insert.setLong(7, p.actorUserId);
                insert.setString(8, p.canonical);
                insert.setBytes(9, prevHash);
                insert.setBytes(10, hash);
                insert.addBatch();
                prevHash = hash;
            }
            insert.executeBatch();
        }
        nodes.insert(connection);
        return batch.size();
    }

    private static boolean lock(Connection connection, boolean wait) throws SQLException {
        if (wait) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '60s'");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                wait ? "SELECT pg_advisory_xact_lock(?), true" : "SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(wait ? 2 : 1);
            }
        }
    }

    /** Rows come back in no particular order; the chain takes them in the order they were appended. */
    private List<Pending> takePending(Connection connection) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement take = connection.prepareStatement("""
                DELETE FROM ledger_pending
                WHERE id IN (SELECT id FROM ledger_pending ORDER BY id LIMIT ?)
                RETURNING id, stream, subject_id, district_code, kind, at, actor_user_id, canonical""")) {
            take.setInt(1, batchSize);
            try (ResultSet rows = take.executeQuery()) {
                while (rows.next()) {
                    batch.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getLong(7),
                            rows.getString(8)));
                }
            }
        }
        batch.sort(Comparator.comparingLong(Pending::id));
        return batch;
    }

    private record Pending(long id, String stream, String subjectId, String districtCode, String kind, Instant at,
                           long actorUserId, String canonical) {
    }
}
