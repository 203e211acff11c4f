package org.yiwang.workorder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The journal's backlog for Prometheus: {@code yiwang_journal_lag{follower="sla.stage-clocks"}} — finished
 * changes each database-kept follower has not applied yet — and {@code yiwang_journal_parked}. One scrape
 * reads the backlog once (not once per follower) and at most every {@value #FRESH_MILLIS} ms; while the database
 * is away the last values stay, so that a scrape does not wait for a connection once per gauge.
 */
@Component
class JournalMetrics implements MeterBinder {

    static final long FRESH_MILLIS = 2_000;

    private final Journal journal;
    private final ObjectProvider<JournalFollower> followers;
    private final Map<String, Long> lag = new HashMap<>();
    private long parked;
    private long readAt = Long.MIN_VALUE / 2;

    JournalMetrics(Journal journal, ObjectProvider<JournalFollower> followers) {
        this.journal = journal;
        this.followers = followers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String follower : names()) {
            Gauge.builder("yiwang.journal.lag", () -> lag(follower))
                    .description("Journal changes the follower has not applied yet").tag("follower", follower).register(registry);
        }
        Gauge.builder("yiwang.journal.parked", this::parked).description("Journal changes some follower could not apply")
                .register(registry);
    }

    private List<String> names() {
        return followers.orderedStream().filter(f -> !f.perNode()).map(JournalFollower::name).toList();
    }

    private synchronized double lag(String follower) {
        refresh();
        return lag.getOrDefault(follower, 0L);
    }

    private synchronized double parked() {
        refresh();
        return parked;
    }

    private void refresh() {
        long now = System.nanoTime();
        if (now - readAt < TimeUnit.MILLISECONDS.toNanos(FRESH_MILLIS)) {
            return;
        }
        readAt = now;
        try {
            Map<String, Long> fresh = new HashMap<>();
            for (String follower : names()) {
                fresh.put(follower, journal.behind(follower));
            }
            lag.putAll(fresh);
            parked = journal.parked();
        } catch (RuntimeException databaseAway) {
            // keep the last values; the readiness probe reports the database
        }
    }
}
