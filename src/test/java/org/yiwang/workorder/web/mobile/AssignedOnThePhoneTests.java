package org.yiwang.workorder.web.mobile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderSpringTest;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An order that routing gives to the grid worker (a small matter in their grid) can be signed for, handled
 * and returned by every role that can be its assignee: the grid worker on the phone, the community's staff
 * on the phone or in the console inbox; nobody else.
 */
@WorkOrderSpringTest
class AssignedOnThePhoneTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;

    FieldOrders orders;

    @BeforeEach
    void fieldOrders() {
        orders = FieldOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    WorkOrder routedToTheGridWorker(String description) {
        WorkOrder order = orders.reportIn(orders.gridWorkersGrid(), description, orders.smallMatter().code(), "resident", List.of());
        assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
        assertThat(order.assigneeUserId()).isEqualTo(orders.actor("gridworker").userId());
        return order;
    }

    WorkOrderStatus statusOf(WorkOrder order) {
        return queries.get(order.id(), orders.actor("dispatcher")).status();
    }

    @Test
    void gridWorkerSignsForAndHandlesAnOrderRoutedToThemFromThePhone() throws Exception {
        WorkOrder order = routedToTheGridWorker("楼道堆放杂物，请网格员处理");
        mvc.perform(get("/m/grid").with(as("gridworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("派给我的")))
                .andExpect(content().string(containsString(order.number())));
        mvc.perform(get("/m/grid/orders/" + order.id()).with(as("gridworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accept\"")));
        mvc.perform(post("/m/grid/orders/" + order.id() + "/accept").with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(order)).isEqualTo(WorkOrderStatus.ACCEPTED);
        mvc.perform(get("/m/grid/orders/" + order.id()).with(as("gridworker")))
                .andExpect(content().string(containsString("id=\"handle\"")))
                .andExpect(content().string(containsString("capture=\"environment\"")));
        mvc.perform(multipart("/m/grid/orders/" + order.id() + "/handle")
                        .file(new MockMultipartFile("photos", "after.jpg", "image/jpeg", FieldOrders.JPEG))
                        .param("note", "杂物已清理").with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(order)).isEqualTo(WorkOrderStatus.HANDLED);
    }

    @Test
    void gridWorkerReturnsAnOrderOnlyWithAReason() throws Exception {
        WorkOrder order = routedToTheGridWorker("路边杂物堆放，不在本网格职责内");
        mvc.perform(post("/m/grid/orders/" + order.id() + "/return").param("note", " ").with(as("gridworker")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(statusOf(order)).isEqualTo(WorkOrderStatus.DISPATCHED);
        mvc.perform(post("/m/grid/orders/" + order.id() + "/return").param("note", "属物业管理范围").with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(order)).isEqualTo(WorkOrderStatus.REGISTERED);
    }

    @Test
    void gridWorkerOpensTheConsoleInboxWithTheOrdersRoutedToThem() throws Exception {
        WorkOrder order = routedToTheGridWorker("小广告张贴，网格员收件箱");
        mvc.perform(get("/console/inbox").with(as("gridworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())));
    }

    @Test
    void communityStaffSignForAndHandleAnOrderRoutedToTheirGridWorker() throws Exception {
        WorkOrder order = routedToTheGridWorker("绿化带垃圾，社区代为处置");
        mvc.perform(get("/console/inbox").with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())));
        mvc.perform(get("/console/orders/" + order.id()).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/console/orders/" + order.id() + "/accept")));
        mvc.perform(post("/console/orders/" + order.id() + "/accept").with(as("community")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(order)).isEqualTo(WorkOrderStatus.ACCEPTED);
        mvc.perform(get("/m/grid").with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())));
        mvc.perform(multipart("/m/grid/orders/" + order.id() + "/handle")
                        .file(new MockMultipartFile("photos", "after.jpg", "image/jpeg", FieldOrders.JPEG))
                        .param("note", "社区已清理").with(as("community")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(order)).isEqualTo(WorkOrderStatus.HANDLED);
    }

    @Test
    void aDepartmentCannotSignForAnOrderRoutedToTheGridWorker() throws Exception {
        WorkOrder order = routedToTheGridWorker("井边杂物，部门无权签收");
        mvc.perform(post("/console/orders/" + order.id() + "/accept").with(as("handler")).with(csrf()))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/m/grid/orders/" + order.id() + "/accept").with(as("handler")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/m/grid").with(as("gridworker")))
                .andExpect(content().string(not(containsString("id=\"accept\""))));
        assertThat(statusOf(order)).isEqualTo(WorkOrderStatus.DISPATCHED);
    }
}
