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
        WorkOrder order = queries.get(orderId, Actor.system());
        if (order.gridCode() == null || order.gridCode().length() < 9) {
            return Optional.empty();
        }
        String category = order.categoryCode();
        boolean suggested = false;
        if (category == null) {
            List<CategorySuggester.Suggestion> top = sorter.suggest(order.description(), 1);
            if (!top.isEmpty()) {
                category = top.getFirst().categoryCode();
                suggested = true;
            }
        }
        String text = order.description().length() > TEXT ? order.description().substring(0, TEXT) : order.description();
        return jdbc.sql("""
                        INSERT INTO sorter_intake (order_id, number, district_code, street_code, grid_code, lat, lon, category_code,
                            suggested, text, reported_at, status, open)
                        VALUES (:id, :number, :district, :street, :grid, :lat, :lon, :category, :suggested, :text, :at, :status, :open)
                        ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, open = EXCLUDED.open,
                            category_code = CASE WHEN EXCLUDED.suggested AND sorter_intake.category_code IS NOT NULL
                                THEN sorter_intake.category_code ELSE EXCLUDED.category_code END,
                            suggested = sorter_intake.suggested AND EXCLUDED.suggested
                        RETURNING\s""" + COLUMNS)
                .param("id", order.id())
                .param("number", order.number())
                .param("district", order.districtCode())
                .param("street", order.gridCode().substring(0, 9))
                .param("grid", order.gridCode())
                .param("lat", order.lat())
                .param("lon", order.lon())
                .param("category", category)
                .param("suggested", suggested)
                .param("text", text)
                .param("at", SorterModels.at(order.createdAt()))
                .param("status", order.status().name())
                .param("open", order.status().isOpen())
                .query(IntakeTraces::trace).optional();
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
