package org.yiwang.open311.web.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.open311.ApiKeys;

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

@SpringBootTest
@AutoConfigureMockMvc
class ApiKeyAdminScreensTests {

    static final Pattern KEY = Pattern.compile(Pattern.quote(ApiKeys.PREFIX) + "[A-Za-z0-9_-]{43}");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApiKeys keys;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long keyCount() {
        return jdbc.sql("SELECT count(*) FROM open311_api_key").query(Long.class).single();
    }

    long idOf(String clientName) {
        return jdbc.sql("SELECT id FROM open311_api_key WHERE client_name = :n").param("n", clientName).query(Long.class).single();
    }

    /** Issues a key through the screen; the key shown once. */
    String issue(String clientName, String rate) throws Exception {
        String page = mvc.perform(post("/admin/open311-keys").with(as("admin")).with(csrf())
                        .param("clientName", clientName).param("contact", "王工 025-12345678").param("requestsPerMinute", rate))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("离开本页后将无法再次查看")))
                .andExpect(content().string(containsString(clientName)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher key = KEY.matcher(page);
        assertThat(key.find()).as("the key on the page").isTrue();
        return key.group();
    }

    @Test
    void theKeysAreListedInChineseAndOnlyAdministratorsMayOpenThem() throws Exception {
        mvc.perform(get("/admin/open311-keys").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open311 接口密钥")))
                .andExpect(content().string(containsString("签发接口密钥")))
                .andExpect(content().string(containsString("每分钟调用上限")));
        mvc.perform(get("/admin/open311-keys").param("lang", "en").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Issue an API key")));
        mvc.perform(get("/admin/open311-keys").with(as("dispatcher")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("无权操作")));
        long before = keyCount();
        mvc.perform(post("/admin/open311-keys").with(as("dispatcher")).with(csrf()).param("clientName", "越权"))
                .andExpect(status().isForbidden());
        assertThat(keyCount()).isEqualTo(before);
    }

    @Test
    void anIssuedKeyIsShownOnceWorksAndIsListedByItsPrefixOnly() throws Exception {
        String client = "街道随手拍 " + UUID.randomUUID();
        String key = issue(client, "90");
        assertThat(keys.verify(key)).get().satisfies(k -> {
            assertThat(k.clientName()).isEqualTo(client);
            assertThat(k.requestsPerMinute()).isEqualTo(90);
        });
        mvc.perform(get("/admin/open311-keys").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(client)))
                .andExpect(content().string(containsString(key.substring(0, 12))))
                .andExpect(content().string(not(containsString(key))))
                .andExpect(content().string(containsString("从未使用")));
    }

    @Test
    void badInputShowsTheFormAgainWithTheReasonAndIssuesNothing() throws Exception {
        long before = keyCount();
        mvc.perform(post("/admin/open311-keys").with(as("admin")).with(csrf()).param("clientName", "  ").param("requestsPerMinute", "60"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("form-error")))
                .andExpect(content().string(containsString("必须填写客户端名称")));
        mvc.perform(post("/admin/open311-keys").with(as("admin")).with(csrf()).param("clientName", "限流过高").param("requestsPerMinute", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("每分钟调用上限须为 1 至")))
                .andExpect(content().string(containsString("限流过高")));
        mvc.perform(post("/admin/open311-keys").with(as("admin")).with(csrf()).param("clientName", "不是数字").param("requestsPerMinute", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("每分钟调用上限须为 1 至")));
        mvc.perform(post("/admin/open311-keys").with(as("admin")).with(csrf()).param("clientName", "名".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("客户端名称 过长")));
        assertThat(keyCount()).isEqualTo(before);
    }

    @Test
    void theRateIsChangedAndABadRateChangesNothing() throws Exception {
        String client = "限流调整 " + UUID.randomUUID();
        String key = issue(client, "");
        long id = idOf(client);
        assertThat(keys.verify(key).orElseThrow().requestsPerMinute()).isEqualTo(60);
        mvc.perform(post("/admin/open311-keys/{id}/rate", id).with(as("admin")).with(csrf()).param("requestsPerMinute", "120"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/open311-keys"))
                .andExpect(flash().attribute("flashSuccess", containsString("120")));
        mvc.perform(post("/admin/open311-keys/{id}/rate", id).with(as("admin")).with(csrf()).param("requestsPerMinute", "100001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("每分钟调用上限须为 1 至")))
                .andExpect(content().string(containsString("rate-error-" + id)));
        assertThat(rate(id)).isEqualTo(120);
        mvc.perform(post("/admin/open311-keys/{id}/rate", id).with(as("handler")).with(csrf()).param("requestsPerMinute", "5"))
                .andExpect(status().isForbidden());
        assertThat(rate(id)).isEqualTo(120);
    }

    @Test
    void aKeyIsRevokedAfterAConfirmationAndStopsWorking() throws Exception {
        String client = "待吊销 " + UUID.randomUUID();
        String key = issue(client, "30");
        long id = idOf(client);
        mvc.perform(get("/admin/open311-keys/{id}/revoke", id).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("确认吊销")))
                .andExpect(content().string(containsString("不可撤销")));
        // the confirmation page changes nothing
        assertThat(keys.verify(key)).isPresent();
        mvc.perform(post("/admin/open311-keys/{id}/revoke", id).with(as("admin")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", containsString(client)));
        assertThat(keys.verify(key)).isEmpty();
        mvc.perform(get("/admin/open311-keys").with(as("admin")))
                .andExpect(content().string(containsString("已于 ")));
        mvc.perform(post("/admin/open311-keys/{id}/revoke", 999_999).with(as("admin")).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有 Open311 密钥")));
    }

    int rate(long id) {
        return jdbc.sql("SELECT requests_per_minute FROM open311_api_key WHERE id = :id").param("id", id).query(Integer.class).single();
    }
}
