package org.yiwang.sorter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.CategorySuggester;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sorter's own record of each reported order (where, when, which category, still open?), written
 * when the order is reported and kept current from its later events, so that duplicates and hot spots
 * are found without scanning the orders. An order not yet categorised carries its top suggestion.
 */
@Component
class IntakeTraces {

    static final int TEXT = 1_000;
    static final String COLUMNS = "order_id, number, district_code, street_code, grid_code, lat, lon, category_code, suggested, "
            + "text, reported_at, status, open";

    /** {@link #COLUMNS}, each prefixed with a table alias, for joins. */
    static String columns(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(",\\s*")).map(c -> alias + "." + c).collect(java.util.stream.Collectors.joining(", "));
    }

    record Trace(long orderId, String number, String districtCode, String streetCode, String gridCode, double lat, double lon,
                 String categoryCode, boolean suggested, String text, Instant reportedAt, String status, boolean open) {

        OrderRef ref() {
            return new OrderRef(orderId, number, gridCode, categoryCode, suggested,
                    text.length() > 120 ? text.substring(0, 120) + "…" : text, reportedAt, status);
        }
    }

    private final JdbcClient jdbc;
    private final WorkOrderQueries queries;
    private final Sorter sorter;

    IntakeTraces(JdbcClient jdbc, WorkOrderQueries queries, Sorter sorter) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.sorter = sorter;
    }

    /** Records the order as it is now (or refreshes what is recorded); empty for an order without a grid. */
    Optional<Trace> record(long orderId) {
        return Optional.ofNullable(recordAll(List.of(orderId)).get(orderId));
    }

    /**
     * Records many orders as they are now (or refreshes what is recorded) with one read of the orders and one
     * statement: a follower's batch of reports costs two round trips, not two per report. Orders without a
     * grid are left out of the answer, which keeps the order of {@code orderIds}.
     */
    Map<Long, Trace> recordAll(List<Long> orderIds) {
        List<Long> distinct = orderIds.stream().distinct().toList();
        Map<Long, WorkOrder> orders = queries.getAll(distinct, Actor.system());
        List<WorkOrder> recorded = distinct.stream().map(orders::get)
                .filter(o -> o != null && o.gridCode() != null && o.gridCode().length() >= 9).toList();
        if (recorded.isEmpty()) {
            return Map.of();
        }
        int n = recorded.size();
        Long[] ids = new Long[n];
        String[] numbers = new String[n];
        String[] districts = new String[n];
        String[] streets = new String[n];
        String[] grids = new String[n];
        Double[] lats = new Double[n];
        Double[] lons = new Double[n];
        String[] categories = new String[n];
        Boolean[] suggested = new Boolean[n];
        String[] texts = new String[n];
        String[] reportedAt = new String[n];
        String[] statuses = new String[n];
        Boolean[] open = new Boolean[n];
        for (int i = 0; i < n; i++) {
            WorkOrder order = recorded.get(i);
            String category = order.categoryCode();
            boolean guessed = false;
            if (category == null) {
                List<CategorySuggester.Suggestion> top = sorter.suggest(order.description(), 1);
                if (!top.isEmpty()) {
                    category = top.getFirst().categoryCode();
                    guessed = true;
                }
            }
            ids[i] = order.id();
            numbers[i] = order.number();
            districts[i] = order.districtCode();
            streets[i] = order.gridCode().substring(0, 9);
            grids[i] = order.gridCode();
            lats[i] = order.lat();
            lons[i] = order.lon();
            categories[i] = category;
            suggested[i] = guessed;
            texts[i] = order.description().length() > TEXT ? order.description().substring(0, TEXT) : order.description();
            reportedAt[i] = order.createdAt().toString();
            statuses[i] = order.status().name();
            open[i] = order.status().isOpen();
        }
        Map<Long, Trace> traces = new java.util.HashMap<>();
        jdbc.sql("""
                        INSERT INTO sorter_intake (order_id, number, district_code, street_code, grid_code, lat, lon, category_code,
                            suggested, text, reported_at, status, open)
                        SELECT * FROM unnest(cast(:ids AS bigint[]), cast(:numbers AS varchar[]), cast(:districts AS varchar[]),
                            cast(:streets AS varchar[]), cast(:grids AS varchar[]), cast(:lats AS float8[]), cast(:lons AS float8[]),
                            cast(:categories AS varchar[]), cast(:suggested AS boolean[]), cast(:texts AS varchar[]),
                            cast(:reportedAt AS timestamptz[]), cast(:statuses AS varchar[]), cast(:open AS boolean[]))
                        ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, open = EXCLUDED.open,
                            category_code = CASE WHEN EXCLUDED.suggested AND sorter_intake.category_code IS NOT NULL
                                THEN sorter_intake.category_code ELSE EXCLUDED.category_code END,
                            suggested = sorter_intake.suggested AND EXCLUDED.suggested
                        RETURNING\s""" + COLUMNS)
                .param("ids", ids).param("numbers", numbers).param("districts", districts).param("streets", streets)
                .param("grids", grids).param("lats", lats).param("lons", lons).param("categories", categories)
                .param("suggested", suggested).param("texts", texts).param("reportedAt", reportedAt)
                .param("statuses", statuses).param("open", open)
                .query(IntakeTraces::trace).list()
                .forEach(t -> traces.put(t.orderId(), t));
        Map<Long, Trace> inOrder = new java.util.LinkedHashMap<>();
        for (Long id : ids) {
            Trace trace = traces.get(id);
            if (trace != null) {
                inOrder.put(id, trace);
            }
        }
        return inOrder;
    }

    /** Sets how many residents supported (附议) a recorded report; empty when the report is not recorded. */
    Optional<Trace> weigh(long orderId, int supporters) {
        return jdbc.sql("UPDATE sorter_intake SET supporters = greatest(supporters, :n) WHERE order_id = :id RETURNING " + COLUMNS)
                .param("n", supporters).param("id", orderId).query(IntakeTraces::trace).optional();
    }

    /** Applies a later event: state, openness, the filed category. */
    Optional<Trace> apply(WorkOrderTransitioned event) {
        int changed = jdbc.sql("""
                        UPDATE sorter_intake SET status = :status, open = :open,
                            category_code = coalesce(:category, category_code),
                            suggested = CASE WHEN cast(:category AS varchar) IS NULL THEN suggested ELSE false END
                        WHERE order_id = :id""")
                .param("status", event.to().name())
                .param("open", event.to().isOpen())
                .param("category", event.categoryCode())
                .param("id", event.orderId())
                .update();
        if (changed == 0) {
            // the report's own event has not been handled yet (events run concurrently): record the order now
            return record(event.orderId());
        }
        return find(event.orderId());
    }

    Optional<Trace> find(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sorter_intake WHERE order_id = :id").param("id", orderId)
                .query(IntakeTraces::trace).optional();
    }

    static Trace trace(ResultSet rs, int row) throws SQLException {
        return new Trace(rs.getLong("order_id"), rs.getString("number"), rs.getString("district_code"), rs.getString("street_code"),
                rs.getString("grid_code"), rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("category_code"),
                rs.getBoolean("suggested"), rs.getString("text"), SorterModels.instant(rs, "reported_at"), rs.getString("status"),
                rs.getBoolean("open"));
    }
}
