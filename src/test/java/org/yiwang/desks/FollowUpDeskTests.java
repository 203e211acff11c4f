package org.yiwang.desks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class FollowUpDeskTests {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired WorkOrderQueries queries;
    @Autowired org.yiwang.catalog.WorkingCalendar calendar;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** An order walked through its whole life by the demo people, then rated by its reporter. */
    WorkOrder rated(String what, Satisfaction satisfaction) {
        WorkOrder order = demo.acceptedByHandler(what);
        demo.act(order.id(), Action.HANDLE, ActOnOrder.note("已处理"), demo.actor("handler"));
        demo.act(order.id(), Action.REQUEST_VERIFICATION, ActOnOrder.note(""), demo.actor("dispatcher"));
        demo.act(order.id(), Action.APPROVE, ActOnOrder.note("现场已恢复"), demo.actor("gridworker"));
        demo.act(order.id(), Action.CLOSE, ActOnOrder.note("结案"), demo.actor("dispatcher"));
        return demo.act(order.id(), Action.EVALUATE, new ActOnOrder("还是老样子", List.of(), null, null, null, List.of(), null,
                satisfaction, null, null), demo.actor("resident"));
    }

    long followUpOf(WorkOrder order) {
        await().atMost(WAIT).until(() -> task(order).isPresent());
        return task(order).orElseThrow();
    }

    Optional<Long> task(WorkOrder order) {
        return jdbc.sql("SELECT id FROM desks_follow_up WHERE order_id = :id").param("id", order.id()).query(Long.class).optional();
    }

    @Test
    void aDissatisfiedRatingOpensAFollowUpForTheStreetsDispatchersAndTellsThem() throws Exception {
        WorkOrder order = rated("贡院街路灯不亮（回访）", Satisfaction.DISSATISFIED);
        long id = followUpOf(order);
        mvc.perform(get("/desks/follow-ups").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())))
                .andExpect(content().string(containsString("139****5678")))
                .andExpect(content().string(not(containsString("13912345678"))));
        mvc.perform(get("/desks/follow-ups").with(as("dispatcher-honghua")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(order.number()))));
        mvc.perform(get("/desks/follow-ups/{id}", id).with(as("dispatcher-honghua"))).andExpect(status().isNotFound());
        mvc.perform(get("/desks/follow-ups").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(get("/desks/follow-ups").with(as("resident"))).andExpect(status().isForbidden());
        long dispatcher = demo.actor("dispatcher").userId();
        await().atMost(WAIT).until(() -> jdbc.sql("""
                        SELECT count(*) FROM notify_inbox WHERE user_id = :user AND template_key = 'desks.notice.followUp'
                           AND link = :link""")
                .param("user", dispatcher).param("link", "/desks/follow-ups/" + id).query(Long.class).single() == 1);
    }

    @Test
    void theCallIsDueTwoWorkingDaysAfterTheTaskOpenedAndShowsRedOnceLate() throws Exception {
        WorkOrder order = rated("贡院街路灯不亮（回访时限）", Satisfaction.DISSATISFIED);
        long id = followUpOf(order);
        Map<String, Object> task = jdbc.sql("SELECT created_at, due_at FROM desks_follow_up WHERE id = :id").param("id", id).query().singleRow();
        Instant created = ((java.sql.Timestamp) task.get("created_at")).toInstant();
        Instant due = ((java.sql.Timestamp) task.get("due_at")).toInstant();
        assertThat(due).isEqualTo(calendar.addWorkingDays(created, 2));
        mvc.perform(get("/desks/follow-ups").with(as("dispatcher")))
                .andExpect(content().string(containsString("回访时限")));

        // late: the same task shown after its due time is marked overdue
        jdbc.sql("UPDATE desks_follow_up SET due_at = now() - interval '1 hour' WHERE id = :id").param("id", id).update();
        String page = mvc.perform(get("/desks/follow-ups").with(as("dispatcher"))).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf(order.number()) - 400, page.indexOf(order.number()) + 1200);
        assertThat(row).contains("row-RED").contains("已超时");
    }

    @Test
    void aSatisfiedRatingOpensNoFollowUp() throws Exception {
        WorkOrder satisfied = rated("贡院街路灯不亮（满意）", Satisfaction.SATISFIED);
        WorkOrder dissatisfied = rated("贡院街路灯不亮（对照）", Satisfaction.DISSATISFIED);
        followUpOf(dissatisfied); // the follower got past the satisfied rating, which came first
        assertThat(task(satisfied)).isEmpty();
    }

    @Test
    void theDispatcherRecordsTheCallAndReopensTheOrderWhenTheProblemPersists() throws Exception {
        WorkOrder order = rated("贡院街路灯不亮（重新办理）", Satisfaction.DISSATISFIED);
        long id = followUpOf(order);
        mvc.perform(get("/desks/follow-ups/{id}", id).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(post("/desks/follow-ups/{id}", id).with(as("dispatcher")).param("reached", "true").param("result", "仍不亮"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desks/follow-ups/{id}", id).with(as("dispatcher")).with(csrf()).param("reached", "false")
                        .param("result", "仍不亮").param("reopen", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("只有联系上居民后才能重新办理工单")));
        mvc.perform(post("/desks/follow-ups/{id}", id).with(as("dispatcher")).with(csrf()).param("reached", "true").param("result", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("result")));
        assertThat(queries.get(order.id(), demo.actor("dispatcher")).status()).isEqualTo(WorkOrderStatus.EVALUATED);
        mvc.perform(post("/desks/follow-ups/{id}", id).with(as("dispatcher")).with(csrf()).param("reached", "true")
                        .param("result", "居民反映路灯仍不亮").param("reopen", "true"))
                .andExpect(redirectedUrl("/desks/follow-ups"));
        assertThat(queries.get(order.id(), demo.actor("dispatcher")).status()).isEqualTo(WorkOrderStatus.REGISTERED);
        mvc.perform(post("/desks/follow-ups/{id}", id).with(as("dispatcher")).with(csrf()).param("reached", "true")
                        .param("result", "再次登记"))
                .andExpect(redirectedUrl("/desks/follow-ups/" + id));
        mvc.perform(get("/desks/follow-ups").param("tab", "done").param("lang", "en").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Order reopened")))
                .andExpect(content().string(containsString("居民反映路灯仍不亮")));
    }

    @Test
    void aCallNotReachingTheResidentLeavesTheOrderClosed() throws Exception {
        WorkOrder order = rated("贡院街路灯不亮（未接通）", Satisfaction.DISSATISFIED);
        long id = followUpOf(order);
        mvc.perform(post("/desks/follow-ups/{id}", id).with(as("dispatcher")).with(csrf()).param("reached", "false")
                        .param("result", "电话无人接听"))
                .andExpect(redirectedUrl("/desks/follow-ups"));
        assertThat(queries.get(order.id(), demo.actor("dispatcher")).status()).isEqualTo(WorkOrderStatus.EVALUATED);
    }
}
