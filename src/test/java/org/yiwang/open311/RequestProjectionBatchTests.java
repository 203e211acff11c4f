package org.yiwang.open311;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.open311.georeport.RequestProjection;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderSpringTest;
import org.yiwang.workorder.WorkOrderTransitioned;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch of the journal gives {@code open311_request} the rows that applying its changes one at a time gives:
 * with an order changed twice in the batch (the later change's time wins), a change delivered again, a late older
 * one, a row already at a newer version (kept) and one whose update time is later than the batch's (kept).
 */
@WorkOrderSpringTest
class RequestProjectionBatchTests {

    @Autowired RequestProjection follower;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aBatchLeavesTheRowsThatItsChangesOneByOneLeave() {
        FieldOrders orders = FieldOrders.of(context);
        WorkOrder open = orders.reportedByResident("批量311：路灯不亮");
        WorkOrder closed = orders.closed("批量311：井盖缺失");
        WorkOrder checked = orders.waitingForOnSiteCheck("批量311：垃圾满溢");
        WorkOrder newer = orders.reportedByResident("批量311：已有更新的版本");
        List<WorkOrder> all = List.of(open, closed, checked, newer);
        Long[] ids = all.stream().map(WorkOrder::id).toArray(Long[]::new);
        // the journal's own follower is done with them before their rows are rewritten here
        for (WorkOrder o : all) {
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT order_version FROM open311_request WHERE order_id = :id")
                    .param("id", o.id()).query(Integer.class).optional().filter(v -> v == o.version()).isPresent());
        }
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofHours(1));
        List<WorkOrderJournaled> batch = List.of(change(open, t), change(closed, t), change(open, t.plusSeconds(1)),
                change(checked, t), change(newer, t), change(closed, t), change(open, t.minusSeconds(30)));

        seed(ids, closed, newer, t);
        new TransactionTemplate(transactions).executeWithoutResult(s -> follower.apply(batch));
        List<Map<String, Object>> batched = rows(ids);

        seed(ids, closed, newer, t);
        for (WorkOrderJournaled change : batch) {
            new TransactionTemplate(transactions).executeWithoutResult(s -> follower.apply(List.of(change)));
        }
        assertThat(rows(ids)).isEqualTo(batched);

        assertThat(batched).hasSize(4);
        assertThat(row(batched, open)).containsEntry("updated_at", Timestamp.from(t.plusSeconds(1)))
                .containsEntry("order_version", open.version());
        assertThat(row(batched, closed)).containsEntry("updated_at", Timestamp.from(t.plus(Duration.ofDays(1))))
                .containsEntry("status", "CLOSED");
        assertThat(row(batched, checked)).containsEntry("updated_at", Timestamp.from(t))
                .containsEntry("status", checked.status().name());
        assertThat(row(batched, newer)).containsEntry("order_version", newer.version() + 5).containsEntry("description", "更新的版本");
    }

    /** No rows for the orders but two: one at a newer version, one at the same version updated later. */
    void seed(Long[] ids, WorkOrder updatedLater, WorkOrder newer, Instant t) {
        jdbc.sql("DELETE FROM open311_request WHERE order_id = ANY (:ids)").param("ids", ids).update();
        String insert = """
                INSERT INTO open311_request (order_id, number, order_version, district_code, grid_code, service_code, status,
                    description, lat, lon, source, listed, requested_at, updated_at)
                VALUES (:id, :number, :version, :district, :grid, :service, :status, :description, 32.0, 118.8, 'RESIDENT', TRUE,
                    :at, :updated)""";
        jdbc.sql(insert).param("id", updatedLater.id()).param("number", updatedLater.number()).param("version", updatedLater.version())
                .param("district", updatedLater.districtCode()).param("grid", updatedLater.gridCode())
                .param("service", updatedLater.categoryCode()).param("status", "VERIFYING").param("description", "旧的")
                .param("at", Timestamp.from(t)).param("updated", Timestamp.from(t.plus(Duration.ofDays(1)))).update();
        jdbc.sql(insert).param("id", newer.id()).param("number", newer.number()).param("version", newer.version() + 5)
                .param("district", newer.districtCode()).param("grid", newer.gridCode())
                .param("service", newer.categoryCode()).param("status", "CLOSED").param("description", "更新的版本")
                .param("at", Timestamp.from(t)).param("updated", Timestamp.from(t)).update();
    }

    List<Map<String, Object>> rows(Long[] ids) {
        return jdbc.sql("SELECT * FROM open311_request WHERE order_id = ANY (:ids) ORDER BY order_id").param("ids", ids)
                .query().listOfRows();
    }

    static Map<String, Object> row(List<Map<String, Object>> rows, WorkOrder order) {
        return rows.stream().filter(r -> r.get("order_id").equals(order.id())).findFirst().orElseThrow();
    }

    static WorkOrderJournaled change(WorkOrder o, Instant at) {
        return new WorkOrderJournaled(List.of(new WorkOrderTransitioned(o.id(), o.number(), o.districtCode(), o.gridCode(),
                Action.SUPERVISE, o.status(), o.status(), 1, at, o.categoryCode(), o.urgency(), Source.RESIDENT, null,
                o.assigneeOrgUnitId(), null, List.of(), o.stage(), at, o.stageDueAt(), true, false, 0)));
    }
}
