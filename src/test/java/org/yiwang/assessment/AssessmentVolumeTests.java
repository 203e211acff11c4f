package org.yiwang.assessment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.Divisions;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city month at scale: {@code assessment.volume.orders} generated orders (default 200,000; the README's
 * figure is for 10,000,000) spread over every district of 南京市 in the division register, 1,000 synthetic grids
 * each (10 streets × 10 communities × 10 grids), 40 handling units per district and a grid worker per grid,
 * with plausible flags (95 % filed, 80 % handled, …) — written as per-order facts and summed into the monthly
 * tables as the journal follower sums them. Then every level's indicator table for the whole city as a city
 * leader reads it, and a drill-down, each timed over {@code assessment.volume.runs} runs (p50/p95 printed, not
 * asserted); the figures are checked against the facts. Its own context, closed afterwards.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AssessmentVolumeTests {

    static final long ORDERS = Long.getLong("assessment.volume.orders", 200_000);
    static final int RUNS = Integer.getInteger("assessment.volume.runs", 10);
    static final YearMonth MONTH = YearMonth.of(2020, 1);
    static final long FIRST_ID = 5_000_000_000L;

    @Autowired JdbcClient jdbc;
    @Autowired Divisions divisions;
    @Autowired Assessments assessments;
    @Autowired Schemes schemes;
    @Autowired ClosedMonths closedMonths;

    @Test
    void aCityMonthsIndicatorTablesAddUpAndAreTimed() {
        String[] districts = divisions.all().stream().filter(d -> d.level() == DivisionLevel.DISTRICT && d.code().startsWith("3201"))
                .map(Division::code).sorted().toArray(String[]::new);
        assertThat(districts).hasSizeGreaterThan(5);
        long started = System.nanoTime();
        String flags = Arrays.stream(Flag.values()).map(Flag::column).collect(Collectors.joining(", "));
        // h1…h4: independent-looking 0–99 draws per order
        jdbc.sql("""
                INSERT INTO assessment_order_fact (order_id, number, month, district_code, grid_code, unit_id, worker_id, hotline, as_of,
                    merged, registered, voided, dispatched, returned, handled, handled_on_time, closed, closed_on_time, reworked,
                    extended, reopened, evaluated, satisfied, responded, active)
                SELECT :first + i, 'BENCH' || i, :month, d, g, u, w, hot, now(),
                       (h1 >= 97)::int, (h1 < 95)::int, (h1 >= 95)::int, (h1 < 95 AND h2 < 90)::int, (h1 < 95 AND h2 < 90 AND h3 < 5)::int,
                       (h1 < 95 AND h2 < 80)::int, (h1 < 95 AND h2 < 80 AND h3 < 85)::int, (h1 < 95 AND h2 < 72)::int,
                       (h1 < 95 AND h2 < 72 AND h3 < 80)::int, (h1 < 95 AND h2 < 80 AND h4 < 4)::int, (h1 < 95 AND h2 < 90 AND h4 >= 96)::int,
                       (h1 < 95 AND h2 < 72 AND h4 BETWEEN 50 AND 51)::int, (h1 < 95 AND h2 < 72 AND h3 < 60)::int,
                       (h1 < 95 AND h2 < 72 AND h3 < 55)::int, (h1 < 95 AND h2 < 85)::int, (h1 < 95)::int
                FROM (SELECT i, (:districts)[1 + i % cardinality(:districts)] AS d,
                             (:districts)[1 + i % cardinality(:districts)] || lpad((1 + (i / 7) % 10)::text, 3, '0')
                                 || lpad((1 + (i / 70) % 10)::text, 3, '0') || lpad((1 + (i / 700) % 10)::text, 3, '0') AS g,
                             9000000 + (i % cardinality(:districts)) * 100 + (i * 7 / 11) % 40 AS u,
                             CASE WHEN i % 10 < 3 THEN 8000000 + (i % cardinality(:districts)) * 1000 + (i / 7) % 1000 ELSE 0 END AS w,
                             i % 5 = 0 AS hot,
                             (i * 2654435761) % 100 AS h1, (i * 40503 + 17) % 100 AS h2, (i * 69069 + 3) % 97 AS h3, (i * 1103515245 + 12345) % 100 AS h4
                      FROM generate_series(0, :n - 1) i) o""")
                .param("first", FIRST_ID).param("month", java.sql.Date.valueOf(MONTH.atDay(1))).param("districts", districts).param("n", ORDERS)
                .update();
        long generated = System.nanoTime();
        String sums = "count(*), " + Arrays.stream(Flag.values()).map(f -> "sum(" + f.column() + ")").collect(Collectors.joining(", "));
        String range = " FROM assessment_order_fact WHERE order_id >= " + FIRST_ID + " AND month = :month";
        jdbc.sql("INSERT INTO assessment_month_area (month, district_code, area_code, hotline, reported, " + flags + ") SELECT month, district_code,"
                + " grid_code, hotline, " + sums + range + " GROUP BY 1, 2, 3, 4").param("month", java.sql.Date.valueOf(MONTH.atDay(1))).update();
        jdbc.sql("INSERT INTO assessment_month_unit (month, district_code, area_code, unit_id, hotline, reported, " + flags + ") SELECT month,"
                + " district_code, left(grid_code, 12), unit_id, hotline, " + sums + range + " AND unit_id <> 0 GROUP BY 1, 2, 3, 4, 5")
                .param("month", java.sql.Date.valueOf(MONTH.atDay(1))).update();
        jdbc.sql("INSERT INTO assessment_month_worker (month, district_code, area_code, worker_id, hotline, reported, " + flags + ") SELECT month,"
                + " district_code, grid_code, worker_id, hotline, " + sums + range + " AND worker_id <> 0 GROUP BY 1, 2, 3, 4, 5")
                .param("month", java.sql.Date.valueOf(MONTH.atDay(1))).update();
        jdbc.sql("ANALYZE assessment_order_fact").update();
        jdbc.sql("ANALYZE assessment_month_area").update();
        jdbc.sql("ANALYZE assessment_month_unit").update();
        jdbc.sql("ANALYZE assessment_month_worker").update();
        long summed = System.nanoTime();
        System.out.printf("assessment volume: %,d orders generated in %.1f s, summed in %.1f s; monthly rows: area %,d, unit %,d, worker %,d%n",
                ORDERS, (generated - started) / 1e9, (summed - generated) / 1e9, count("assessment_month_area"), count("assessment_month_unit"),
                count("assessment_month_worker"));

        Actor cityLeader = new Actor(990_001, "bench-leader", "市领导", Set.of(Role.LEADER), null, null, DataScope.division("320100"), false);
        Scheme scheme = schemes.current();
        Territory city = Territory.of(cityLeader, divisions);
        for (Level level : Level.values()) {
            // the indicator figures from the orders: one statement over the level's monthly sums
            List<Long> sumTimes = new ArrayList<>();
            for (int run = 0; run < RUNS + 1; run++) {
                long t0 = System.nanoTime();
                assessments.sums(level, MONTH, city);
                if (run > 0) {
                    sumTimes.add(System.nanoTime() - t0);
                }
            }
            System.out.printf("assessment volume: %-10s order indicators p50 %.0f ms, p95 %.0f ms%n", level, percentile(sumTimes, 50),
                    percentile(sumTimes, 95));
            // computed every time (nothing kept: what a month costs the first time it is read)
            List<Long> times = new ArrayList<>();
            AssessmentTable table = null;
            for (int run = 0; run < RUNS + 1; run++) {
                closedMonths.clear();
                long t0 = System.nanoTime();
                table = assessments.table(level, MONTH, scheme, cityLeader);
                if (run > 0) {
                    times.add(System.nanoTime() - t0);
                }
            }
            System.out.printf("assessment volume: %-10s whole table computed (%,d rows: names, field-work and whistle figures, scores,"
                    + " ranks, the previous month's ranks) p50 %.0f ms, p95 %.0f ms%n", level, table.rows().size(), percentile(times, 50),
                    percentile(times, 95));
            // a closed month read again: its rows and its previous month's kept (one revision query each)
            List<Long> kept = new ArrayList<>();
            for (int run = 0; run < RUNS + 1; run++) {
                long t0 = System.nanoTime();
                AssessmentTable again = assessments.table(level, MONTH, scheme, cityLeader);
                if (run > 0) {
                    kept.add(System.nanoTime() - t0);
                }
                assertThat(again.rows()).isEqualTo(table.rows());
            }
            System.out.printf("assessment volume: %-10s whole table of a closed month kept p50 %.0f ms, p95 %.0f ms%n", level,
                    percentile(kept, 50), percentile(kept, 95));
            long expected = level == Level.WORKER ? jdbc.sql("SELECT count(*) " + range + " AND worker_id <> 0")
                    .param("month", java.sql.Date.valueOf(MONTH.atDay(1))).query(Long.class).single() : ORDERS;
            assertThat(table.rows().stream().mapToLong(AssessmentTable.Row::reported).sum()).as(level + " reported").isEqualTo(expected);
        }
        // a street's figures equal what its facts say
        String street = districts[0] + "001";
        AssessmentTable streets = assessments.table(Level.STREET, MONTH, scheme, cityLeader);
        AssessmentTable.Row row = streets.rows().stream().filter(r -> r.code().equals(street)).findFirst().orElseThrow();
        long closedOnTime = jdbc.sql("SELECT count(*) " + range + " AND grid_code LIKE :s AND closed_on_time = 1")
                .param("month", java.sql.Date.valueOf(MONTH.atDay(1))).param("s", street + "%").query(Long.class).single();
        long active = jdbc.sql("SELECT count(*) " + range + " AND grid_code LIKE :s AND active = 1")
                .param("month", java.sql.Date.valueOf(MONTH.atDay(1))).param("s", street + "%").query(Long.class).single();
        assertThat(row.figure(Indicator.CLOSED_ON_TIME).numerator()).isEqualTo(closedOnTime);
        assertThat(row.figure(Indicator.CLOSED_ON_TIME).denominator()).isEqualTo(active);

        List<Long> drill = new ArrayList<>();
        for (int run = 0; run < RUNS + 1; run++) {
            long t0 = System.nanoTime();
            List<Assessments.OrderRef> orders = assessments.orders(Level.DEPARTMENT, String.valueOf(9_000_000 + 5), MONTH,
                    Indicator.HANDLED_ON_TIME, false, cityLeader);
            if (run > 0) {
                drill.add(System.nanoTime() - t0);
            }
            assertThat(orders).isNotEmpty();
        }
        System.out.printf("assessment volume: drill-down (a department's handled orders, first %d) p50 %.0f ms, p95 %.0f ms%n",
                Assessments.MAX_DRILL_DOWN, percentile(drill, 50), percentile(drill, 95));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE month = :month").param("month", java.sql.Date.valueOf(MONTH.atDay(1)))
                .query(Long.class).single();
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
