package org.yiwang.ledger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.yiwang.platform.EmbeddedDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar yiwang.jar ledger verify}, run in-process on a data folder the way the jar's main
 * method runs it: without the application, against the embedded database in the folder.
 */
class LedgerCommandTests {

    @TempDir
    Path dataDir;

    @Test
    void printsValidAndTheLengthForAnIntactChain() throws IOException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("db"), 0)) {
            chainOf(database, 250);
        }

        Outcome outcome = verify();

        assertThat(outcome.status()).isEqualTo(LedgerCommand.VALID);
        assertThat(outcome.out()).isEqualTo("valid 250" + System.lineSeparator());
    }

    @Test
    void printsTheFirstBrokenLinkAndFailsForATamperedChain() throws IOException, SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("db"), 0)) {
            chainOf(database, 40);
            try (Connection connection = dataSource(database).getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("SET session_replication_role = replica");
                sql.execute("UPDATE ledger_entry SET canonical = '{\"to\":\"CLOSED\"}' WHERE seq = 17");
                sql.execute("DELETE FROM ledger_entry WHERE seq = 30");
            }
        }

        Outcome outcome = verify();

        assertThat(outcome.status()).isEqualTo(LedgerCommand.BROKEN);
        assertThat(outcome.out()).startsWith("broken at 17: hash mismatch: entry 17 hashes to ");
    }

    @Test
    void sendsTheUserToTheEndpointWhileYiwangHoldsTheDatabase() throws IOException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("db"), 0)) {
            chainOf(database, 1);

            Outcome outcome = verify();

            assertThat(outcome.status()).isEqualTo(LedgerCommand.FAILED);
            assertThat(outcome.err()).contains("in use by a running Yiwang").contains("GET /api/ledger/verify");
            assertThat(outcome.out()).isEmpty();
        }
    }

    @Test
    void saysSoWhenTheFolderHoldsNoDatabase() {
        Outcome outcome = verify();

        assertThat(outcome.status()).isEqualTo(LedgerCommand.FAILED);
        assertThat(outcome.err()).contains("There is no Yiwang database in");
    }

    @Test
    void explainsItsUsage() {
        Outcome outcome = run("ledger", "check");

        assertThat(outcome.status()).isEqualTo(LedgerCommand.FAILED);
        assertThat(outcome.err()).startsWith("usage: java -jar yiwang.jar ledger verify");
        assertThat(LedgerCommand.handles(new String[]{"ledger", "verify"})).isTrue();
        assertThat(LedgerCommand.handles(new String[]{"--server.port=8081"})).isFalse();
        assertThat(LedgerCommand.handles(new String[0])).isFalse();
    }

    private void chainOf(EmbeddedDatabase database, int records) {
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
        Ledger ledger = new Ledger(dataSource(database), 100);
        for (int i = 0; i < records; i++) {
            ledger.append(LedgerRecord.of("workorder", "WO-" + i, "320104002", "FILED",
                    Instant.parse("2025-03-01T08:00:00Z").plusSeconds(i), 7, Map.of("i", i)));
        }
        assertThat(ledger.seal()).isEqualTo(records);
    }

    private static DriverManagerDataSource dataSource(EmbeddedDatabase database) {
        return new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password());
    }

    /** The test configuration asks for a throw-away database; the command must use the folder instead. */
    private Outcome verify() {
        return run("ledger", "verify", "--yiwang.data-dir=" + dataDir, "--yiwang.db.embedded.ephemeral=false");
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LedgerCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Outcome(int status, String out, String err) {
    }
}
