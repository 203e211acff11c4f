package org.yiwang.ledger.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.yiwang.ledger.ConsistencyProof;
import org.yiwang.ledger.InclusionProof;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerLog;
import org.yiwang.platform.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Proofs over a ledger of {@code chainLength} entries (one million by default) on the embedded PostgreSQL 17:
 * one inclusion proof of a random entry, one consistency proof between two random sizes, each one query for the
 * stored subtree hashes it needs. Runs with {@code -Dbench=LedgerBenchmark} (the name matches) or alone with
 * {@code -Dbench=LedgerBenchmarkProofs}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class LedgerBenchmarkProofs {

    static final int BATCH = 10_000;

    @Param("1000000")
    int chainLength;

    EmbeddedDatabase database;
    HikariDataSource dataSource;
    LedgerLog log;
    Path keys;

    @Setup(Level.Trial)
    public void startDatabaseAndBuildChain() throws IOException {
        database = EmbeddedDatabase.startEphemeral();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        dataSource = new HikariDataSource(config);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Ledger ledger = new Ledger(dataSource, 5_000);
        for (int built = 0; built < chainLength; built += BATCH) {
            jdbc.sql("""
                            INSERT INTO ledger_pending (stream, subject_id, district_code, kind, at, actor_user_id, canonical)
                            SELECT 'workorder', 'WO-2025-' || lpad((:first + n)::text, 8, '0'), '320104002001', 'DISPATCHED',
                                   timestamptz '2025-03-01 08:00:00+08' + n * interval '1 millisecond', 4711,
                                   '{"from":"FILED","grid":"320104002001001","to":"DISPATCHED"}'
                            FROM generate_series(1, :count) AS n""")
                    .param("first", built).param("count", Math.min(BATCH, chainLength - built)).update();
            ledger.seal();
        }
        jdbc.sql("VACUUM ANALYZE ledger_tree").update();
        keys = Files.createTempDirectory("ledger-bench-keys");
        log = new LedgerLog(dataSource, keys, "bench", Clock.systemUTC(), event -> {
        }, new DataSourceTransactionManager(dataSource));
    }

    @Benchmark
    public InclusionProof inclusionProof() {
        return log.inclusionProof(ThreadLocalRandom.current().nextLong(chainLength), chainLength);
    }

    @Benchmark
    public ConsistencyProof consistencyProof() {
        long from = ThreadLocalRandom.current().nextLong(1, chainLength);
        return log.consistencyProof(from, chainLength);
    }

    @TearDown(Level.Trial)
    public void stopDatabase() throws IOException {
        dataSource.close();
        database.close();
    }
}
