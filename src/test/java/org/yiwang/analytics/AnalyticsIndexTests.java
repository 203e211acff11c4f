package org.yiwang.analytics;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard and map query is led by the district code and finds its rows through an index. The
 * plans are taken on a district shaped like a real one — three years of orders, a tenth of them open —
 * written and analysed inside a transaction that is rolled back, so no other test sees them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnalyticsIndexTests {

    static final ScopeSql FUZIMIAO = new ScopeSql(new String[]{"320104"}, new String[]{"320104002%"});

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    /** The plans of all queries asked for, taken together on one shaped district (building it takes a second or two). */
    static final Map<String, String> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    String plan(String sql) {
        if (PLANS.isEmpty()) {
            PLANS.putAll(plans(allQueries()));
        }
        return PLANS.computeIfAbsent(sql, q -> plans(List.of(q)).get(q));
    }

    static List<String> allQueries() {
        Map<String, Object> params = new HashMap<>();
        String open = CommandMap.where(FUZIMIAO, MapFilter.OPEN, params);
        return List.of(Indicators.todayIntakeSql(FUZIMIAO), Indicators.openSql(FUZIMIAO), Indicators.intakeSql(FUZIMIAO),
                Indicators.closedSql(FUZIMIAO), Indicators.onTimeSql(FUZIMIAO), CommandMap.markersSql(open), CommandMap.loadSql(open));
    }

    static String literal(String sql) {
        return sql
                .replace(":districts", "ARRAY['320104']").replace(":patterns", "ARRAY['320104002%']")
                .replace(":today", "now() - interval '1 day'").replace(":now", "now()")
                .replace(":scanFrom", "now() - interval '30 days'").replace(":from", "now() - interval '30 days'").replace(":to", "now()")
                .replace(":limit", "3000").replace(":status", "'DISPATCHED'").replace(":category", "'M09%'")
                .replace(":source", "'RESIDENT'");
    }

    Map<String, String> plans(List<String> queries) {
        return transactions.execute(s -> {
            jdbc.sql("""
                    INSERT INTO workorder_order (version, number, district_code, street_code, community_code, grid_code, lat, lon,
                        source, urgency, category_code, description, status, stage, stage_due_at, created_at, updated_at, closed_at,
                        closed_on_time)
                    SELECT 0, 'PLAN' || g, '320104', '320104002', '320104002001', '320104002001' || lpad((g % 40)::text, 3, '0'),
                        32.02, 118.79, 'RESIDENT', 'NORMAL', 'M09' || lpad((g % 30)::text, 3, '0'), '计划', CASE WHEN g % 10 = 0 THEN 'ACCEPTED' ELSE 'CLOSED' END,
                        CASE WHEN g % 10 = 0 THEN 'HANDLE' END, now() - (g % 1000) * interval '1 day' + interval '3 days',
                        now() - (g % 1000) * interval '1 day', now(), CASE WHEN g % 10 <> 0 THEN now() - (g % 1000) * interval '1 day' + interval '2 days' END,
                        g % 3 <> 0
                    FROM generate_series(1, 20000) g
                    """).update();
            jdbc.sql("""
                    INSERT INTO analytics_handling_due (order_id, district_code, street_code, grid_code, due_at, as_of, settled, closed_on_time)
                    SELECT id, district_code, street_code, grid_code, created_at + interval '3 days', created_at, status = 'CLOSED', closed_on_time
                    FROM workorder_order WHERE number LIKE 'PLAN%'
                    """).update();
            jdbc.sql("ANALYZE workorder_order").update();
            jdbc.sql("ANALYZE analytics_handling_due").update();
            Map<String, String> plans = new HashMap<>();
            for (String query : queries) {
                plans.put(query, String.join("\n", jdbc.sql("EXPLAIN " + literal(query)).query(String.class).list()));
            }
            s.setRollbackOnly();
            return plans;
        });
    }

    @Test
    void todaysIntakeReadsTheCreatedIndex() {
        assertThat(plan(Indicators.todayIntakeSql(FUZIMIAO))).contains("workorder_order_created").doesNotContain("Seq Scan");
    }

    @Test
    void openAndOverdueReadTheOpenOrdersIndex() {
        assertThat(plan(Indicators.openSql(FUZIMIAO))).contains("workorder_order_open_status").doesNotContain("Seq Scan");
    }

    @Test
    void intakeOfAPeriodAndItsTrendReadTheCreatedIndex() {
        assertThat(plan(Indicators.intakeSql(FUZIMIAO))).contains("workorder_order_created").doesNotContain("Seq Scan");
    }

    @Test
    void closuresOfAPeriodAndTheirTrendReadTheClosedIndex() {
        assertThat(plan(Indicators.closedSql(FUZIMIAO))).contains("workorder_order_closed").doesNotContain("Seq Scan");
    }

    @Test
    void theOnTimeRateReadsTheHandlingDueIndexAlone() {
        assertThat(plan(Indicators.onTimeSql(FUZIMIAO))).contains("analytics_handling_due_period")
                .doesNotContain("workorder_order").doesNotContain("Seq Scan");
    }

    @Test
    void theMapOfOpenOrdersReadsTheOpenOrdersIndex() {
        Map<String, Object> params = new HashMap<>();
        String where = CommandMap.where(FUZIMIAO, MapFilter.OPEN, params);
        assertThat(plan(CommandMap.markersSql(where))).contains("workorder_order_open_status").doesNotContain("Seq Scan");
        assertThat(plan(CommandMap.loadSql(where))).contains("workorder_order_open_status").doesNotContain("Seq Scan");
    }

    @Test
    void theMapOfAPeriodReadsAnIndexToo() {
        Map<String, Object> params = new HashMap<>();
        String where = CommandMap.where(FUZIMIAO, new MapFilter("M09", null, null, java.time.Instant.now().minusSeconds(86_400), null), params);
        assertThat(plan(CommandMap.markersSql(where))).containsAnyOf("workorder_order_open_status", "workorder_order_created",
                "workorder_order_territory").doesNotContain("Seq Scan");
        assertThat(List.of(params.keySet().toArray())).contains("districts", "patterns", "category", "from");
    }
}
