package org.yiwang.workorder.web.console;

import org.yiwang.workorder.WorkOrderSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.DemoOrders;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderQueries.OrderSort;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two reads the console added to {@link WorkOrderQueries}: due-first order and pending extension requests. */
@WorkOrderSpringTest
class OrderSortAndExtensionTests {

    @Autowired WorkOrderQueries queries;
    @Autowired ApplicationContext context;

    @Test
    void dueFirstListsTheOrderThatIsDueSoonestFirstWhileNewestListsTheLatestFirst() {
        DemoOrders demo = DemoOrders.of(context);
        WorkOrder earlier = demo.reported("请派人看看（排序一）");
        WorkOrder later = demo.reported("请派人看看（排序二）");
        Actor dispatcher = demo.actor("dispatcher");
        OrderFilter reported = new OrderFilter(WorkOrderStatus.REPORTED, null, null, null, null, null, null, null, null, null);

        List<Long> dueFirst = ids(queries.list(reported, OrderSort.DUE_FIRST, 0, 200, dispatcher));
        List<Long> newest = ids(queries.list(reported, OrderSort.NEWEST, 0, 200, dispatcher));

        assertThat(dueFirst).containsSubsequence(earlier.id(), later.id());
        assertThat(newest).containsSubsequence(later.id(), earlier.id());
        assertThat(queries.list(reported, 0, 200, dispatcher).content()).extracting(WorkOrder::id).containsExactlyElementsOf(newest);
    }

    @Test
    void extensionRequestsListOnlyOrdersWhoseUnitAskedForMoreTime() {
        DemoOrders demo = DemoOrders.of(context);
        WorkOrder asking = demo.acceptedByHandler("请派人看看（延时）");
        WorkOrder quiet = demo.acceptedByHandler("请派人看看（不延时）");
        demo.act(asking.id(), Action.REQUEST_EXTENSION, new ActOnOrder("材料未到", List.of(), null, null, null, List.of(),
                asking.stageDueAt().plus(Duration.ofDays(5)), null, null, null), demo.actor("handler"));

        List<Long> requests = ids(queries.extensionRequests(0, 200, demo.actor("dispatcher")));

        assertThat(requests).contains(asking.id()).doesNotContain(quiet.id());
        assertThat(queries.countExtensionRequests(demo.actor("dispatcher"))).isEqualTo(requests.size());
        assertThat(queries.countByStatus(OrderFilter.NONE, demo.actor("dispatcher")).get(WorkOrderStatus.ACCEPTED))
                .isEqualTo(queries.list(new OrderFilter(WorkOrderStatus.ACCEPTED, null, null, null, null, null, null, null, null, null),
                        0, 1, demo.actor("dispatcher")).totalElements());
        assertThat(ids(queries.extensionRequests(0, 200, demo.actor("dispatcher-honghua")))).doesNotContain(asking.id());
    }

    private static List<Long> ids(WorkOrderQueries.Page page) {
        return page.content().stream().map(WorkOrder::id).toList();
    }
}
