package org.yiwang.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a {@link SlaSweep} every {@code yiwang.sla.scan-interval} (30 s by default) and a
 * {@link ClockAudit} every {@code yiwang.sla.audit-interval} (10 min), each on one node at a time: a
 * run holds a transaction-scoped PostgreSQL advisory lock, and a node that cannot get it skips its
 * turn; each round is timed ({@code yiwang_sla_sweep_seconds{result}}) and its outcomes counted
 * ({@code yiwang_sla_sweep_outcomes_total{outcome}}). The lock only saves work — should two rounds ever overlap (a connection lost mid-round
 * releases it), each stage instance is still claimed by one of them only.
 */
@Component
@ConditionalOnBooleanProperty(name = "yiwang.sla.scan-enabled", matchIfMissing = true)
class SlaScheduler {

    private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

    private final SlaSweep sweep;
    private final ClockAudit audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final MeterRegistry meters;

    @Autowired
    SlaScheduler(SlaSweep sweep, ClockAudit audit, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                 ObjectProvider<MeterRegistry> meters) {
        this.sweep = sweep;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    SlaScheduler(SlaSweep sweep, ClockAudit audit, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this(sweep, audit, jdbc, transactions, clock, new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(MeterRegistry.class));
    }

    @Scheduled(initialDelayString = "${yiwang.sla.scan-interval:30s}", fixedDelayString = "${yiwang.sla.scan-interval:30s}")
    void scan() {
        Timer.Sample sample = Timer.start(meters);
        String result = "skipped";
        try {
            Optional<SlaSweep.Round> done = runOnce();
            result = done.isPresent() ? "done" : "skipped";
            done.ifPresent(round -> round.outcomes().forEach((outcome, n) ->
                    meters.counter("yiwang.sla.sweep.outcomes", "outcome", outcome.name()).increment(n)));
            done.ifPresent(round -> {
                if (round.count(Escalations.Outcome.WARNED) + round.count(Escalations.Outcome.BREACHED) > 0
                        || round.count(Escalations.Outcome.FAILED) > 0) {
                    log.info("Time-limit round: {}", round.outcomes());
                }
            });
        } catch (RuntimeException e) {
            result = "failed";
            log.error("Time-limit round failed; the next round tries again", e);
        } finally {
            // skipped: another node held the round
            sample.stop(meters.timer("yiwang.sla.sweep", "result", result));
        }
    }

    @Scheduled(initialDelayString = "${yiwang.sla.audit-interval:10m}", fixedDelayString = "${yiwang.sla.audit-interval:10m}")
    void audit() {
        try {
            alone("sla.audit", audit::run).filter(repaired -> repaired > 0)
                    .ifPresent(repaired -> log.warn("Clock audit set {} clock(s) from their orders", repaired));
        } catch (RuntimeException e) {
            log.error("Clock audit failed; the next one tries again", e);
        }
    }

    /** One round, unless another node is running one; empty then. */
    Optional<SlaSweep.Round> runOnce() {
        return alone("sla.sweep", () -> sweep.run(clock.instant()));
    }

    private <T> Optional<T> alone(String lock, Supplier<T> work) {
        return Optional.ofNullable(transactions.execute(status -> {
            boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(:lock))").param("lock", lock)
                    .query(Boolean.class).single();
            return mine ? work.get() : null;
        }));
    }
}
