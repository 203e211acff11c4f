package org.yiwang.people.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.people.PeopleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.yiwang.people.Fixtures.DEMO_PASSWORD;
import static org.yiwang.people.Fixtures.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PeopleIntegrationTest
class FormSignInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theSignInPageIsChineseFirst() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("lang=\"zh-CN\"")))
                .andExpect(content().string(containsString("<title>登录 · 一网</title>")))
                .andExpect(content().string(containsString("用户名")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("href=\"/login?lang=en\"")));
    }

    @Test
    void theSignInPageSpeaksEnglishWhenAsked() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(containsString("<title>Sign in · Yiwang</title>")))
                .andExpect(content().string(containsString(">Username<")))
                .andExpect(content().string(not(containsString("用户名"))));
        mvc.perform(get("/login").param("lang", "zh"))
                .andExpect(content().string(containsString("用户名")));
    }

    @Test
    void signingInWithTheRightPasswordOpensASession() throws Exception {
        mvc.perform(formLogin("/login").user("dispatcher").password(DEMO_PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("dispatcher").withRoles("DISPATCHER"));
    }

    @Test
    void signingInWithAWrongPasswordShowsTheFormAgainWithTheReason() throws Exception {
        mvc.perform(signIn("dispatcher", "wrong-password", "10.30.0.1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error=bad"))
                .andExpect(unauthenticated());
        mvc.perform(get("/login").param("error", "bad"))
                .andExpect(content().string(containsString("用户名或密码错误。")));
        mvc.perform(get("/login").param("error", "locked").param("minutes", "16").param("lang", "en"))
                .andExpect(content().string(containsString("Try again in 16 minute(s).")));
        mvc.perform(get("/login").param("error", "unavailable"))
                .andExpect(content().string(containsString("数据库暂时无法连接")));
    }

    @Test
    void aSignInFormWithoutCsrfTokenIsRejected() throws Exception {
        mvc.perform(post("/login").param("username", "dispatcher").param("password", DEMO_PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?expired"))
                .andExpect(unauthenticated());
        mvc.perform(get("/login").param("expired", ""))
                .andExpect(content().string(containsString("登录页面已过期")));
    }

    @Test
    void otherFormPostsWithoutCsrfTokenAreForbidden() throws Exception {
        mvc.perform(post("/logout").with(user(users.loadUserByUsername("leader"))))
                .andExpect(status().isForbidden());
        mvc.perform(logout())
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?logout"))
                .andExpect(unauthenticated());
        mvc.perform(get("/login").param("logout", ""))
                .andExpect(content().string(containsString("您已安全退出")));
    }

    @Test
    void aSignedInUserIsSentOnFromTheSignInPage() throws Exception {
        mvc.perform(get("/login").with(user(users.loadUserByUsername("leader"))))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.sql("SELECT password_hash FROM people_user WHERE username = 'dispatcher'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(DEMO_PASSWORD);
    }
}
