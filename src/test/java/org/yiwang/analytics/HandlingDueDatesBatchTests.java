package org.yiwang.analytics;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.WorkOrderTransitioned;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch of the journal gives {@code analytics_handling_due} the rows that applying its changes one at a time,
 * statement by statement as the follower used to, gives: with an order changed twice in the batch, a change
 * delivered again, a late older one, rows that were there before and times that fall between microseconds.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HandlingDueDatesBatchTests {

    @Autowired HandlingDueDates follower;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;

    static final String GRID = "320102001001001";

    @Test
    void aBatchLeavesTheRowsThatItsChangesOneByOneLeave() {
        // a real order closed on time, so that a CLOSE reads the order's own judgement; its row is rewritten below
        WorkOrder closed = FieldOrders.of(context).closed("批量：已结案");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "SELECT settled AND closed_on_time FROM analytics_handling_due WHERE order_id = :id")
                .param("id", closed.id()).query(Boolean.class).optional().orElse(false));
        long a = closed.id();
        long base = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 10;
        long b = base + 1, c = base + 2, d = base + 3, e = base + 4, f = base + 5, g = base + 6;
        List<Long> ids = List.of(a, b, c, d, e, f, g);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        WorkOrderJournaled intakeA = change(intake(a, t.plusSeconds(1), t.plus(Duration.ofDays(2))));
        List<WorkOrderJournaled> batch = List.of(
                intakeA,
                change(event(b, Action.DISPATCH, WorkOrderStatus.DISPATCHED, t.plusSeconds(1), Stage.HANDLE, t.plus(Duration.ofDays(3)))),
                change(event(a, Action.CLOSE, WorkOrderStatus.CLOSED, t.plusSeconds(5), null, null)),
                intakeA, // delivered again, after a newer change
                change(event(c, Action.CLOSE_ON_SPOT, WorkOrderStatus.CLOSED, t.plusSeconds(2), null, null)),
                change(event(b, Action.REOPEN, WorkOrderStatus.DISPATCHED, t.plusSeconds(3), null, null)),
                change(event(b, Action.VOID, WorkOrderStatus.VOIDED, t.plusSeconds(4), null, null)),
                change(event(b, Action.DISPATCH, WorkOrderStatus.DISPATCHED, t.plusMillis(500), Stage.HANDLE, t.plus(Duration.ofDays(9)))), // late
                change(event(d, Action.CLOSE, WorkOrderStatus.CLOSED, t.plusSeconds(2), null, null)), // no row: nothing
                change(event(e, Action.DISPATCH, WorkOrderStatus.DISPATCHED, t.plusSeconds(2), Stage.HANDLE, t.plus(Duration.ofDays(4)))),
                change(event(f, Action.DISPATCH, WorkOrderStatus.DISPATCHED, t.plusSeconds(2), Stage.HANDLE, t.plus(Duration.ofDays(5)))),
                change(event(f, Action.VOID, WorkOrderStatus.VOIDED, t.plusSeconds(2), null, null)), // same time: applies
                // 1.5, 1.6 and 1.7 µs are all kept as 2 µs: the reopening is not older than the close on the spot
                change(event(g, Action.DISPATCH, WorkOrderStatus.DISPATCHED, t.plusSeconds(6).plusNanos(1_500), Stage.HANDLE,
                        t.plus(Duration.ofDays(6)).plusNanos(1_499))),
                change(event(g, Action.CLOSE_ON_SPOT, WorkOrderStatus.CLOSED, t.plusSeconds(6).plusNanos(1_700), null, null)),
                change(event(g, Action.REOPEN, WorkOrderStatus.DISPATCHED, t.plusSeconds(6).plusNanos(1_600), null, null)));

        seed(ids, t);
        new TransactionTemplate(transactions).executeWithoutResult(s -> follower.apply(batch));
        List<Map<String, Object>> batched = rows(ids);

        seed(ids, t);
        for (WorkOrderJournaled change : batch) {
            new TransactionTemplate(transactions).executeWithoutResult(s -> follower.apply(List.of(change)));
        }
        assertThat(rows(ids)).isEqualTo(batched);

        seed(ids, t);
        new TransactionTemplate(transactions).executeWithoutResult(s -> batch.forEach(change -> statementByStatement(change)));
        assertThat(rows(ids)).isEqualTo(batched);

        assertThat(batched).extracting(r -> r.get("order_id")).containsExactly(a, b, c, e, f, g);
        assertThat(row(batched, a)).containsEntry("settled", true).containsEntry("closed_on_time", true)
                .containsEntry("due_at", Timestamp.from(t.plus(Duration.ofDays(2))));
        assertThat(row(batched, b)).containsEntry("voided", true).containsEntry("as_of", Timestamp.from(t.plusSeconds(4)))
                .containsEntry("due_at", Timestamp.from(t.plus(Duration.ofDays(3))));
        assertThat(row(batched, c)).containsEntry("settled", true).containsEntry("closed_on_time", true);
        assertThat(row(batched, e)).containsEntry("district_code", "320102").containsEntry("as_of", Timestamp.from(t.plusSeconds(60)));
        assertThat(row(batched, f)).containsEntry("district_code", "320199").containsEntry("voided", true)
                .containsEntry("due_at", Timestamp.from(t.plus(Duration.ofDays(5))));
        assertThat(row(batched, g)).containsEntry("settled", false).containsEntry("as_of", Timestamp.from(t.plusSeconds(6).plusNanos(2_000)))
                .containsEntry("due_at", Timestamp.from(t.plusSeconds(6).plusNanos(2_000)));
    }

    /** No rows for the orders but two: one newer than the batch, one older (in a district the events do not name). */
    void seed(List<Long> ids, Instant t) {
        jdbc.sql("DELETE FROM analytics_handling_due WHERE order_id = ANY (:ids)").param("ids", ids.toArray(Long[]::new)).update();
        long e = ids.get(4), f = ids.get(5);
        jdbc.sql("""
                        INSERT INTO analytics_handling_due (order_id, district_code, street_code, grid_code, assignee_org_unit_id, due_at, as_of)
                        VALUES (:e, '320102', '320102001', :grid, 7, :due, :newer), (:f, '320199', NULL, NULL, NULL, :due, :older)""")
                .param("e", e).param("f", f).param("grid", GRID).param("due", Timestamp.from(t.plus(Duration.ofDays(1))))
                .param("newer", Timestamp.from(t.plusSeconds(60))).param("older", Timestamp.from(t.minusSeconds(60))).update();
    }

    List<Map<String, Object>> rows(List<Long> ids) {
        return jdbc.sql("SELECT * FROM analytics_handling_due WHERE order_id = ANY (:ids) ORDER BY order_id")
                .param("ids", ids.toArray(Long[]::new)).query().listOfRows();
    }

    static Map<String, Object> row(List<Map<String, Object>> rows, long orderId) {
        return rows.stream().filter(r -> r.get("order_id").equals(orderId)).findFirst().orElseThrow();
    }

    static WorkOrderJournaled change(WorkOrderTransitioned... transitions) {
        return new WorkOrderJournaled(List.of(transitions));
    }

    static WorkOrderTransitioned[] intake(long id, Instant at, Instant due) {
        return new WorkOrderTransitioned[]{
                event(id, Action.REPORT, WorkOrderStatus.REPORTED, at, Stage.REGISTER, at.plusSeconds(600)),
                event(id, Action.REGISTER, WorkOrderStatus.REGISTERED, at, Stage.DISPATCH, at.plusSeconds(1200)),
                event(id, Action.DISPATCH, WorkOrderStatus.DISPATCHED, at, Stage.HANDLE, due)};
    }

    static WorkOrderTransitioned event(long id, Action action, WorkOrderStatus to, Instant at, Stage stage, Instant due) {
        return new WorkOrderTransitioned(id, "B" + id, "320102", GRID, action, null, to, 1, at, "0101", Urgency.NORMAL,
                Source.RESIDENT, null, 42L, null, List.of(), stage, at, due, true, false, 0);
    }

    /** The follower as it was: a statement for each write, the database applying the guards. */
    void statementByStatement(WorkOrderJournaled changed) {
        boolean dueWritten = false;
        for (WorkOrderTransitioned event : changed.transitions()) {
            boolean ordinary = switch (event.action()) {
                case CLOSE_ON_SPOT, CLOSE, REOPEN, VOID, MERGE -> false;
                default -> true;
            };
            if (!ordinary) {
                statementByStatement(event);
            } else if (!dueWritten) {
                dueWritten = statementByStatement(event);
            }
        }
    }

    boolean statementByStatement(WorkOrderTransitioned event) {
        switch (event.action()) {
            case CLOSE_ON_SPOT -> {
                due(event, event.at());
                outcome(event, true, true, false);
            }
            case CLOSE -> outcome(event, true, jdbc.sql("SELECT closed_on_time FROM workorder_order WHERE id = :id")
                    .param("id", event.orderId()).query(Boolean.class).optional().orElse(false), false);
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

    void due(WorkOrderTransitioned event, Instant due) {
        String grid = event.gridCode();
        jdbc.sql("""
                        INSERT INTO analytics_handling_due (order_id, district_code, street_code, grid_code, assignee_org_unit_id, due_at, as_of)
                        VALUES (:order, :district, :street, :grid, :unit, :due, :at)
                        ON CONFLICT (order_id) DO UPDATE SET street_code = EXCLUDED.street_code, grid_code = EXCLUDED.grid_code,
                            assignee_org_unit_id = EXCLUDED.assignee_org_unit_id, due_at = EXCLUDED.due_at, as_of = EXCLUDED.as_of,
                            settled = FALSE, closed_on_time = FALSE, voided = FALSE
                        WHERE analytics_handling_due.as_of <= EXCLUDED.as_of""")
                .param("order", event.orderId()).param("district", event.districtCode())
                .param("street", grid != null && grid.length() >= 9 ? grid.substring(0, 9) : null).param("grid", grid)
                .param("unit", event.assigneeOrgUnitId()).param("due", Timestamp.from(due)).param("at", Timestamp.from(event.at()))
                .update();
    }

    void outcome(WorkOrderTransitioned event, boolean settled, boolean onTime, boolean voided) {
        jdbc.sql("""
                        UPDATE analytics_handling_due SET settled = :settled, closed_on_time = :onTime, voided = :voided, as_of = :at
                        WHERE order_id = :order AND as_of <= :at""")
                .param("settled", settled).param("onTime", onTime).param("voided", voided)
                .param("order", event.orderId()).param("at", Timestamp.from(event.at())).update();
    }
}
