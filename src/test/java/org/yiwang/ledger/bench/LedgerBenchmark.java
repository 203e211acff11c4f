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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerVerification;
import org.yiwang.platform.EmbeddedDatabase;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The ledger on the embedded PostgreSQL 17, in a JVM limited to 256 MB of heap:
 * <ul>
 *   <li>{@code seal}: records chained per second — a batch of {@value #BATCH} pending records (typical
 *   work-order transitions of ~150 bytes of canonical JSON) hashed and moved into the chain;</li>
 *   <li>{@code verify}: entries checked per second when walking a chain of {@code chainLength} entries,
 *   one million by default, which also shows that verifying does not hold the chain in memory.</li>
 * </ul>
 * Run: {@code ./mvnw -B -ntp -Pbench test-compile exec:exec -Dbench=LedgerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class LedgerBenchmark {

    static final int BATCH = 10_000;

    @Param("1000000")
    int chainLength;

    EmbeddedDatabase database;
    HikariDataSource dataSource;
    Ledger ledger;
    JdbcClient jdbc;
    long appended;

    @Setup(Level.Trial)
    public void startDatabaseAndBuildChain() throws IOException {
        database = EmbeddedDatabase.startEphemeral();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        config.addDataSourceProperty("reWriteBatchedInserts", "true"); // as the application's pool
        dataSource = new HikariDataSource(config);
        jdbc = JdbcClient.create(dataSource);
        ledger = new Ledger(dataSource, 5_000);
        for (int built = 0; built < chainLength; built += BATCH) {
            fillPending(Math.min(BATCH, chainLength - built));
            ledger.seal();
        }
        jdbc.sql("VACUUM ANALYZE ledger_entry").update();
        jdbc.sql("VACUUM ANALYZE ledger_pending").update();
    }

    @Setup(Level.Invocation)
    public void appendABatch() {
        fillPending(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long seal() {
        return ledger.seal();
    }

    /** One walk over the whole chain per invocation; JMH's score times {@code chainLength} is entries per second. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public LedgerVerification verify() {
        LedgerVerification verification = ledger.verify();
        if (!verification.valid()) {
            throw new IllegalStateException(verification.summary());
        }
        return verification;
    }

    @TearDown(Level.Trial)
    public void stopDatabase() throws IOException {
        dataSource.close();
        database.close();
    }

    /**
     * What {@code Ledger.append} writes for {@code count} further work orders, in one statement so that
     * filling is not what is measured.
     */
    private void fillPending(int count) {
        jdbc.sql("""
                        INSERT INTO ledger_pending (stream, subject_id, district_code, kind, at, actor_user_id, canonical)
                        SELECT 'workorder', 'WO-2025-' || lpad((:first + n)::text, 8, '0'), '320104002001', 'DISPATCHED',
                               timestamptz '2025-03-01 08:00:00+08' + n * interval '1 millisecond', 4711,
                               '{"assignee":{"department":"秦淮区城管局","id":' || n || '},"from":"FILED","grid":"320104002001001",'
                               || '"note":"占道经营，已通知相关部门处置","to":"DISPATCHED"}'
                        FROM generate_series(1, :count) AS n""")
                .param("first", appended)
                .param("count", count)
                .update();
        appended += count;
    }
}
