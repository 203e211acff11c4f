package org.yiwang.people.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yiwang.people.PeopleIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.yiwang.people.Fixtures.as;
import static org.yiwang.people.Fixtures.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PeopleIntegrationTest
class ApiAuthenticationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = new JsonMapper();

    @Test
    void anonymousApiCallsGetA401ProblemInChinese() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("未登录"))
                .andExpect(jsonPath("$.detail").value("请先登录"))
                .andExpect(jsonPath("$.code").value("error.unauthorized"))
                .andExpect(jsonPath("$.instance").value("/api/me"));
    }

    @Test
    void anonymousApiCallsGetA401ProblemInEnglishWhenAsked() throws Exception {
        mvc.perform(get("/api/people/users").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not signed in"))
                .andExpect(jsonPath("$.detail").value("Please sign in"));
    }

    @Test
    void basicAuthenticationWithTheRightPasswordReturnsTheActorWithoutASession() throws Exception {
        mvc.perform(get("/api/me").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(jsonPath("$.username").value("dispatcher"))
                .andExpect(jsonPath("$.roles[0]").value("DISPATCHER"))
                .andExpect(jsonPath("$.scope.citywide").value(false))
                .andExpect(jsonPath("$.scope.divisionPrefixes[0]").value("320104002"))
                .andExpect(jsonPath("$.seesPersonalData").value(false))
                .andExpect(jsonPath("$.viaToken").value(false));
    }

    @Test
    void basicAuthenticationWithAWrongPasswordIsRefused() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("leader", "not-the-password")).with(from("10.20.0.1")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("people.auth.badCredentials"))
                .andExpect(jsonPath("$.detail").value("用户名或密码错误。"));
        mvc.perform(get("/api/me").with(httpBasic("nobody-at-all", "not-the-password")).with(from("10.20.0.1"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Wrong username or password."));
    }

    @Test
    void aPersonalTokenWorksUntilItIsRevoked() throws Exception {
        MvcResult created = mvc.perform(post("/api/me/tokens").with(as("handler"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"巡查助手\",\"expiresInDays\":30}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost/api/me/tokens/")))
                .andExpect(jsonPath("$.token", startsWith("ywt_")))
                .andReturn();
        JsonNode issued = json.readTree(created.getResponse().getContentAsString());
        String token = issued.get("token").asString();
        long id = issued.get("id").asLong();

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(jsonPath("$.username").value("handler"))
                .andExpect(jsonPath("$.viaToken").value(true));

        // only the hash is kept
        byte[] stored = jdbc.sql("SELECT token_hash FROM people_api_token WHERE id = :id").param("id", id).query(byte[].class).single();
        assertThat(stored).isEqualTo(TokenCodec.hash(token));
        String row = jdbc.sql("SELECT concat_ws('|', name, hint, encode(token_hash, 'escape')) FROM people_api_token WHERE id = :id")
                .param("id", id).query(String.class).single();
        assertThat(row).doesNotContain(token.substring(4));

        mvc.perform(get("/api/me/tokens").with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].name").value("巡查助手"))
                .andExpect(jsonPath("$[0].hint").value("ywt_…" + token.substring(token.length() - 4)))
                .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty())
                .andExpect(jsonPath("$[0].expiresAt").isNotEmpty())
                .andExpect(jsonPath("$[0].token").doesNotExist());

        mvc.perform(delete("/api/me/tokens/{id}", id).with(as("handler"))).andExpect(status().isNoContent());

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token).with(from("10.20.0.2")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"yiwang\", error=\"invalid_token\""))
                .andExpect(jsonPath("$.code").value("people.auth.invalidToken"));
    }

    @Test
    void aTokenRevokedOnAnotherNodeIsRefusedHereWithinTwoSeconds() throws Exception {
        JsonNode issued = json.readTree(mvc.perform(post("/api/me/tokens").with(as("handler"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"另一节点吊销\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String token = issued.get("token").asString();
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk()); // remembered here

        // what ApiTokens.revoke does on another node, in one transaction: this node's memory is not touched
        jdbc.sql("UPDATE people_api_token SET revoked_at = now() WHERE id = :id").param("id", issued.get("id").asLong()).update();
        jdbc.sql("UPDATE people_access_epoch SET value = value + 1 WHERE id = 1").update();
        long revokedAt = System.nanoTime();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> mvc.perform(get("/api/me").header("Authorization", "Bearer " + token).with(from("10.20.0.7")))
                        .andReturn().getResponse().getStatus() == 401);
        // remembered verifications live 10 s: refused well before that, by the poll of the access epoch
        assertThat(System.nanoTime() - revokedAt).isLessThan(java.time.Duration.ofSeconds(2).toNanos());
    }

    @Test
    void wrongAndMalformedTokensAreRefused() throws Exception {
        for (String token : new String[]{"ywt_" + "x".repeat(43), "garbage", ""}) {
            mvc.perform(get("/api/me").header("Authorization", "Bearer " + token).with(from("10.20.0.3")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("people.auth.invalidToken"));
        }
    }

    @Test
    void someoneElsesTokenCannotBeRevoked() throws Exception {
        String body = mvc.perform(post("/api/me/tokens").with(as("leader"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"报表\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        mvc.perform(delete("/api/me/tokens/{id}", id).with(as("dispatcher")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("people.error.tokenNotFound"));
    }

    @Test
    void aTokenCannotMintMoreTokens() throws Exception {
        String body = mvc.perform(post("/api/me/tokens").with(as("community"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"first\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = json.readTree(body).get("token").asString();
        mvc.perform(post("/api/me/tokens").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"second\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("people.error.tokenViaToken"));
        mvc.perform(post("/api/me/tokens").with(as("community"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"FIRST\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("people.error.tokenNameTaken"));
    }

    @Test
    void browserSessionsCallingTheApiNeedACsrfToken() throws Exception {
        var dispatcher = users.loadUserByUsername("dispatcher");
        mvc.perform(post("/api/me/tokens").with(user(dispatcher))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"csrf\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("people.error.csrf"));
        mvc.perform(post("/api/me/tokens").with(user(dispatcher)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"csrf\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void browserPagesSendAnonymousVisitorsToTheSignInPage() throws Exception {
        mvc.perform(get("/some/screen")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/some/screen").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void residentsCannotListUsers() throws Exception {
        mvc.perform(get("/api/people/users").with(as("resident")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("error.forbidden"));
        mvc.perform(get("/api/me").with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.citywide").value(false))
                .andExpect(jsonPath("$.scope.divisionPrefixes").isEmpty());
    }
}
