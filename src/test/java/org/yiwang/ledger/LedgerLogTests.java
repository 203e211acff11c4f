package org.yiwang.ledger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.ledger.CheckpointVerification.Outcome;
import org.yiwang.platform.EmbeddedDatabase;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger as a transparency log on a database of its own: the sealer keeps the Merkle tree, checkpoints are
 * signed, and a kept checkpoint catches what the hash chain alone cannot — the newest entries deleted, or the
 * tail rewritten with a recomputed chain — both through {@link LedgerLog#verifyAgainst} and through
 * {@code ledger verify --against}.
 */
class LedgerLogTests {

    @TempDir
    Path dataDir;

    EmbeddedDatabase database;
    DriverManagerDataSource dataSource;
    Ledger ledger;
    LedgerLog log;
    final List<CheckpointSigned> published = new ArrayList<>();

    @BeforeEach
    void aLedgerWithItsOwnDatabase() throws IOException {
        database = EmbeddedDatabase.start(dataDir.resolve("db"), 0);
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
        dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password());
        ledger = new Ledger(dataSource, 16);
        log = new LedgerLog(dataSource, () -> CheckpointKey.loadOrGenerate(dataDir.resolve("keys")), "yiwang-test",
                Clock.systemUTC(), event -> published.add((CheckpointSigned) event),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @AfterEach
    void stop() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theSealerKeepsTheTreeOfTheChainAndASignedCheckpointNamesItsRoot() throws Exception {
        append(0, 37);
        Checkpoint checkpoint = log.sign().orElseThrow();

        assertThat(checkpoint.size()).isEqualTo(37);
        assertThat(checkpoint.rootHash()).isEqualTo(ChainHash.hex(rootOfEntries(37)));
        assertThat(CheckpointKey.verifies(CheckpointKey.readPublic(dataDir.resolve("keys").resolve(CheckpointKey.PUBLIC_FILE)),
                checkpoint)).isTrue();
        assertThat(published).extracting(CheckpointSigned::checkpoint).containsExactly(checkpoint);
        assertThat(log.latestCheckpoint()).contains(checkpoint);
        assertThat(log.sign()).as("nothing new to sign").isEmpty();
        // what the tree stores: 37 leaves and every complete subtree above them
        assertThat(count("SELECT count(*) FROM ledger_tree")).isEqualTo(37 + 18 + 9 + 4 + 2 + 1);

        InclusionProof proof = log.inclusionProof(20, 37);
        assertThat(proof.checkpoint()).isEqualTo(checkpoint);
        assertThat(MerkleTree.verifyInclusion(20, 37, hex(proof.leafHash()), hexes(proof.auditPath()), hex(checkpoint.rootHash())))
                .isTrue();
        assertThat(log.indexOf(hex(proof.leafHash()))).hasValue(20);
    }

    @Test
    void aLaterCheckpointIsProvedConsistentWithAnEarlierOne() {
        append(0, 21);
        Checkpoint first = log.sign().orElseThrow();
        append(21, 50);
        Checkpoint second = log.sign().orElseThrow();

        ConsistencyProof proof = log.consistencyProof(first.size(), second.size());

        assertThat(proof.fromRoot()).isEqualTo(first.rootHash());
        assertThat(proof.toRoot()).isEqualTo(second.rootHash());
        assertThat(MerkleTree.verifyConsistency(21, 71, hex(first.rootHash()), hex(second.rootHash()), hexes(proof.path()))).isTrue();
        assertThat(log.verifyAgainst(first).outcome()).isEqualTo(Outcome.CONSISTENT);
        assertThat(log.verifyAgainst(second).outcome()).isEqualTo(Outcome.CONSISTENT);
    }

    @Test
    void deletingTheNewestEntriesPassesTheChainCheckButNotTheCheckpoint() throws Exception {
        append(0, 40);
        Checkpoint checkpoint = log.sign().orElseThrow();

        asAttacker("DELETE FROM ledger_entry WHERE seq > 34");
        asAttacker("DELETE FROM ledger_tree WHERE level = 0 AND idx >= 34");

        assertThat(ledger.verify().summary()).as("the hash chain alone sees nothing").isEqualTo("valid 34");
        CheckpointVerification result = log.verifyAgainst(checkpoint);
        assertThat(result.outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(result.currentSize()).isEqualTo(34);
        assertThat(result.detail()).contains("entries 35 to 40 were deleted");

        Run command = command(checkpoint);
        assertThat(command.status()).isEqualTo(LedgerCommand.BROKEN);
        assertThat(command.out()).startsWith("TRUNCATED: the ledger holds 34 entries, fewer than the 40 the checkpoint signed");
    }

    @Test
    void rewritingTheTailWithARecomputedChainPassesTheChainCheckButNotTheCheckpoint() throws Exception {
        append(0, 40);
        Checkpoint checkpoint = log.sign().orElseThrow();
        append(40, 5);

        rewriteWithRecomputedChain(37, "{\"to\":\"VOIDED\"}");

        assertThat(ledger.verify().summary()).as("the hash chain alone sees nothing").isEqualTo("valid 45");
        CheckpointVerification result = log.verifyAgainst(checkpoint);
        assertThat(result.outcome()).isEqualTo(Outcome.REWRITTEN);
        assertThat(result.recomputedRoot()).isNotEqualTo(checkpoint.rootHash());

        Run command = command(checkpoint);
        assertThat(command.status()).isEqualTo(LedgerCommand.BROKEN);
        assertThat(command.out()).startsWith("REWRITTEN: the first 40 entries hash to ");
    }

    @Test
    void truncatingAndRefillingToTheCheckpointsSizeIsCaughtAsARewrite() throws Exception {
        append(0, 30);
        Checkpoint checkpoint = log.sign().orElseThrow();

        asAttacker("DELETE FROM ledger_entry WHERE seq > 25");
        asAttacker("DELETE FROM ledger_tree WHERE idx >= 0");
        append(100, 10); // the sealer rebuilds the tree from the remaining entries and goes on

        assertThat(ledger.verify().summary()).isEqualTo("valid 35");
        assertThat(log.verifyAgainst(checkpoint).outcome()).isEqualTo(Outcome.REWRITTEN);
        ConsistencyProof proof = log.consistencyProof(30, 35);
        assertThat(MerkleTree.verifyConsistency(30, 35, hex(checkpoint.rootHash()), hex(proof.toRoot()), hexes(proof.path())))
                .as("the proof a client would get fails against the root it kept").isFalse();
    }

    @Test
    void changingEntriesAfterTheCheckpointIsSeenInTheStoredTree() throws Exception {
        append(0, 20);
        Checkpoint checkpoint = log.sign().orElseThrow();
        append(20, 10);

        rewriteWithRecomputedChain(25, "{\"to\":\"VOIDED\"}");

        CheckpointVerification result = log.verifyAgainst(checkpoint);
        assertThat(result.outcome()).isEqualTo(Outcome.TREE_MISMATCH);
    }

    @Test
    void aCheckpointWithAnAlteredRootOrSizeIsRefused() throws Exception {
        append(0, 12);
        Checkpoint checkpoint = log.sign().orElseThrow();
        Checkpoint otherRoot = new Checkpoint(checkpoint.origin(), checkpoint.size(), ChainHash.hex(rootOfEntries(11)),
                checkpoint.time(), checkpoint.keyId(), checkpoint.signature());
        Checkpoint otherSize = new Checkpoint(checkpoint.origin(), 11, checkpoint.rootHash(), checkpoint.time(),
                checkpoint.keyId(), checkpoint.signature());

        assertThat(log.verifyAgainst(otherRoot).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(log.verifyAgainst(otherSize).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(command(otherRoot).out()).startsWith("BAD_SIGNATURE: ");
        Run intact = command(checkpoint);
        assertThat(intact.status()).isEqualTo(LedgerCommand.VALID);
        assertThat(intact.out()).isEqualTo("consistent: the ledger's 12 entries extend checkpoint 12 (" + checkpoint.rootHash()
                + ")" + System.lineSeparator());
    }

    @Test
    void aChainSealedBeforeTheTreeExistedGetsItsTreeAtTheNextSeal() throws Exception {
        append(0, 33);
        byte[] root = rootOfEntries(33);
        asAttacker("DELETE FROM ledger_tree"); // as a chain sealed before V170 has none

        append(33, 4);

        assertThat(log.size()).isEqualTo(37);
        assertThat(log.consistencyProof(33, 37).fromRoot()).isEqualTo(ChainHash.hex(root));
        assertThat(log.sign().orElseThrow().rootHash()).isEqualTo(ChainHash.hex(rootOfEntries(37)));
    }

    private void append(int from, int count) {
        for (int i = from; i < from + count; i++) {
            ledger.append(LedgerRecord.of("workorder", "WO-" + i, "320104002", "FILED",
                    Instant.parse("2025-03-01T08:00:00Z").plusSeconds(i), 7, Map.of("i", i)));
        }
        assertThat(ledger.seal()).isEqualTo(count);
    }

    /** RFC 9162 root of the first {@code size} entries, recomputed here from their records, without the tree table. */
    private byte[] rootOfEntries(long size) {
        MessageDigest sha = ChainHash.sha256();
        Frontier tree = new Frontier();
        for (Map<String, Object> row : JdbcClient.create(dataSource).sql("SELECT * FROM ledger_entry WHERE seq <= ? ORDER BY seq")
                .param(size).query().listOfRows()) {
            tree.append(sha, MerkleTree.leafHash(sha, recordOf(row).getBytes(StandardCharsets.UTF_8)), (l, i, h) -> {
            });
        }
        return tree.root(sha);
    }

    private static String recordOf(Map<String, Object> row) {
        return ChainHash.record((Long) row.get("seq"), (String) row.get("stream"), (String) row.get("subject_id"),
                (String) row.get("district_code"), (String) row.get("kind"), LedgerChainTests.instant(row.get("at")),
                (Long) row.get("actor_user_id"), (String) row.get("canonical"));
    }

    /** What a DBA who knows the chain's public rule does: change entry {@code seq} and recompute every hash after it. */
    private void rewriteWithRecomputedChain(long seq, String canonical) throws SQLException {
        List<Map<String, Object>> rows = JdbcClient.create(dataSource).sql("SELECT * FROM ledger_entry WHERE seq >= ? ORDER BY seq")
                .param(seq).query().listOfRows();
        byte[] prev = JdbcClient.create(dataSource).sql("SELECT hash FROM ledger_entry WHERE seq = ?").param(seq - 1)
                .query(byte[].class).single();
        MessageDigest sha = ChainHash.sha256();
        for (Map<String, Object> row : rows) {
            Map<String, Object> forged = new java.util.HashMap<>(row);
            if ((Long) row.get("seq") == seq) {
                forged.put("canonical", canonical);
            }
            byte[] hash = ChainHash.hash(sha, prev, recordOf(forged));
            asAttacker("UPDATE ledger_entry SET canonical = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                    forged.get("canonical"), prev, hash, row.get("seq"));
            prev = hash;
        }
    }

    private void asAttacker(String sql, Object... args) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement session = connection.createStatement()) {
            session.execute("SET session_replication_role = replica");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                statement.executeUpdate();
            }
        }
    }

    private long count(String sql) {
        return JdbcClient.create(dataSource).sql(sql).query(Long.class).single();
    }

    private static byte[] hex(String hex) {
        return ChainHash.HEX.parseHex(hex);
    }

    private static List<byte[]> hexes(List<String> hexes) {
        return hexes.stream().map(LedgerLogTests::hex).toList();
    }

    /** {@code ledger verify --against <file>} on this data folder, with the database stopped as the command wants. */
    private Run command(Checkpoint checkpoint) throws IOException {
        Path file = dataDir.resolve("checkpoint-" + checkpoint.size() + "-" + System.nanoTime() + ".json");
        Files.writeString(file, JsonMapper.builder().build().writeValueAsString(checkpoint));
        database.close();
        database = null;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = LedgerCommand.run(new String[]{"ledger", "verify", "--against", file.toString(),
                            "--yiwang.data-dir=" + dataDir, "--yiwang.db.embedded.ephemeral=false"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            database = EmbeddedDatabase.start(dataDir.resolve("db"), 0);
            dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password());
            ledger = new Ledger(dataSource, 16);
            log = new LedgerLog(dataSource, () -> CheckpointKey.loadOrGenerate(dataDir.resolve("keys")), "yiwang-test",
                    Clock.systemUTC(), event -> published.add((CheckpointSigned) event),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        }
    }

    record Run(int status, String out, String err) {
    }
}
