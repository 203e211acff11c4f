package org.yiwang.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Stage;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps {@code analytics_handling_due} up to date from the work-order events: the due time of each
 * order's running handling stage, or the moment of an on-the-spot close. Redelivered and late events
 * are harmless: a row only moves forward in event time.
 */
@Component
class HandlingDueDates {

    private final JdbcClient jdbc;

    HandlingDueDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(WorkOrderTransitioned event) {
        if (event.action() == Action.CLOSE_ON_SPOT) {
            record(event, event.at());
        } else if (event.stage() == Stage.HANDLE && event.stageDueAt() != null) {
            record(event, event.stageDueAt());
        }
    }

    void record(WorkOrderTransitioned event, Instant due) {
        String grid = event.gridCode();
        jdbc.sql("""
                        INSERT INTO analytics_handling_due (order_id, district_code, street_code, grid_code, assignee_org_unit_id, due_at, as_of)
                        VALUES (:order, :district, :street, :grid, :unit, :due, :at)
                        ON CONFLICT (order_id) DO UPDATE SET street_code = EXCLUDED.street_code, grid_code = EXCLUDED.grid_code,
                            assignee_org_unit_id = EXCLUDED.assignee_org_unit_id, due_at = EXCLUDED.due_at, as_of = EXCLUDED.as_of
                        WHERE analytics_handling_due.as_of <= EXCLUDED.as_of
                        """)
                .param("order", event.orderId())
                .param("district", event.districtCode())
                .param("street", grid != null && grid.length() >= 9 ? grid.substring(0, 9) : null)
                .param("grid", grid)
                .param("unit", event.assigneeOrgUnitId())
                .param("due", Timestamp.from(due))
                .param("at", Timestamp.from(event.at()))
                .update();
    }
}
