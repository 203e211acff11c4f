package org.yiwang.workorder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.workorder.Orders.CO_HANDLER;
import static org.yiwang.workorder.Orders.DEADLINES;
import static org.yiwang.workorder.Orders.DISPATCHER;
import static org.yiwang.workorder.Orders.GRID_WORKER;
import static org.yiwang.workorder.Orders.T0;

/** {@link WorkOrderRows} maps each state's facts to the columns and back: an order read is the order stored. */
@WorkOrderSpringTest
class HandlingStorageTests {

    static final String PREFIX = "HSTEST";

    @Autowired WorkOrders orders;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void removeTheOrders() {
        jdbc.sql("DELETE FROM workorder_order WHERE number LIKE :p").param("p", PREFIX + "%").update();
    }

    @Test
    void everyStateComesBackFromStorageWithTheSameFacts() {
        List<WorkOrder> stored = new ArrayList<>();
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            stored.add(Orders.in(status));
        }
        WorkOrder merged = Orders.in(WorkOrderStatus.REGISTERED);
        merged.mergeInto(4242L, DISPATCHER, T0.plus(Duration.ofHours(1)), "");
        stored.add(merged);
        WorkOrder onSpot = Orders.in(WorkOrderStatus.REPORTED);
        onSpot.closeOnSpot(GRID_WORKER, T0.plus(Duration.ofMinutes(20)), "已扶正", List.of());
        stored.add(onSpot);
        WorkOrder disputed = Orders.in(WorkOrderStatus.ACCEPTED);
        Instant asked = T0.plus(Duration.ofMinutes(20));
        disputed.requestAssistReturn(8L, CO_HANDLER, asked, "不属于本单位", "DL-C01002-DISTRICT", CoHandlingLimits.DEFAULT, DEADLINES);
        disputed.rejectAssistReturn(8L, DISPATCHER, asked.plusSeconds(60), "清单明确由该单位配合", CoHandlingLimits.DEFAULT, DEADLINES);
        stored.add(disputed);
        WorkOrder approved = Orders.in(WorkOrderStatus.VERIFYING);
        approved.approve(GRID_WORKER, T0.plus(Duration.ofMinutes(50)), "", List.of());
        stored.add(approved);
        WorkOrder closedLate = Orders.in(WorkOrderStatus.VERIFYING); // handled on time, verified and closed a month late
        closedLate.approve(GRID_WORKER, T0.plus(Duration.ofDays(30)), "", List.of());
        closedLate.close(DISPATCHER, T0.plus(Duration.ofDays(30)), "");
        assertThat(closedLate.handledOnTime()).isTrue();
        assertThat(closedLate.closedOnTime()).isFalse();
        stored.add(closedLate);

        for (int i = 0; i < stored.size(); i++) {
            WorkOrder order = stored.get(i);
            order.number = PREFIX + i; // the walked orders share their number and key; the table wants them unique
            order.idempotencyKey = null;
            orders.save(order);
            WorkOrder read = orders.findById(order.id()).orElseThrow();
            assertThat(read.status()).as(order.number()).isEqualTo(order.status());
            assertThat(read.handling()).as(order.number()).isEqualTo(order.handling());
            assertThat(comparable(WorkOrderRows.values(read))).as(order.number()).isEqualTo(comparable(WorkOrderRows.values(order)));
        }
        assertThat(stored.stream().map(o -> o.handling().getClass().getSimpleName()).distinct())
                .containsExactlyInAnyOrder("Unassigned", "WithUnit", "Handled", "Closed", "Voided", "Merged");
    }

    /** The assisting units are written as an array, which equals another only by identity; compare them as lists. */
    private static Map<String, Object> comparable(Map<String, Object> values) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.replaceAll((column, value) -> value instanceof Object[] array ? Arrays.asList(array) : value);
        return copy;
    }
}
