package org.yiwang.sorter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports checked together give the hot spots, their reports, counts and times, the alerts and the clusters joined
 * that the same reports checked one at a time give: two categories of one grid interleaved, a cluster that goes quiet
 * and is followed by a new one, and reports checked twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HotspotsBatchTests {

    @Autowired Hotspots hotspots;
    @Autowired SorterProperties properties;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void reportsCheckedTogetherGiveWhatTheyGiveOneAtATime() {
        IndexedGrid grid = FieldOrders.of(context).gridWorkersGrid();
        int n = properties.hotspots().minReports();
        Duration window = properties.hotspots().window();
        int run = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String x = "X" + run, y = "Y" + run;
        long base = 9_500_000_000L + run * 100L;
        Instant t = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_000);

        // x: n + 2 reports an hour apart, then n more after a quiet window; y: n reports between them
        List<IntakeTraces.Trace> xs = new ArrayList<>();
        for (int i = 0; i < n + 2; i++) {
            xs.add(trace(base + i, grid, x, t.plus(Duration.ofHours(i))));
        }
        for (int i = 0; i < n; i++) {
            xs.add(trace(base + 20 + i, grid, x, t.plus(window).plus(Duration.ofDays(2)).plus(Duration.ofHours(i))));
        }
        List<IntakeTraces.Trace> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ys.add(trace(base + 40 + i, grid, y, t.plus(Duration.ofHours(2L * i)).plusSeconds(1800)));
        }
        for (IntakeTraces.Trace r : concat(xs, ys)) {
            jdbc.sql("""
                            INSERT INTO sorter_intake (order_id, number, district_code, street_code, grid_code, lat, lon, category_code,
                                suggested, text, reported_at, status, open)
                            VALUES (:id, :number, :district, :street, :grid, 32.0, 118.8, :category, FALSE, '测试', :at, 'DISPATCHED', TRUE)""")
                    .param("id", r.orderId()).param("number", r.number()).param("district", r.districtCode())
                    .param("street", r.streetCode()).param("grid", r.gridCode()).param("category", r.categoryCode())
                    .param("at", Timestamp.from(r.reportedAt())).update();
        }
        List<IntakeTraces.Trace> batch = new ArrayList<>();
        for (int i = 0; i < n + 2; i++) {
            batch.add(xs.get(i));
            if (i < n) {
                batch.add(ys.get(i));
            }
            if (i == n) {
                batch.add(xs.get(i)); // checked twice
            }
        }
        batch.addAll(xs.subList(n + 2, xs.size()));
        batch.add(xs.get(n + 1)); // checked again after the next cluster started

        Map<Long, Long> together = new TransactionTemplate(transactions).execute(s -> hotspots.checkAll(batch));
        Result batched = result(x, y, together);

        forget(x, y);
        Map<Long, Long> alone = new LinkedHashMap<>();
        for (IntakeTraces.Trace r : batch) {
            alone.putAll(new TransactionTemplate(transactions).execute(s -> hotspots.checkAll(List.of(r))));
        }
        assertThat(result(x, y, alone)).isEqualTo(batched);

        assertThat(batched.spots()).extracting(s -> s.get(0) + " " + s.get(1) + " " + s.get(4))
                .containsExactly(x + " ENDED " + (n + 2), y + " OPEN " + n, x + " OPEN " + (n + 1));
        assertThat(batched.joined()).containsEntry(xs.get(n - 1).orderId(), 0).containsEntry(ys.get(n - 1).orderId(), 1)
                .containsEntry(xs.getLast().orderId(), 2).containsEntry(xs.get(n + 1).orderId(), 2);
    }

    /** What the checks left, clusters named by their place in the order they were started. */
    record Result(List<List<Object>> spots, List<String> members, List<String> notices, Map<Long, Integer> joined) {
    }

    Result result(String x, String y, Map<Long, Long> joined) {
        List<Long> ids = jdbc.sql("SELECT id FROM sorter_hotspot WHERE category_code IN (:x, :y) ORDER BY id")
                .param("x", x).param("y", y).query(Long.class).list();
        List<List<Object>> spots = jdbc.sql("""
                        SELECT category_code, status, first_at, last_at, order_count, district_code, street_code, grid_code
                        FROM sorter_hotspot WHERE category_code IN (:x, :y) ORDER BY id""")
                .param("x", x).param("y", y).query((rs, i) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getTimestamp(3),
                        rs.getTimestamp(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
        List<String> members = jdbc.sql("SELECT hotspot_id, order_id FROM sorter_hotspot_order WHERE hotspot_id = ANY (:h) ORDER BY hotspot_id, order_id")
                .param("h", ids.toArray(Long[]::new)).query((rs, i) -> ids.indexOf(rs.getLong(1)) + ":" + rs.getLong(2)).list();
        List<String> notices = jdbc.sql("SELECT link, user_id, template_key, args::text FROM notify_inbox WHERE link = ANY (:links) ORDER BY id")
                .param("links", ids.stream().map(h -> "/api/sorter/hotspots/" + h).toArray(String[]::new))
                .query((rs, i) -> ids.indexOf(Long.parseLong(rs.getString(1).substring("/api/sorter/hotspots/".length()))) + " "
                        + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4)).list();
        Map<Long, Integer> clusters = new LinkedHashMap<>();
        joined.forEach((order, spot) -> clusters.put(order, ids.indexOf(spot)));
        return new Result(spots, members, notices, clusters);
    }

    void forget(String x, String y) {
        Long[] ids = jdbc.sql("SELECT id FROM sorter_hotspot WHERE category_code IN (:x, :y)").param("x", x).param("y", y)
                .query(Long.class).list().toArray(Long[]::new);
        jdbc.sql("DELETE FROM notify_inbox WHERE link = ANY (:links)")
                .param("links", java.util.Arrays.stream(ids).map(h -> "/api/sorter/hotspots/" + h).toArray(String[]::new)).update();
        jdbc.sql("DELETE FROM sorter_hotspot_order WHERE hotspot_id = ANY (:h)").param("h", ids).update();
        jdbc.sql("DELETE FROM sorter_hotspot WHERE id = ANY (:h)").param("h", ids).update();
    }

    static IntakeTraces.Trace trace(long id, IndexedGrid grid, String category, Instant at) {
        return new IntakeTraces.Trace(id, "H" + id, grid.district().code(), grid.street().code(), grid.code(), 32.0, 118.8, category,
                false, "测试", at, "DISPATCHED", true);
    }

    static List<IntakeTraces.Trace> concat(List<IntakeTraces.Trace> a, List<IntakeTraces.Trace> b) {
        List<IntakeTraces.Trace> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
