package org.yiwang.residents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * 公开 — the orders as the public may know them (number, place, category, state, times; never the reporter), kept in
 * step with the work-order journal in {@code residents_public_report}: the public map, the lookup of a public page by
 * number and the open-data export read it. Only districts that publish (settings) are answered.
 */
@Component
public class PublicReports implements JournalFollower {

    /** At most this many points on the public map. */
    public static final int MAX_MAP_POINTS = 2_000;

    private final JdbcClient jdbc;
    private final WorkOrderQueries orders;
    private final ResidentsProperties properties;
    private final Clock clock;

    PublicReports(JdbcClient jdbc, WorkOrderQueries orders, ResidentsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "residents.public-reports";
    }

    /** Rows of one multi-row upsert (11 parameters each, far below the protocol's limit). */
    static final int ROWS_PER_STATEMENT = 200;
    private static final String UPSERT_INTO = """
            INSERT INTO residents_public_report (order_id, number, district_code, grid_code, category_code, status, lat, lon,
                reported_at, closed_at, open)
            VALUES\s""";
    private static final String UPSERT_SET = """

            ON CONFLICT (order_id) DO UPDATE SET grid_code = EXCLUDED.grid_code, category_code = EXCLUDED.category_code,
                status = EXCLUDED.status, lat = EXCLUDED.lat, lon = EXCLUDED.lon, closed_at = EXCLUDED.closed_at,
                open = EXCLUDED.open""";

    /**
     * Records the orders of the batch as they are now: one read of the orders, one multi-row upsert per
     * {@value #ROWS_PER_STATEMENT} orders (it was one statement per order). Each order is one row however often it
     * changed in the batch (a multi-row upsert may not touch a row twice), written as read, as before.
     */
    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        Set<Long> ids = new LinkedHashSet<>();
        changes.forEach(c -> ids.add(c.orderId()));
        Map<Long, WorkOrder> now = orders.getAll(ids, Actor.system());
        List<WorkOrder> rows = ids.stream().map(now::get).filter(Objects::nonNull).toList();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<WorkOrder> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> values = new ArrayList<>(chunk.size() * 11);
            for (WorkOrder o : chunk) {
                Collections.addAll(values, o.id(), o.number(), o.districtCode(), o.gridCode(), o.categoryCode(), o.status().name(),
                        o.lat(), o.lon(), Timestamp.from(o.createdAt()), o.closedAt() == null ? null : Timestamp.from(o.closedAt()),
                        o.status().isOpen());
            }
            jdbc.sql(UPSERT_INTO + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) + UPSERT_SET)
                    .params(values).update();
        }
    }

    /** An order as the public map and export know it. */
    public record Row(long orderId, String number, String districtCode, String gridCode, String categoryCode, String status,
                      double lat, double lon, Instant reportedAt, Instant closedAt, boolean open) {
    }

    /** The order behind a public number, when its district publishes; "not found" otherwise (also when it does not). */
    @Transactional(readOnly = true)
    public Row byNumber(String number) {
        return jdbc.sql("SELECT * FROM residents_public_report WHERE number = :n").param("n", number == null ? "" : number.strip())
                .query(PublicReports::row).optional()
                .filter(r -> properties.transparency().publishes(r.districtCode()))
                .filter(r -> !WorkOrderStatus.VOIDED.name().equals(r.status()))
                .orElseThrow(() -> LocalizedException.notFound("residents.error.reportNotPublic", number));
    }

    /** {@link #byNumber} by the order's id. */
    @Transactional(readOnly = true)
    public Row byId(long orderId) {
        return jdbc.sql("SELECT * FROM residents_public_report WHERE order_id = :id").param("id", orderId)
                .query(PublicReports::row).optional()
                .filter(r -> properties.transparency().publishes(r.districtCode()))
                .filter(r -> !WorkOrderStatus.VOIDED.name().equals(r.status()))
                .orElseThrow(() -> LocalizedException.notFound("residents.error.reportNotPublic", orderId));
    }

    /** Open problems and those fixed within the configured time, in the publishing districts, newest first. */
    @Transactional(readOnly = true)
    public List<Row> map() {
        ResidentsProperties.Transparency t = properties.transparency();
        if (!t.enabled()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM residents_public_report
                         WHERE (open OR (""" + WorkOrderStatus.inSql("status", WorkOrderStatus.SETTLED) + """
                           AND closed_at >= :since))
                           AND (cardinality(cast(:districts AS varchar[])) = 0 OR district_code = ANY (cast(:districts AS varchar[])))
                         ORDER BY reported_at DESC LIMIT :max""")
                .param("since", Timestamp.from(clock.instant().minus(t.recentlyFixed())))
                .param("districts", t.districts().toArray(String[]::new)).param("max", MAX_MAP_POINTS)
                .query(PublicReports::row).list();
    }

    /** Every published order reported in [from, to), oldest first, streamed to {@code sink}; voided reports left out. */
    @Transactional(readOnly = true)
    public void reportedBetween(Instant from, Instant to, Consumer<Row> sink) {
        ResidentsProperties.Transparency t = properties.transparency();
        if (!t.enabled()) {
            return;
        }
        jdbc.sql("""
                        SELECT * FROM residents_public_report
                         WHERE reported_at >= :from AND reported_at < :to AND status <> 'VOIDED'
                           AND (cardinality(cast(:districts AS varchar[])) = 0 OR district_code = ANY (cast(:districts AS varchar[])))
                         ORDER BY reported_at, order_id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("districts", t.districts().toArray(String[]::new))
                .query(rs -> {
                    sink.accept(row(rs, 0));
                });
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Row(rs.getLong("order_id"), rs.getString("number"), rs.getString("district_code"), rs.getString("grid_code"),
                rs.getString("category_code"), rs.getString("status"), rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getTimestamp("reported_at").toInstant(), closed == null ? null : closed.toInstant(), rs.getBoolean("open"));
    }
}
