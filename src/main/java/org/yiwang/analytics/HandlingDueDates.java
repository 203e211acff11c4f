package org.yiwang.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Stage;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Keeps {@code analytics_handling_due} up to date from the work-order events: the due time of each
 * order's latest handling stage, and its outcome — settled (closed), closed on time, voided. An order
 * closed on the spot (即发即处) is due and settled at the moment it is closed. Redelivered and late
 * events are harmless: a row only moves forward in event time.
 */
@Component
class HandlingDueDates implements JournalFollower {

    private final JdbcClient jdbc;

    HandlingDueDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "analytics.handling-due";
    }

    /**
     * The transitions of one change all carry the order's facts after the whole change, so its handling due
     * time is written once per change (an intake filed and dispatched at once made three identical writes).
     */
    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        for (WorkOrderJournaled changed : changes) {
            boolean dueWritten = false;
            for (WorkOrderTransitioned event : changed.transitions()) {
                boolean ordinary = switch (event.action()) {
                    case CLOSE_ON_SPOT, CLOSE, REOPEN, VOID, MERGE -> false;
                    default -> true;
                };
                if (!ordinary) {
                    apply(event);
                } else if (!dueWritten) {
                    dueWritten = apply(event);
                }
            }
        }
    }

    /** @return whether a handling due time was written */
    private boolean apply(WorkOrderTransitioned event) {
        switch (event.action()) {
            case CLOSE_ON_SPOT -> {
                due(event, event.at());
                outcome(event, true, true, false);
            }
            case CLOSE -> outcome(event, true, closedOnTime(event.orderId()), false);
            case REOPEN -> outcome(event, false, false, false);
            case VOID, MERGE -> outcome(event, false, false, true);
            default -> {
                if (event.stage() == Stage.HANDLE && event.stageDueAt() != null) {
                    due(event, event.stageDueAt());
                    return true;
                }
            }
        }
        return false;
    }

    private void due(WorkOrderTransitioned event, Instant due) {
        String grid = event.gridCode();
        jdbc.sql("""
                        INSERT INTO analytics_handling_due (order_id, district_code, street_code, grid_code, assignee_org_unit_id, due_at, as_of)
                        VALUES (:order, :district, :street, :grid, :unit, :due, :at)
                        ON CONFLICT (order_id) DO UPDATE SET street_code = EXCLUDED.street_code, grid_code = EXCLUDED.grid_code,
                            assignee_org_unit_id = EXCLUDED.assignee_org_unit_id, due_at = EXCLUDED.due_at, as_of = EXCLUDED.as_of,
                            settled = FALSE, closed_on_time = FALSE, voided = FALSE
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

    private void outcome(WorkOrderTransitioned event, boolean settled, boolean onTime, boolean voided) {
        jdbc.sql("""
                        UPDATE analytics_handling_due SET settled = :settled, closed_on_time = :onTime, voided = :voided, as_of = :at
                        WHERE order_id = :order AND as_of <= :at
                        """)
                .param("settled", settled).param("onTime", onTime).param("voided", voided)
                .param("order", event.orderId()).param("at", Timestamp.from(event.at()))
                .update();
    }

    /** Whether the close was on time is the order's own judgement (handled and verified within their limits). */
    private boolean closedOnTime(long orderId) {
        return jdbc.sql("SELECT closed_on_time FROM workorder_order WHERE id = :id").param("id", orderId)
                .query(Boolean.class).optional().orElse(false);
    }
}
