package org.yiwang.ledger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ledger as a transparency log (RFC 9162, in the manner of Trillian): a Merkle tree over the chained
 * entries, kept by the sealer; signed checkpoints of it (tree size, root, time; Ed25519); inclusion proofs (an
 * entry is in the log a checkpoint signed) and consistency proofs (a later checkpoint extends an earlier one);
 * and the check that the stored ledger extends a checkpoint someone kept, which catches truncation and
 * rewrites that the hash chain alone cannot.
 */
public class LedgerLog {

    /** Checkpoints are signed by one node at a time: "CHKPNT" in ASCII. */
    static final long CHECKPOINT_LOCK = 0x43484B504E54L;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final KeySource key;
    private final String origin;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    /** The signing key, loaded (or generated) the first time it is needed, not at start-up. */
    interface KeySource {
        CheckpointKey get();
    }

    /**
     * @param keyFolder where the checkpoint key is (or is generated on first use): {@code <data-dir>/keys}
     * @param origin    the log's name in its checkpoints
     */
    public LedgerLog(DataSource dataSource, Path keyFolder, String origin, Clock clock, ApplicationEventPublisher events,
                     PlatformTransactionManager transactionManager) {
        this(dataSource, lazy(keyFolder), origin, clock, events, new TransactionTemplate(transactionManager));
    }

    private static KeySource lazy(Path keyFolder) {
        return new KeySource() {
            private volatile CheckpointKey loaded;

            @Override
            public CheckpointKey get() {
                CheckpointKey current = loaded;
                if (current == null) {
                    synchronized (this) {
                        if (loaded == null) {
                            loaded = CheckpointKey.loadOrGenerate(keyFolder);
                        }
                        current = loaded;
                    }
                }
                return current;
            }
        };
    }

    LedgerLog(DataSource dataSource, KeySource key, String origin, Clock clock, ApplicationEventPublisher events,
              TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.key = key;
        this.origin = origin;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
    }

    /** Entries in the Merkle tree (all chained entries, once the sealer has built the tree of an older chain). */
    public long size() {
        return read(TreeTable::size);
    }

