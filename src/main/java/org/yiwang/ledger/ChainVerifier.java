package org.yiwang.ledger;

import org.yiwang.ledger.LedgerVerification.Break;
import org.yiwang.ledger.LedgerVerification.Reason;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Walks the chain from the first entry to the last, in one read-only snapshot, holding one row at a
 * time: the server sends rows in fetches of {@value #FETCH_SIZE}, so a chain of any length fits in
 * constant memory. Stops at the first entry that does not check out.
 */
final class ChainVerifier {

    static final int FETCH_SIZE = 2_000;

    private ChainVerifier() {
    }

    /** Receives the record of every stored entry in {@code seq} order, past a break too. */
    interface RecordSink {
        void record(byte[] record);
    }

    /** Verifies on {@code connection}, which it leaves as it found it (auto-commit, read-write). */
    static LedgerVerification verify(Connection connection) throws SQLException {
        return verify(connection, null);
    }

    /**
     * Verifies on {@code connection} and hands every entry's record to {@code records} (null: none), all in one
     * snapshot; with a sink the walk goes on past the first break, to the last stored entry.
     */
    static LedgerVerification verify(Connection connection, RecordSink records) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            LedgerVerification result = walk(connection, records);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static LedgerVerification walk(Connection connection, RecordSink records) throws SQLException {
        long pending;
        try (Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery("SELECT count(*) FROM ledger_pending")) {
            rows.next();
            pending = rows.getLong(1);
        }
        MessageDigest digest = ChainHash.sha256();
        byte[] prevHash = ChainHash.genesis();
        long expectedSeq = 1;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT seq, stream, subject_id, district_code, kind, at, actor_user_id, canonical, prev_hash, hash
                FROM ledger_entry ORDER BY seq""")) {
            query.setFetchSize(FETCH_SIZE);
            LedgerVerification brokenChain = null;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    if (brokenChain != null) {
                        records.record(recordOf(rows, seq));
                        continue;
                    }
                    byte[] storedPrev = rows.getBytes(9);
                    byte[] storedHash = rows.getBytes(10);
                    Break broken = null;
                    if (seq != expectedSeq) {
                        broken = new Break(expectedSeq, Reason.GAP_IN_SEQ, null, null, seq > expectedSeq
                                ? "gap in seq: entry " + expectedSeq + " is missing (the next stored entry is " + seq + ")"
                                : "gap in seq: entry " + seq + " stands where " + expectedSeq + " was expected");
                    } else if (!Arrays.equals(storedPrev, prevHash)) {
                        broken = new Break(seq, Reason.PREV_LINK_MISMATCH, ChainHash.hex(prevHash), ChainHash.hex(storedPrev),
                                "prev link mismatch: entry " + seq + " names " + ChainHash.hex(storedPrev)
                                        + " as previous hash, but entry " + (seq - 1) + " hashes to " + ChainHash.hex(prevHash));
                    } else {
                        byte[] record = recordOf(rows, seq);
                        if (records != null) {
                            records.record(record);
                        }
                        byte[] computed = ChainHash.hash(digest, storedPrev, record);
                        if (!Arrays.equals(computed, storedHash)) {
                            broken = new Break(seq, Reason.HASH_MISMATCH, ChainHash.hex(computed), ChainHash.hex(storedHash),
                                    "hash mismatch: entry " + seq + " hashes to " + ChainHash.hex(computed)
                                            + " but stores " + ChainHash.hex(storedHash));
                        }
                    }
                    if (broken != null) {
                        brokenChain = new LedgerVerification(false, expectedSeq - 1, ChainHash.hex(prevHash), pending, broken);
                        if (records == null) {
                            return brokenChain;
                        }
                        if (broken.reason() != Reason.HASH_MISMATCH) {
                            records.record(recordOf(rows, seq));
                        }
                        continue;
                    }
                    prevHash = storedHash;
                    expectedSeq++;
                }
            }
            if (brokenChain != null) {
                return brokenChain;
            }
        }
        return new LedgerVerification(true, expectedSeq - 1, ChainHash.hex(prevHash), pending, null);
    }

    private static byte[] recordOf(ResultSet rows, long seq) throws SQLException {
        return ChainHash.record(seq, rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getLong(7), rows.getString(8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
