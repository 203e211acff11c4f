package org.yiwang.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The stored Merkle tree ({@code ledger_tree}): every complete subtree, appended and never changed. Leaf
 * {@code i} is entry {@code seq = i + 1}; its hash is {@code SHA-256(0x00 || UTF-8(record))} with the same
 * record the hash chain covers ({@link ChainHash#record}).
 */
final class TreeTable {

    /** Rows per insert statement: three arrays, one round trip. */
    private static final int INSERT_CHUNK = 20_000;

    private TreeTable() {
    }

    /** The number of leaves stored. */
    static long size(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(max(idx) + 1, 0) FROM ledger_tree WHERE level = 0")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The right edge of the stored tree of {@code size} leaves, to append to. */
    static Frontier frontier(Connection connection, long size) throws SQLException {
        Map<Long, byte[]> found = fetch(connection, Arrays.asList(Frontier.edgeOf(size)));
        return new Frontier(size, (level, index) -> require(found, level, index));
    }

    /**
     * Runs {@code work} (a proof or a tree head) over the stored nodes: once to learn which nodes it reads, then,
     * after one query for all of them, for real.
     */
    static <T> T withNodes(Connection connection, Function<MerkleTree.Nodes, T> work) throws SQLException {
        Set<long[]> wanted = new LinkedHashSet<>();
        byte[] placeholder = new byte[ChainHash.LENGTH];
        work.apply((level, index) -> {
            wanted.add(new long[]{level, index});
            return placeholder;
        });
        Map<Long, byte[]> found = fetch(connection, wanted);
        return work.apply((level, index) -> require(found, level, index));
    }

    private static byte[] require(Map<Long, byte[]> found, int level, long index) {
        byte[] hash = found.get(key(level, index));
        if (hash == null) {
            throw new IllegalStateException("the stored Merkle tree lacks node " + level + "/" + index);
        }
        return hash;
    }

    private static long key(long level, long index) {
        return level << 56 | index;
    }

    private static Map<Long, byte[]> fetch(Connection connection, Iterable<long[]> nodes) throws SQLException {
        int count = 0;
        for (long[] ignored : nodes) {
            count++;
        }
        Map<Long, byte[]> found = new HashMap<>();
        if (count == 0) {
            return found;
        }
        int[] levels = new int[count];
        long[] indexes = new long[count];
        int i = 0;
        for (long[] node : nodes) {
            levels[i] = (int) node[0];
            indexes[i++] = node[1];
        }
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT t.level, t.idx, t.hash FROM ledger_tree t
                JOIN unnest(?::int[], ?::bigint[]) AS want(level, idx) ON t.level = want.level AND t.idx = want.idx""")) {
            query.setObject(1, levels);
            query.setObject(2, indexes);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(key(rows.getInt(1), rows.getLong(2)), rows.getBytes(3));
                }
            }
        }
        return found;
    }

    /** Nodes completed by appends, kept until they are inserted in one statement. */
    static final class Buffer implements Frontier.NodeSink {
        private int[] levels = new int[1024];
        private long[] indexes = new long[1024];
        private byte[][] hashes = new byte[1024][];
        private int size;

        @Override
        public void node(int level, long index, byte[] hash) {
            if (size == levels.length) {
                levels = Arrays.copyOf(levels, size * 2);
                indexes = Arrays.copyOf(indexes, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            levels[size] = level;
            indexes[size] = index;
            hashes[size++] = hash;
        }

        int size() {
            return size;
        }

        void insert(Connection connection) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO ledger_tree (level, idx, hash)
                    SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])""")) {
                for (int from = 0; from < size; from += INSERT_CHUNK) {
                    int to = Math.min(size, from + INSERT_CHUNK);
                    Array hashArray = connection.createArrayOf("bytea", Arrays.copyOfRange(hashes, from, to));
                    insert.setObject(1, Arrays.copyOfRange(levels, from, to));
                    insert.setObject(2, Arrays.copyOfRange(indexes, from, to));
                    insert.setArray(3, hashArray);
                    insert.executeUpdate();
                    hashArray.free();
                }
            }
            size = 0;
        }
    }

    /**
     * Appends the leaves of entries {@code frontier.size()+1 … upTo} to the tree from the chain itself: for a
     * chain that was sealed before the tree existed. Inserts as it goes, in constant memory.
     */
    static void extendFromEntries(Connection connection, Frontier frontier, long upTo) throws SQLException {
        MessageDigest digest = ChainHash.sha256();
        Buffer buffer = new Buffer();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT seq, stream, subject_id, district_code, kind, at, actor_user_id, canonical
                FROM ledger_entry WHERE seq > ? AND seq <= ? ORDER BY seq""")) {
            query.setFetchSize(ChainVerifier.FETCH_SIZE);
            query.setLong(1, frontier.size());
            query.setLong(2, upTo);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    if (seq != frontier.size() + 1) {
                        throw new IllegalStateException("the chain has a gap at entry " + (frontier.size() + 1)
                                + "; the Merkle tree cannot be built past it");
                    }
                    String record = ChainHash.record(seq, rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getLong(7),
                            rows.getString(8));
                    frontier.append(digest, MerkleTree.leafHash(digest, record.getBytes(StandardCharsets.UTF_8)), buffer);
                    if (buffer.size() >= INSERT_CHUNK) {
                        buffer.insert(connection);
                    }
                }
            }
        }
        buffer.insert(connection);
    }
}