    /**
     * Signs a checkpoint of the tree as it is now, stores it and publishes {@link CheckpointSigned} — unless the
     * tree has not grown since the last checkpoint or another node is signing right now.
     */
    public Optional<Checkpoint> sign() {
        return transactions.execute(status -> {
            boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(CHECKPOINT_LOCK).query(Boolean.class).single();
            if (!locked) {
                return Optional.<Checkpoint>empty();
            }
            long size = jdbc.sql("SELECT coalesce(max(idx) + 1, 0) FROM ledger_tree WHERE level = 0").query(Long.class).single();
            long latest = jdbc.sql("SELECT coalesce(max(tree_size), -1) FROM ledger_checkpoint").query(Long.class).single();
            if (size == 0 || size <= latest) {
                return Optional.<Checkpoint>empty();
            }
            byte[] root = read(connection -> TreeTable.withNodes(connection, nodes -> MerkleTree.root(nodes, size)));
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            CheckpointKey signer = key.get();
            Checkpoint unsigned = new Checkpoint(origin, size, ChainHash.hex(root), at.toString(), signer.keyId(), null);
            Checkpoint checkpoint = new Checkpoint(origin, size, unsigned.rootHash(), unsigned.time(), signer.keyId(),
                    Base64.getEncoder().encodeToString(signer.sign(unsigned.textBytes())));
            jdbc.sql("""
                            INSERT INTO ledger_checkpoint (tree_size, origin, root_hash, signed_at, key_id, signature)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(size, origin, root, Timestamp.from(at), checkpoint.keyId(), Base64.getDecoder().decode(checkpoint.signature()))
                    .update();
            events.publishEvent(new CheckpointSigned(checkpoint));
            return Optional.of(checkpoint);
        });
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("SELECT * FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1").query(LedgerLog::checkpoint).optional();
    }

    public Optional<Checkpoint> checkpoint(long size) {
        return jdbc.sql("SELECT * FROM ledger_checkpoint WHERE tree_size = ?").param(size).query(LedgerLog::checkpoint).optional();
    }

    /** Checkpoints by size, oldest first: those larger than {@code afterSize}, at most {@code limit} (1 to 1,000). */
    public List<Checkpoint> checkpoints(long afterSize, int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000: " + limit);
        }
        return jdbc.sql("SELECT * FROM ledger_checkpoint WHERE tree_size > ? ORDER BY tree_size LIMIT ?")
                .params(afterSize, limit).query(LedgerLog::checkpoint).list();
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getString("origin"), rs.getLong("tree_size"), ChainHash.hex(rs.getBytes("root_hash")),
                rs.getTimestamp("signed_at").toInstant().toString(), rs.getString("key_id"),
                Base64.getEncoder().encodeToString(rs.getBytes("signature")));
    }

    /**
     * The inclusion proof of leaf {@code index} (entry {@code index + 1}) in the tree of {@code size} entries.
     *
     * @throws IllegalArgumentException when {@code index} is not below {@code size} or {@code size} exceeds the tree
     */
    public InclusionProof inclusionProof(long index, long size) {
        record Proof(byte[] leaf, List<byte[]> path, byte[] root) {
        }
        Proof proof = read(connection -> {
            requireSize(connection, size);
            if (index < 0 || index >= size) {
                throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
            }
            return TreeTable.withNodes(connection, nodes -> new Proof(nodes.node(0, index),
                    MerkleTree.inclusionPath(nodes, index, size), MerkleTree.root(nodes, size)));
        });
        return new InclusionProof(index, index + 1, size, ChainHash.hex(proof.leaf()),
                proof.path().stream().map(ChainHash::hex).toList(), ChainHash.hex(proof.root()), checkpoint(size).orElse(null));
    }

    /** The leaf index of the entry whose leaf hash is {@code leafHash}, if it is in the tree. */
    public OptionalLong indexOf(byte[] leafHash) {
        return jdbc.sql("SELECT min(idx) FROM ledger_tree WHERE level = 0 AND hash = ?").param(leafHash)
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * The consistency proof from the tree of {@code from} entries to the tree of {@code to}.
     *
     * @throws IllegalArgumentException when {@code from > to} or {@code to} exceeds the tree
     */
    public ConsistencyProof consistencyProof(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
        }
        record Proof(byte[] fromRoot, byte[] toRoot, List<byte[]> path) {
        }
        Proof proof = read(connection -> {
            requireSize(connection, to);
            return TreeTable.withNodes(connection, nodes -> new Proof(MerkleTree.root(nodes, from), MerkleTree.root(nodes, to),
                    MerkleTree.consistencyPath(nodes, from, to)));
        });
        return new ConsistencyProof(from, to, ChainHash.hex(proof.fromRoot()), ChainHash.hex(proof.toRoot()),
                proof.path().stream().map(ChainHash::hex).toList());
    }

    /**
     * Whether the ledger as stored extends {@code checkpoint} (signed by this ledger's key): one walk over all
     * entries, like {@link Ledger#verify()}.
     */
    public CheckpointVerification verifyAgainst(Checkpoint checkpoint) {
        return read(connection -> CheckpointVerifier.verify(connection, checkpoint, key.get().publicKey()));
    }

    /** The checkpoint key's public half. */
    public PublicKeyInfo publicKey() {
        PublicKey publicKey = key.get().publicKey();
        return new PublicKeyInfo(CheckpointKey.ALGORITHM, CheckpointKey.keyId(publicKey), origin,
                Base64.getEncoder().encodeToString(publicKey.getEncoded()), CheckpointKey.pem("PUBLIC", publicKey.getEncoded()));
    }

    /**
     * @param x509 base64 of the X.509 SubjectPublicKeyInfo
     * @param pem  the same as a PEM block, to save as a file for {@code ledger verify --public-key}
     */
    public record PublicKeyInfo(String algorithm, String keyId, String origin, String x509, String pem) {
    }

    private static void requireSize(Connection connection, long size) throws SQLException {
        long treeSize = TreeTable.size(connection);
        if (size < 0 || size > treeSize) {
            throw new IllegalArgumentException("the tree has " + treeSize + " entries, not " + size);
        }
    }

    private interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T read(Read<T> work) {
        // the transaction's connection when there is one (signing), else a connection of its own
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw ChainHash.translate("read the ledger's Merkle tree", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
