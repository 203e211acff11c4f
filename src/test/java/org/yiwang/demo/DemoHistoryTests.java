package org.yiwang.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.intake.StandardAddresses;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerVerification;
import org.yiwang.workorder.JournalStatus;
import org.yiwang.workorder.JournalTail;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrderStatus;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a fresh demo database holds after its first start: the generated 90 days obey the rules. */
@DemoHistorySpringTest
class DemoHistoryTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    StandardAddresses addresses;
    @Autowired
    DemoHistory history;
    @Autowired
    Clock clock;
    @Autowired
    JournalTail journal;

    @Test
    void historyIsMadeOnceOnFirstStartWithFewRefusedSteps() {
        Map<String, Object> row = jdbc.sql("SELECT orders, steps, failures, finished_at FROM demo_history WHERE id = 1")
                .query().singleRow();
        assertThat(row.get("finished_at")).isNotNull();
        int orders = (Integer) row.get("orders");
        assertThat(orders).isBetween(700, 4000);
        assertThat((Integer) row.get("failures")).isLessThan((Integer) row.get("steps") / 100);
        // (other tests of this context add orders of their own today)
        assertThat(count("SELECT count(*) FROM workorder_order WHERE created_at < (SELECT started_at FROM demo_history)"))
                .isEqualTo(orders);
        // a second start does not make another history
        long before = count("SELECT count(*) FROM workorder_order");
        assertThat(history.generateOnce()).isEmpty();
        assertThat(count("SELECT count(*) FROM workorder_order")).isEqualTo(before);
    }

    @Test
    void everyStateHasOrders() {
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM workorder_order GROUP BY status")
                .query(rs -> {
                    byStatus.put(rs.getString("status"), rs.getLong("n"));
                });
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            assertThat(byStatus.getOrDefault(status.name(), 0L)).as(status.name()).isPositive();
        }
        // most of a quarter's orders are finished
        assertThat(byStatus.get("CLOSED") + byStatus.get("EVALUATED")).isGreaterThan(count("SELECT count(*) FROM workorder_order") / 2);
    }

    @Test
    void everyStreetChannelAndManyDepartmentsHaveOrders() {
        List<String> streets = jdbc.sql("SELECT DISTINCT street_code FROM workorder_order ORDER BY 1").query(String.class).list();
        assertThat(streets).containsExactly("320104001", "320104002", "320104003", "320104004", "320104005", "320104006",
                "320104007", "320104008", "320104009", "320104010", "320104011", "320104012");
        List<String> sources = jdbc.sql("SELECT DISTINCT source FROM workorder_order").query(String.class).list();
        assertThat(sources).contains(Arrays.stream(Source.values()).filter(s -> s != Source.VIDEO_ALERT).map(Enum::name)
                .toArray(String[]::new));
        long departmentTypes = count("""
                SELECT count(DISTINCT u.department_type) FROM workorder_order o JOIN people_org_unit u ON u.id = o.assignee_org_unit_id
                 WHERE u.kind = 'DEPARTMENT'""");
        assertThat(departmentTypes).isGreaterThanOrEqualTo(13);
        long levels = count("SELECT count(DISTINCT routing_level) FROM workorder_order WHERE routing_level IS NOT NULL");
        assertThat(levels).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(DISTINCT category_code) FROM workorder_order")).isGreaterThanOrEqualTo(25);
    }

    @Test
    void ratingsAreOnlyOnRatedClosedOrdersAndMostlySatisfied() {
        assertThat(count("SELECT count(*) FROM workorder_order WHERE satisfaction IS NOT NULL AND status <> 'EVALUATED'")).isZero();
        assertThat(count("SELECT count(*) FROM workorder_order WHERE satisfaction IS NULL AND status = 'EVALUATED'")).isZero();
        assertThat(count("SELECT count(*) FROM workorder_transition WHERE action = 'EVALUATE' AND from_status <> 'CLOSED'")).isZero();
        long satisfied = count("SELECT count(*) FROM workorder_order WHERE satisfaction = 'SATISFIED'");
        long dissatisfied = count("SELECT count(*) FROM workorder_order WHERE satisfaction = 'DISSATISFIED'");
        assertThat(dissatisfied).isPositive();
        assertThat(satisfied).isGreaterThan(4 * dissatisfied);
    }

    @Test
    void historySpansTheLastNinetyDaysInTimeOrder() {
        Instant now = clock.instant();
        Instant first = jdbc.sql("SELECT min(at) FROM workorder_transition").query(Timestamp.class).single().toInstant();
        Instant last = jdbc.sql("SELECT max(at) FROM workorder_transition").query(Timestamp.class).single().toInstant();
        assertThat(first).isBefore(now.minus(Duration.ofDays(85))).isAfter(now.minus(Duration.ofDays(92)));
        assertThat(last).isBeforeOrEqualTo(now);
        // each order's steps follow one another, and the ledger grows in time order as it would have
        assertThat(count("""
                SELECT count(*) FROM (SELECT at < lag(at) OVER (PARTITION BY order_id ORDER BY id) AS back
                                        FROM workorder_transition) t WHERE back""")).isZero();
        // (the time-limit sweep, running meanwhile, escalates overdue orders of the history at the real time)
        Timestamp started = jdbc.sql("SELECT started_at FROM demo_history").query(Timestamp.class).single();
        assertThat(jdbc.sql("""
                SELECT id || ' ' || action || ' ' || actor_user_id || ' ' || at || ' after ' || previous FROM (
                       SELECT id, action, actor_user_id, at, lag(at) OVER (ORDER BY id) AS previous FROM workorder_transition
                        WHERE at < :started) t WHERE at < previous LIMIT 5""").param("started", started).query(String.class).list())
                .isEmpty();
    }

    @Test
    void someOrdersAreOverdueEscalatedSuspendedReworkedOrWhistled() {
        Timestamp now = Timestamp.from(clock.instant());
        assertThat(jdbc.sql("SELECT count(*) FROM workorder_order WHERE status IN ('DISPATCHED','ACCEPTED') AND stage_due_at < :now")
                .param("now", now).query(Long.class).single()).isPositive();
        for (String action : List.of("SUPERVISE", "SUSPEND", "REWORK", "RETURN", "APPROVE_EXTENSION", "CLOSE_ON_SPOT", "VOID")) {
            assertThat(count("SELECT count(*) FROM workorder_transition WHERE action = '" + action + "'")).as(action).isPositive();
        }
        assertThat(count("SELECT count(*) FROM whistle")).isPositive();
        assertThat(count("SELECT count(*) FROM whistle_summons WHERE state = 'ARRIVED'")).isPositive();
    }

    @Test
    void everyFollowerOfTheJournalTakesTheWholeHistory() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (journal.status().behind() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        JournalStatus status = journal.status();
        assertThat(status.behind()).as("changes not yet followed").isZero();
        assertThat(status.parked()).as("changes a follower could not apply").isZero();
        // what followers keep is in step with the orders: the Open311 read model and the time-limit clocks
        assertThat(count("""
                SELECT count(*) FROM workorder_order o LEFT JOIN open311_request r ON r.order_id = o.id
                 WHERE r.order_id IS NULL OR r.status <> o.status""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM workorder_order o JOIN sla_clock c ON c.order_id = o.id WHERE c.status <> o.status""")).isZero();
    }

    @Test
    void ledgerOfTheHistoryVerifies() {
        while (ledger.pending() > 0) {
            ledger.seal();
        }
        LedgerVerification verification = ledger.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.length()).isGreaterThanOrEqualTo(count("SELECT count(*) FROM workorder_transition"));
    }

    @Test
    void demoStreetsHaveStandardAddressesAndTheReadmeHotlineAddressIsOne() {
        assertThat(addresses.count()).isGreaterThanOrEqualTo(12 * 3 * 24);
        assertThat(addresses.locate("南京市秦淮区来凤街12号")).isPresent();
        assertThat(addresses.locate("来凤街12号")).isPresent();
    }

    @Test
    void descriptionsAreChineseSentencesNotPlaceholders() {
        assertThat(count("SELECT count(*) FROM workorder_order WHERE description LIKE '%{%' OR description !~ '[一-龥]'")).isZero();
        assertThat(count("SELECT count(DISTINCT description) FROM workorder_order")).isGreaterThan(500);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
