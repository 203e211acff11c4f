package org.yiwang.sla;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rounds of the scheduler and the overdue list have indexes to use. Test tables are small, so the
 * planner is told to avoid sequential scans: what matters is that an index fits the query at all.
 */
@SlaSpringTest
class ClockIndexTests {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    String plan(String sql) {
        return transactions.execute(s -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            List<String> lines = jdbc.sql("EXPLAIN " + sql.replace(":now", "'" + Instant.parse("2026-11-24T00:00:00Z") + "'::timestamptz")
                    .replace(":limit", "200")).query(String.class).list();
            return String.join("\n", lines);
        });
    }

    @Test
    void theRedRoundUsesItsPartialIndex() {
        assertThat(plan(Clocks.DUE_FOR_BREACH)).containsAnyOf("sla_clock_breach_round", "sla_clock_open_due").doesNotContain("Seq Scan");
    }

    @Test
    void theYellowRoundUsesItsPartialIndex() {
        assertThat(plan(Clocks.DUE_FOR_WARNING)).contains("sla_clock_warn_round").doesNotContain("Seq Scan");
    }

    @Test
    void theOverdueListWalksTheOpenClocksByDueTime() {
        assertThat(plan("SELECT order_id FROM sla_clock c WHERE c.closed_at IS NULL AND c.stage IS NOT NULL AND c.due_at < :now"
                + " ORDER BY c.due_at, c.order_id LIMIT :limit")).containsAnyOf("sla_clock_open_due", "sla_clock_breach_round");
    }

    @Test
    void anOrdersHistoryIsReadByItsIndex() {
        assertThat(plan("SELECT kind FROM sla_clock_event WHERE order_id = 1 ORDER BY at, id")).contains("sla_clock_event_order");
    }
}
