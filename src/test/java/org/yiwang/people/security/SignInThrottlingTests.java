package org.yiwang.people.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiwang.people.People;
import org.yiwang.people.PeopleIntegrationTest;
import org.yiwang.people.account.CreateUser;
import org.yiwang.people.account.UserAdministration;
import org.yiwang.platform.Role;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.people.Fixtures.DEMO_PASSWORD;
import static org.yiwang.people.Fixtures.from;
import static org.yiwang.people.Fixtures.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PeopleIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingTests {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAdministration administration;
    @Autowired
    People people;

    @Test
    void fiveFailedSignInsInARowLockTheAccountForAGrowingTime() throws Exception {
        newUser("throttle-basic");
        for (int attempt = 1; attempt <= 4; attempt++) {
            basic("throttle-basic", "wrong-" + attempt, "10.40.0.1")
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("people.auth.badCredentials"));
        }
        basic("throttle-basic", "wrong-5", "10.40.0.1")
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.code").value("people.auth.locked"))
                .andExpect(jsonPath("$.detail").value("登录失败次数过多，账号已被临时锁定，请 1 分钟后再试。"));
        // while locked even the right password is refused, from any address
        basic("throttle-basic", PASSWORD, "10.40.0.2")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("people.auth.locked"));
        assertThat(failures("throttle-basic")).isEqualTo(5);

        expireLock("throttle-basic");
        basic("throttle-basic", "wrong-6", "10.40.0.1")
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Retry-After", "120"))
                .andExpect(jsonPath("$.code").value("people.auth.locked"));

        expireLock("throttle-basic");
        basic("throttle-basic", PASSWORD, "10.40.0.1").andExpect(status().isOk());
        assertThat(failures("throttle-basic")).isZero();
    }

    @Test
    void theSignInFormIsThrottledToo() throws Exception {
        newUser("throttle-form");
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(signIn("throttle-form", "wrong", "10.40.1.1"))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(signIn("Throttle-Form", "wrong", "10.40.1.1"))
                .andExpect(redirectedUrl("/login?error=locked&minutes=1"))
                .andExpect(unauthenticated());
        mvc.perform(signIn("throttle-form", PASSWORD, "10.40.1.2"))
                .andExpect(redirectedUrl("/login?error=locked&minutes=1"))
                .andExpect(unauthenticated());
        expireLock("throttle-form");
        mvc.perform(signIn("throttle-form", PASSWORD, "10.40.1.2"))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("throttle-form"));
    }

    @Test
    void unknownUsernamesAreCountedLikeKnownOnes() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            basic("no-such-person", "wrong", "10.40.2.1");
        }
        basic("no-such-person", "wrong", "10.40.2.1").andExpect(jsonPath("$.code").value("people.auth.locked"));
    }

    @Test
    void anAddressWithTooManyFailuresIsBlockedWhateverTheUsername() throws Exception {
        for (int attempt = 1; attempt <= 12; attempt++) {
            basic("guess-" + attempt, "wrong", "10.40.3.1").andExpect(status().isUnauthorized());
        }
        basic("dispatcher", DEMO_PASSWORD, "10.40.3.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("people.auth.addressBlocked"));
        mvc.perform(signIn("dispatcher", DEMO_PASSWORD, "10.40.3.1"))
                .andExpect(redirectedUrl("/login?error=blocked&minutes=10"));
        basic("dispatcher", DEMO_PASSWORD, "10.40.3.2").andExpect(status().isOk());
    }

    @Test
    void aValidBearerTokenIsNeverRefusedBecauseItsAddressIsBlocked() throws Exception {
        MvcResult created = mvc.perform(post("/api/me/tokens").with(httpBasic("community", DEMO_PASSWORD)).with(from("10.40.5.9"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"NAT\",\"expiresInDays\":1}"))
                .andExpect(status().isCreated()).andReturn();
        String token = JsonMapper.builder().build().readTree(created.getResponse().getContentAsString()).get("token").asString();
        for (int attempt = 1; attempt <= 12; attempt++) {
            basic("nat-guess-" + attempt, "wrong", "10.40.5.1").andExpect(status().isUnauthorized());
        }
        basic("community", DEMO_PASSWORD, "10.40.5.1").andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token).with(from("10.40.5.1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.viaToken").value(true));
        mvc.perform(get("/api/me").header("Authorization", "Bearer ywt_not-a-token").with(from("10.40.5.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("people.auth.addressBlocked"));
    }

    @Test
    void failedSignInsAreLoggedWithoutThePassword(CapturedOutput output) throws Exception {
        basic("throttle-log\nFAKE ENTRY", "Secret-Pa55-Never-Logged", "10.40.4.1").andExpect(status().isUnauthorized());
        assertThat(output.getOut())
                .contains("Failed sign-in as 'throttle-log?fake entry' from 10.40.4.1")
                .doesNotContain("Secret-Pa55-Never-Logged");
    }

    ResultActions basic(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/me").with(httpBasic(username, password)).with(from(address)));
    }

    void newUser(String username) {
        administration.create(people.actorOf("admin").orElseThrow(),
                new CreateUser(username, "限流测试", PASSWORD, null, null, null, Set.of(Role.RESIDENT), false));
    }

    int failures(String username) {
        return jdbc.sql("SELECT COALESCE(max(failures), 0) FROM people_login_failure WHERE username = :u")
                .param("u", username).query(Integer.class).single();
    }

    void expireLock(String username) {
        jdbc.sql("UPDATE people_login_failure SET locked_until = now() - interval '1 second' WHERE username = :u")
                .param("u", username).update();
    }
}
