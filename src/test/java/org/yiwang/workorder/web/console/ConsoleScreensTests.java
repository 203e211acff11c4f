package org.yiwang.workorder.web.console;

import org.yiwang.workorder.WorkOrderSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WorkOrderSpringTest
class ConsoleScreensTests {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired WorkOrderQueries queries;
    @Autowired ApplicationContext context;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    WorkOrder reload(WorkOrder order) {
        return queries.get(order.id(), demo.actor("dispatcher"));
    }

    @Test
    void theDispatcherSeesNewReportsOfTheirStreetInTheQueue() throws Exception {
        WorkOrder order = demo.reported("请派人看看贡院街东口的情况（队列）");
        mvc.perform(get("/console/queue").param("q", order.number()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("派遣台")))
                .andExpect(content().string(containsString("待立案")))
                .andExpect(content().string(containsString(order.number())));
        mvc.perform(get("/console/queue").param("tab", "reported").param("lang", "en").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dispatch queue")));
    }

    @Test
    void aDispatcherOfAnotherStreetCannotOpenTheOrderPage() throws Exception {
        WorkOrder order = demo.reported("请派人看看贡院街东口的情况（范围）");
        mvc.perform(get("/console/orders/{id}", order.id()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())));
        mvc.perform(get("/console/orders/{id}", order.id()).with(as("dispatcher-honghua")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("工单 " + order.id() + " 不存在")))
                .andExpect(content().string(not(containsString(order.number()))));
        mvc.perform(get("/console/queue").param("q", order.number()).with(as("dispatcher-honghua")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此分类下暂无工单")))
                .andExpect(content().string(not(containsString(">" + order.number() + "</a>"))));
    }

    @Test
    void aHandlerCannotFileReportsOrOpenTheQueue() throws Exception {
        WorkOrder order = demo.dispatchedToHandler("请派人看看贡院街东口的情况（处置单位）");
        mvc.perform(get("/console/queue").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(post("/console/orders/{id}/register", order.id()).with(as("handler")).with(csrf())
                        .param("categoryCode", demo.handlerCategory()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("您无权对此工单执行“立案”")));
        assertThat(reload(order).status()).isEqualTo(WorkOrderStatus.DISPATCHED);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        WorkOrder order = demo.reported("请派人看看贡院街东口的情况（CSRF）");
        mvc.perform(post("/console/orders/{id}/register", order.id()).with(as("dispatcher"))
                        .param("categoryCode", demo.handlerCategory()))
                .andExpect(status().isForbidden());
        assertThat(reload(order).status()).isEqualTo(WorkOrderStatus.REPORTED);
    }

    @Test
    void filingWithoutACategoryShowsTheFormAgainWithTheReason() throws Exception {
        WorkOrder order = demo.reported("请派人看看贡院街东口的情况（缺类别）");
        mvc.perform(post("/console/orders/{id}/register", order.id()).with(as("dispatcher")).with(csrf())
                        .param("note", "先立案再说"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择问题类别")))
                .andExpect(content().string(containsString("先立案再说")));
        mvc.perform(post("/console/orders/{id}/register", order.id()).with(as("dispatcher")).with(csrf())
                        .param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A category is required")));
        assertThat(reload(order).status()).isEqualTo(WorkOrderStatus.REPORTED);
    }

    @Test
    void theDispatcherFilesAndDispatchesAsSuggestedThenTheHandlerSignsAndHandlesWithAPhoto() throws Exception {
        WorkOrder order = demo.reported("请派人看看贡院街东口的情况（主线）");
        String category = demo.handlerCategory();
        mvc.perform(post("/console/orders/{id}/register", order.id()).with(as("dispatcher")).with(csrf())
                        .param("categoryCode", category).param("urgency", "URGENT"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/orders/" + order.id()))
                .andExpect(flash().attribute("flashSuccess", containsString("立案成功")));
        mvc.perform(get("/console/orders/{id}", order.id()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("建议派往")))
                .andExpect(content().string(containsString("城市管理局")))
                .andExpect(content().string(containsString("派遣依据")));
        mvc.perform(post("/console/orders/{id}/dispatch", order.id()).with(as("dispatcher")).with(csrf()).param("mode", "suggested"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", containsString("派遣成功")));

        mvc.perform(get("/console/inbox").param("q", order.number()).with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())));
        mvc.perform(post("/console/orders/{id}/accept", order.id()).with(as("handler")).with(csrf())
                        .param("returnTo", "/console/inbox"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/inbox"));
        mvc.perform(multipart("/console/orders/{id}/handle", order.id()).file(new MockMultipartFile("photos", "after.jpg", "image/jpeg", JPEG))
                        .param("note", "已清理完毕").with(as("handler")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", containsString("处置反馈成功")));
        WorkOrder handled = reload(order);
        assertThat(handled.status()).isEqualTo(WorkOrderStatus.HANDLED);
        mvc.perform(get("/console/orders/{id}", order.id()).with(as("dispatcher")))
                .andExpect(content().string(containsString("已清理完毕")))
                .andExpect(content().string(containsString("/api/photos/")));
    }

    @Test
    void overridingTheSuggestionNeedsAReason() throws Exception {
        WorkOrder order = demo.reported("请派人看看贡院街东口的情况（改派）");
        demo.act(order.id(), org.yiwang.workorder.Action.REGISTER, new org.yiwang.workorder.ActOnOrder(null, java.util.List.of(),
                demo.handlerCategory(), null, null, java.util.List.of(), null, null, null, null), demo.actor("dispatcher"));
        long street = demo.actor("dispatcher").orgUnitId();
        mvc.perform(post("/console/orders/{id}/dispatch", order.id()).with(as("dispatcher")).with(csrf())
                        .param("mode", "override").param("orgUnitId", String.valueOf(street)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("改派须填写原因")));
        mvc.perform(post("/console/orders/{id}/dispatch", order.id()).with(as("dispatcher")).with(csrf())
                        .param("mode", "override").param("orgUnitId", String.valueOf(street)).param("note", "街道自行处置"))
                .andExpect(status().isFound());
        assertThat(reload(order).assigneeOrgUnitId()).isEqualTo(street);
    }

    @Test
    void theDispatcherBlowsAWhistleSummoningADistrictDepartment() throws Exception {
        WorkOrder order = demo.dispatchedToHandler("请派人看看贡院街东口的情况（吹哨）");
        long department = demo.actor("handler").orgUnitId();
        mvc.perform(get("/console/orders/{id}", order.id()).with(as("dispatcher")))
                .andExpect(content().string(containsString("吹哨报到")))
                .andExpect(content().string(containsString("name=\"departmentIds\" value=\"" + department + "\"")));
        mvc.perform(post("/console/orders/{id}/whistle", order.id()).with(as("dispatcher")).with(csrf())
                        .param("kind", "ROUTINE").param("reason", "占道经营反复出现"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("form-error")));
        mvc.perform(post("/console/orders/{id}/whistle", order.id()).with(as("dispatcher")).with(csrf())
                        .param("kind", "ROUTINE").param("reason", "占道经营反复出现").param("departmentIds", String.valueOf(department)))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", containsString(order.number())));
        mvc.perform(get("/console/orders/{id}", order.id()).with(as("dispatcher")))
                .andExpect(content().string(containsString("日常哨")))
                .andExpect(content().string(containsString("待报到")));
    }

    @Test
    void anExtensionRequestIsAnsweredAndSupervisionGoesBackToTheList() throws Exception {
        WorkOrder order = demo.acceptedByHandler("请派人看看贡院街东口的情况（延时）");
        mvc.perform(post("/console/orders/{id}/request-extension", order.id()).with(as("handler")).with(csrf())
                        .param("until", "not a time").param("note", "材料未到"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不是有效的时间")));
        String until = java.time.LocalDateTime.ofInstant(order.stageDueAt().plus(java.time.Duration.ofDays(5)), ConsoleTime.ZONE)
                .withSecond(0).withNano(0).toString();
        mvc.perform(post("/console/orders/{id}/request-extension", order.id()).with(as("handler")).with(csrf())
                        .param("until", until).param("note", "材料未到"))
                .andExpect(status().isFound());
        mvc.perform(get("/console/queue").param("tab", "extensions").param("q", order.number()).with(as("dispatcher")))
                .andExpect(content().string(containsString(order.number())));
        mvc.perform(post("/console/orders/{id}/approve-extension", order.id()).with(as("dispatcher")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", containsString("批准延时成功")));
        assertThat(reload(order).stageDueAt()).isAfter(order.stageDueAt());
        mvc.perform(post("/console/orders/{id}/supervise", order.id()).with(as("dispatcher")).with(csrf())
                        .param("returnTo", "/console/overdue").param("note", "请加快"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/overdue"));
        assertThat(reload(order).supervisionCount()).isEqualTo(1);
    }

    @Test
    void theOverduePageAndTheCategorySearchAnswer() throws Exception {
        mvc.perform(get("/console/overdue").with(as("dispatcher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("超期督办")));
        mvc.perform(get("/console/categories").param("q", "井盖").with(as("dispatcher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<optgroup")))
                .andExpect(content().string(containsString("井盖")));
        mvc.perform(get("/console/overdue").with(as("handler"))).andExpect(status().isForbidden());
    }
}
