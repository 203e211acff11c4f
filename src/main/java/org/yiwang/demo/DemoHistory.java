package org.yiwang.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.intake.StandardAddresses;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.platform.YiwangProperties;
import org.yiwang.whistle.WhistleActions;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Generates the demo's past once, on the first start of a demo installation ({@code yiwang.demo-data} and
 * {@code yiwang.demo.history} on), after the demo territory, people and registers, when the database has no
 * work order yet: first the demo streets' standard addresses, then {@code yiwang.demo.days} days of orders.
 * The first node to claim the {@code demo_history} row makes it; the others skip.
 */
@Component
@Order(DemoHistory.ORDER)
class DemoHistory implements ApplicationRunner {

    /**
     * After the demo registers (registry), which come after the demo people; before the other modules' demo data
     * (enforcement, cogov, hotline, services), some of which raise work orders — the history is only made on a
     * database without any.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 340;

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private final YiwangProperties yiwang;
    private final DemoProperties properties;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Intake intake;
    private final WorkOrderActions actions;
    private final WhistleActions whistles;
    private final StandardAddresses addresses;
    private final GridLocator locator;
    private final Grids grids;
    private final People people;
    private final Organization organization;
    private final Catalog catalog;
    private final WorkOrderQueries queries;
    private final PlatformTransactionManager transactions;
    private final Clock clock;

    DemoHistory(YiwangProperties yiwang, DemoProperties properties, JdbcClient jdbc, DataSource dataSource, Intake intake, WorkOrderActions actions,
                WhistleActions whistles, StandardAddresses addresses, GridLocator locator, Grids grids, People people,
                Organization organization, Catalog catalog, WorkOrderQueries queries, PlatformTransactionManager transactions,
                Clock clock) {
        this.transactions = transactions;
        this.queries = queries;
        this.yiwang = yiwang;
        this.properties = properties;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.intake = intake;
        this.actions = actions;
        this.whistles = whistles;
        this.addresses = addresses;
        this.locator = locator;
        this.grids = grids;
        this.people = people;
        this.organization = organization;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (yiwang.demoData() && properties.historyOn(yiwang.db().url())) {
            generateOnce();
        }
    }

    /**
     * The history is the past: the time-limit sweep (which runs on the real clock) must not judge an order half-way
     * through its generated life, escalating at today's time an order whose next historic step is still to be
     * written. So its lock ({@code sla.sweep}, a transaction-scoped advisory lock it only tries) is held for the
     * generation on a connection of its own; its next round after that sees the finished history.
     */
    private <T> T whileTimeLimitSweepWaits(java.util.function.Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try (var lock = connection.prepareStatement("SELECT pg_advisory_lock(hashtext('sla.sweep'))")) {
                lock.execute();
            }
            try {
                return work.get();
            } finally {
                try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext('sla.sweep'))")) {
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not hold the time-limit sweep's lock", e);
        }
    }

    /** Makes the history unless it was made (or is being made) already or the database has orders; returns what it made. */
    Optional<HistoryRun.Summary> generateOnce() {
        if (people.findByUsername("dispatcher").isEmpty()) {
            log.warn("No demo history: the demo people are missing");
            return Optional.empty();
        }
        // a database that has orders is not a fresh demo: its history is real
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM workorder_order)").query(Boolean.class).single()) {
            return Optional.empty();
        }
        int claimed = jdbc.sql("INSERT INTO demo_history (id, started_at) VALUES (1, :now) ON CONFLICT (id) DO NOTHING")
                .param("now", Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        HistoryRun run = new HistoryRun(properties, intake, actions, whistles, addresses, locator, grids, people,
                organization, catalog, queries, new TransactionTemplate(transactions), clock);
        log.info("Generating the demo history ({} days, about {} orders a day) through the work-order rules: once, "
                + "on this first start only", properties.days(), properties.ordersPerDay());
        HistoryRun.Summary summary = whileTimeLimitSweepWaits(run::generate);
        jdbc.sql("""
                        UPDATE demo_history SET finished_at = :at, orders = :orders, steps = :steps, whistles = :whistles,
                               addresses = :addresses, failures = :failures WHERE id = 1""")
                .param("at", Timestamp.from(clock.instant())).param("orders", summary.orders()).param("steps", summary.steps())
                .param("whistles", summary.whistles()).param("addresses", summary.addresses())
                .param("failures", summary.failures()).update();
        log.info("Demo history: {} orders, {} steps, {} whistles over {} days, {} standard addresses, {} refused steps, in {} ms",
                summary.orders(), summary.steps(), summary.whistles(), properties.days(), summary.addresses(),
                summary.failures(), summary.millis());
        log.info("Demo history by state: {}", jdbc.sql("SELECT status || ' ' || count(*) FROM workorder_order GROUP BY status ORDER BY 1")
                .query(String.class).list());
        return Optional.of(summary);
    }
}
