package org.yiwang.intake.web.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook screens. Subscribers point at 127.0.0.1, which this (default) context refuses to call: nothing
 * leaves the machine, and a failed attempt leaves a delivery pending.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookAdminScreensTests {

    static final String URL = "http://127.0.0.1:9/hook";
    static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9_-]{43}");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long hookCount() {
        return jdbc.sql("SELECT count(*) FROM intake_webhook").query(Long.class).single();
    }

    long idOf(String name) {
        return jdbc.sql("SELECT id FROM intake_webhook WHERE name = :n").param("n", name).query(Long.class).single();
    }

    boolean enabled(long id) {
        return jdbc.sql("SELECT enabled FROM intake_webhook WHERE id = :id").param("id", id).query(Boolean.class).single();
    }

    String deliveryStatus(long id) {
        return jdbc.sql("SELECT status FROM intake_webhook_delivery WHERE id = :id").param("id", id).query(String.class).single();
    }

    void kill(long deliveryId) {
        jdbc.sql("UPDATE intake_webhook_delivery SET status = 'DEAD', attempts = 8, last_error = 'HTTP 503' WHERE id = :id")
                .param("id", deliveryId).update();
    }

    /** Adds a subscriber through the screen; the secret shown once. */
    String create(String name) throws Exception {
        String page = mvc.perform(post("/admin/webhooks").with(as("admin")).with(csrf())
                        .param("name", name).param("url", URL).param("eventTypes", "order.close", "report.pending")
                        .param("sources", "HOTLINE_12345").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("推送订阅已创建")))
                .andExpect(content().string(containsString("离开本页后将无法再次查看")))
                .andExpect(content().string(containsString("工单结案")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as("the secret on the page").isTrue();
        return secret.group();
    }

    long ping(long hook) throws Exception {
        mvc.perform(post("/admin/webhooks/{id}/ping", hook).with(as("admin")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/webhooks/deliveries?webhookId=" + hook))
                .andExpect(flash().attribute("flashSuccess", containsString("测试事件")));
        return jdbc.sql("SELECT max(id) FROM intake_webhook_delivery WHERE webhook_id = :h AND event_type = 'ping'")
                .param("h", hook).query(Long.class).single();
    }

    @Test
    void theSubscribersAreListedInChineseAndOnlyAdministratorsMayOpenThem() throws Exception {
        mvc.perform(get("/admin/webhooks").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("网络推送")))
                .andExpect(content().string(containsString("新建推送订阅")))
                .andExpect(content().string(containsString("全部工单事件")));
        mvc.perform(get("/admin/webhooks/deliveries").param("status", "DEAD").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("推送死信")));
        mvc.perform(get("/admin/webhooks").with(as("dispatcher")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("无权操作")));
        mvc.perform(get("/admin/webhooks/deliveries").with(as("handler"))).andExpect(status().isForbidden());
        long before = hookCount();
        mvc.perform(post("/admin/webhooks").with(as("dispatcher")).with(csrf())
                        .param("name", "越权").param("url", URL).param("eventTypes", "order.*"))
                .andExpect(status().isForbidden());
        assertThat(hookCount()).isEqualTo(before);
    }

    @Test
    void aNewSubscribersSecretIsShownOnceAndItIsDisabledEnabledAndDeletedAfterAConfirmation() throws Exception {
        String name = "12345 回访 " + UUID.randomUUID();
        String secret = create(name);
        long id = idOf(name);
        mvc.perform(get("/admin/webhooks").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("12345 热线")))
                .andExpect(content().string(not(containsString(secret))));

        mvc.perform(post("/admin/webhooks/{id}/disable", id).with(as("admin")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", containsString("已停用")));
        assertThat(enabled(id)).isFalse();
        mvc.perform(post("/admin/webhooks/{id}/enable", id).with(as("admin")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(enabled(id)).isTrue();

        mvc.perform(get("/admin/webhooks/{id}/delete", id).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("确认删除")));
        assertThat(hookCount()).isPositive();
        mvc.perform(post("/admin/webhooks/{id}/delete", id).with(as("admin")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", containsString(name)));
        assertThat(jdbc.sql("SELECT count(*) FROM intake_webhook WHERE id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void badInputShowsTheFormAgainWithTheReasonAndAddsNothing() throws Exception {
        long before = hookCount();
        mvc.perform(post("/admin/webhooks").with(as("admin")).with(csrf())
                        .param("name", " ").param("url", URL).param("eventTypes", "order.*"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("form-error")))
                .andExpect(content().string(containsString("名称：必填项为空")));
        mvc.perform(post("/admin/webhooks").with(as("admin")).with(csrf())
                        .param("name", "错误网址").param("url", "ftp://files.example/hook").param("eventTypes", "order.*"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("只允许 http 和 https 网址")))
                .andExpect(content().string(containsString("错误网址")));
        mvc.perform(post("/admin/webhooks").with(as("admin")).with(csrf())
                        .param("name", "不成网址").param("url", "not a url").param("eventTypes", "order.*"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("form-error")));
        mvc.perform(post("/admin/webhooks").with(as("admin")).with(csrf())
                        .param("name", "未知事件").param("url", URL).param("eventTypes", "order.teleport"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("order.teleport 不是事件类型")));
        mvc.perform(post("/admin/webhooks").with(as("admin")).with(csrf())
                        .param("name", "未选事件").param("url", URL))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请至少选择一种事件类型")));
        assertThat(hookCount()).isEqualTo(before);
    }

    @Test
    void deadDeliveriesAreListedAndRedeliveredOneByOneOrAllAtOnce() throws Exception {
        String name = "数字城管 " + UUID.randomUUID();
        create(name);
        long hook = idOf(name);
        long first = ping(hook);
        long second = ping(hook);
        mvc.perform(get("/admin/webhooks/deliveries").param("webhookId", String.valueOf(hook)).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("delivery-" + first)))
                .andExpect(content().string(containsString("测试事件")));
        kill(first);
        kill(second);
        mvc.perform(get("/admin/webhooks/deliveries").param("status", "DEAD").param("webhookId", String.valueOf(hook)).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("推送死信")))
                .andExpect(content().string(containsString("delivery-" + first)))
                .andExpect(content().string(containsString("HTTP 503")))
                .andExpect(content().string(containsString("重新投递“" + name + "”的全部死信")));

        mvc.perform(post("/admin/webhooks/deliveries/{id}/redeliver", first).with(as("admin")).with(csrf())
                        .param("webhookId", String.valueOf(hook)).param("status", "DEAD"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/webhooks/deliveries?webhookId=" + hook + "&status=DEAD"))
                .andExpect(flash().attribute("flashSuccess", containsString(String.valueOf(first))));
        assertThat(deliveryStatus(first)).isEqualTo("PENDING");
        assertThat(deliveryStatus(second)).isEqualTo("DEAD");

        kill(first);
        mvc.perform(post("/admin/webhooks/{id}/redeliver-dead", hook).with(as("admin")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", containsString("2 条死信")));
        assertThat(deliveryStatus(first)).isEqualTo("PENDING");
        assertThat(deliveryStatus(second)).isEqualTo("PENDING");

        mvc.perform(post("/admin/webhooks/deliveries/{id}/redeliver", first).with(as("dispatcher")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/webhooks/deliveries").param("status", "LOST").with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不是推送状态")));
    }
}
