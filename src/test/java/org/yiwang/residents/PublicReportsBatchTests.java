package org.yiwang.residents;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderSpringTest;
import org.yiwang.workorder.WorkOrderTransitioned;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch of the journal gives {@code residents_public_report} the rows that applying its changes one at a time
 * gives, with an order changed twice in the batch, a change delivered again and a row that was out of date.
 */
@WorkOrderSpringTest
class PublicReportsBatchTests {

    @Autowired PublicReports follower;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aBatchLeavesTheRowsThatItsChangesOneByOneLeave() {
        FieldOrders orders = FieldOrders.of(context);
        WorkOrder open = orders.reportedByResident("批量公开：路灯不亮");
        WorkOrder closed = orders.closed("批量公开：井盖缺失");
        WorkOrder checked = orders.waitingForOnSiteCheck("批量公开：垃圾满溢");
        List<WorkOrder> all = List.of(open, closed, checked);
        Long[] ids = all.stream().map(WorkOrder::id).toArray(Long[]::new);
        // the journal's own follower is done with them before their rows are rewritten here
        for (WorkOrder o : all) {
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT status FROM residents_public_report WHERE order_id = :id")
                    .param("id", o.id()).query(String.class).optional().filter(o.status().name()::equals).isPresent());
        }
        Instant t = Instant.now();
        List<WorkOrderJournaled> batch = List.of(change(open, t), change(closed, t), change(open, t.plusSeconds(1)),
                change(checked, t), change(closed, t), change(open, t.minusSeconds(60)));

        seed(ids, checked);
        new TransactionTemplate(transactions).executeWithoutResult(s -> follower.apply(batch));
        List<Map<String, Object>> batched = rows(ids);

        seed(ids, checked);
        for (WorkOrderJournaled change : batch) {
            new TransactionTemplate(transactions).executeWithoutResult(s -> follower.apply(List.of(change)));
        }
        assertThat(rows(ids)).isEqualTo(batched);

        assertThat(batched).hasSize(3).extracting(r -> r.get("status"))
                .containsExactlyInAnyOrder(open.status().name(), "CLOSED", checked.status().name());
        assertThat(batched).filteredOn(r -> r.get("order_id").equals(closed.id()))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("open", false).doesNotContainEntry("closed_at", null));
    }

    /** No rows for the orders but one that is out of date (its report time is never updated, as before). */
    void seed(Long[] ids, WorkOrder stale) {
        jdbc.sql("DELETE FROM residents_public_report WHERE order_id = ANY (:ids)").param("ids", ids).update();
        jdbc.sql("""
                        INSERT INTO residents_public_report (order_id, number, district_code, grid_code, category_code, status, lat, lon,
                            reported_at, closed_at, open)
                        VALUES (:id, :number, :district, NULL, NULL, 'REPORTED', 0, 0, :reported, NULL, TRUE)""")
                .param("id", stale.id()).param("number", stale.number()).param("district", stale.districtCode())
                .param("reported", java.sql.Timestamp.from(stale.createdAt().minusSeconds(60))).update();
    }

    List<Map<String, Object>> rows(Long[] ids) {
        return jdbc.sql("SELECT * FROM residents_public_report WHERE order_id = ANY (:ids) ORDER BY order_id").param("ids", ids)
                .query().listOfRows();
    }

    static WorkOrderJournaled change(WorkOrder o, Instant at) {
        return new WorkOrderJournaled(List.of(new WorkOrderTransitioned(o.id(), o.number(), o.districtCode(), o.gridCode(),
                Action.SUPERVISE, o.status(), o.status(), 1, at, o.categoryCode(), o.urgency(), Source.RESIDENT, null,
                o.assigneeOrgUnitId(), null, List.of(), o.stage(), at, o.stageDueAt(), true, false, 0)));
    }
}
