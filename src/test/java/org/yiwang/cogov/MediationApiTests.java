package org.yiwang.cogov;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.WorkOrder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The mediation API per role and territory, its rules, its bad input, history and ledger. */
@SpringBootTest
@AutoConfigureMockMvc
class MediationApiTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String community() {
        return demo.grid().community().code();
    }

    ResultActions postJson(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "en"));
    }

    long openDirect(String summary, String risk) throws Exception {
        String body = postJson("community", "/api/cogov/mediation", """
                {"communityCode":"%s","disputeClass":"NEIGHBOUR","summary":"%s","risk":"%s","parties":[
                 {"role":"APPLICANT","name":"王秀英","phone":"13912340001"},{"role":"RESPONDENT","name":"李强","phone":"13912340002"}]}"""
                .formatted(community(), summary, risk))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    WorkOrder neighbourDispute(String what) {
        return demo.dispatchedUnder("L01001", what);
    }

    long ledgerRecords(String number) {
        return jdbc.sql("select (select count(*) from ledger_entry where stream = 'mediation' and subject_id = :n)"
                        + " + (select count(*) from ledger_pending where stream = 'mediation' and subject_id = :n)")
                .param("n", number).query(Long.class).single();
    }

    @Test
    void communityStaffTurnANeighbourDisputeOrderIntoOneCaseEvenWhenAskedTwice() throws Exception {
        WorkOrder order = neighbourDispute("楼上装修噪声，邻里吵架（调解 API）");
        String first = postJson("community", "/api/cogov/mediation", "{\"orderId\":" + order.id() + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.disputeClass").value("NEIGHBOUR"))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.orderNumber").value(order.number()))
                .andExpect(jsonPath("$.communityCode").value(order.communityCode()))
                .andReturn().getResponse().getContentAsString();
        Number id = JsonPath.read(first, "$.id");
        postJson("community", "/api/cogov/mediation", "{\"orderId\":" + order.id() + "}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(id));
        assertThat(jdbc.sql("select count(*) from cogov_mediation_case where order_id = :o").param("o", order.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCaseGoesFromSessionToAgreementToVisitToClosureWithHistoryAndLedger() throws Exception {
        long id = openDirect("邻里噪声纠纷（全程）", "LOW");
        String held = LocalDateTime.now(CHINA).minusHours(1).withSecond(0).withNano(0).toString();
        postJson("community", "/api/cogov/mediation/" + id + "/sessions",
                "{\"heldAt\":\"" + held + "\",\"place\":\"调解室\",\"note\":\"双方陈述\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MEDIATING"));
        postJson("community", "/api/cogov/mediation/" + id + "/agreement",
                "{\"agreement\":\"晚十点后不装修\",\"judicialConfirmation\":true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AGREED"))
                .andExpect(jsonPath("$.judicialConfirmation").value(true));
        String detail = mvc.perform(get("/api/cogov/mediation/{id}", id).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.visits[0].due").value(LocalDate.now(CHINA).plusDays(14).toString()))
                .andExpect(jsonPath("$.allowedActions", hasItem("CLOSE")))
                .andReturn().getResponse().getContentAsString();
        // closing before the visit is refused and changes nothing
        postJson("community", "/api/cogov/mediation/" + id + "/closure", "{\"note\":\"结案\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("cogov.mediation.error.visitsOpen"));
        Number visit = JsonPath.read(detail, "$.visits[0].id");
        postJson("community", "/api/cogov/mediation/" + id + "/visits/" + visit, "{\"note\":\"协议履行良好\"}")
                .andExpect(status().isOk());
        String closed = postJson("community", "/api/cogov/mediation/" + id + "/closure", "{\"note\":\"协议履行完毕\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/cogov/mediation/{id}", id).with(as("community")))
                .andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.contains(
                        "OPEN", "RECORD_SESSION", "AGREE", "RECORD_VISIT", "CLOSE")))
                .andExpect(jsonPath("$.allowedActions").isEmpty());
        assertThat(ledgerRecords(JsonPath.read(closed, "$.number"))).isEqualTo(5);
        // an ended case refuses further steps, naming its state
        postJson("community", "/api/cogov/mediation/" + id + "/withdrawal", "{\"note\":\"撤回\"}")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("CLOSED")));
    }

    @Test
    void anAgreementNeedsTwoPartiesAndASession() throws Exception {
        String body = postJson("community", "/api/cogov/mediation", """
                {"communityCode":"%s","disputeClass":"FAMILY","summary":"家庭纠纷（一方）","parties":[{"role":"APPLICANT","name":"赵敏"}]}"""
                .formatted(community())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        postJson("community", "/api/cogov/mediation/" + id + "/agreement", "{\"agreement\":\"和好\"}")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("ACCEPTED")));
        postJson("community", "/api/cogov/mediation/" + id + "/sessions",
                "{\"heldAt\":\"" + LocalDateTime.now(CHINA).minusHours(2).withNano(0) + "\",\"note\":\"一次调解\"}")
                .andExpect(status().isOk());
        postJson("community", "/api/cogov/mediation/" + id + "/agreement", "{\"agreement\":\"和好\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("cogov.mediation.error.twoParties"));
        assertThat(jdbc.sql("select status from cogov_mediation_case where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("MEDIATING");
    }

    @Test
    void aFailedMediationIsReferredAndEnds() throws Exception {
        long id = openDirect("劳资纠纷（移交）", "LOW");
        postJson("community", "/api/cogov/mediation/" + id + "/sessions",
                "{\"heldAt\":\"" + LocalDateTime.now(CHINA).minusHours(1).withNano(0) + "\",\"note\":\"分歧大\"}").andExpect(status().isOk());
        postJson("community", "/api/cogov/mediation/" + id + "/referral", "{\"to\":\"ARBITRATION\",\"reason\":\"双方分歧大\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFERRED"))
                .andExpect(jsonPath("$.referral").value("ARBITRATION"))
                .andExpect(jsonPath("$.endedAt").isNotEmpty());
    }

    @Test
    void partiesAreMaskedInTheApi() throws Exception {
        long id = openDirect("邻里纠纷（脱敏 13912340001）", "LOW");
        mvc.perform(get("/api/cogov/mediation/{id}", id).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parties[0].name").value("王**"))
                .andExpect(jsonPath("$.parties[0].phone").value("139****0001"))
                .andExpect(content().string(not(containsString("13912340001"))))
                .andExpect(content().string(not(containsString("王秀英"))));
    }

    @Test
    void aHighRiskCaseIsEscalatedOnceToTheStreetsDispatchers() throws Exception {
        long id = openDirect("物业纠纷（风险）", "LOW");
        long dispatcher = demo.actor("dispatcher").userId();
        assertThat(notices(dispatcher, id)).isZero();
        postJson("community", "/api/cogov/mediation/" + id + "/risk", "{\"level\":\"MEDIUM\",\"petitionRisk\":false,\"criminalRisk\":false}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.escalatedAt").doesNotExist());
        postJson("community", "/api/cogov/mediation/" + id + "/risk", "{\"level\":\"MEDIUM\",\"petitionRisk\":true,\"criminalRisk\":false}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.escalatedAt").isNotEmpty());
        postJson("community", "/api/cogov/mediation/" + id + "/risk", "{\"level\":\"HIGH\",\"petitionRisk\":true,\"criminalRisk\":true}")
                .andExpect(status().isOk());
        assertThat(notices(dispatcher, id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from cogov_mediation_history where case_id = :id and action = 'ESCALATE'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    long notices(long user, long caseId) {
        return jdbc.sql("select count(*) from notify_inbox where user_id = :u and template_key = 'cogov.notice.escalated' and link = :l")
                .param("u", user).param("l", "/cogov/mediation/" + caseId).query(Long.class).single();
    }

    @Test
    void eachRoleSeesAndDoesWhatItsTerritoryAndRoleAllow() throws Exception {
        long id = openDirect("邻里纠纷（权限）", "LOW");
        mvc.perform(get("/api/cogov/mediation/{id}", id).with(as("dispatcher"))).andExpect(status().isOk());
        mvc.perform(get("/api/cogov/mediation/{id}", id).with(as("leader"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.allowedActions").isEmpty());
        mvc.perform(get("/api/cogov/mediation/{id}", id).with(as("dispatcher-honghua"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/cogov/mediation").with(as("dispatcher-honghua")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        mvc.perform(get("/api/cogov/mediation").with(as("community")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isNotEmpty());
        for (String outsider : List.of("resident", "handler", "gridworker")) {
            mvc.perform(get("/api/cogov/mediation/{id}", id).with(as(outsider))).andExpect(status().isForbidden());
        }
        postJson("leader", "/api/cogov/mediation/" + id + "/withdrawal", "{\"note\":\"撤回\"}").andExpect(status().isForbidden());
        postJson("dispatcher-honghua", "/api/cogov/mediation/" + id + "/withdrawal", "{\"note\":\"撤回\"}").andExpect(status().isNotFound());
        postJson("dispatcher-honghua", "/api/cogov/mediation", """
                {"communityCode":"%s","disputeClass":"LAND","summary":"越权登记"}""".formatted(community()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("communityCode")));
        WorkOrder order = neighbourDispute("邻里纠纷（外街转调解）");
        postJson("dispatcher-honghua", "/api/cogov/mediation", "{\"orderId\":" + order.id() + "}").andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        long before = jdbc.sql("select count(*) from cogov_mediation_case").query(Long.class).single();
        postJson("community", "/api/cogov/mediation", "{\"communityCode\":\"" + community() + "\",\"summary\":\"没有类别\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("disputeClass")));
        postJson("community", "/api/cogov/mediation", "{\"communityCode\":\"12ab\",\"disputeClass\":\"LAND\",\"summary\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("communityCode")));
        postJson("community", "/api/cogov/mediation", "{\"communityCode\":\"" + community() + "\",\"disputeClass\":\"LAND\",\"summary\":\"  \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("summary")));
        postJson("community", "/api/cogov/mediation", "{\"communityCode\":\"" + community() + "\",\"disputeClass\":\"LAND\",\"summary\":\"x\","
                        + "\"parties\":[{\"role\":\"APPLICANT\",\"name\":\"甲\"},{\"role\":\"RESPONDENT\",\"name\":\"乙\",\"phone\":\"call me\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("phone")));
        postJson("community", "/api/cogov/mediation", "{\"communityCode\":\"" + community() + "\",\"disputeClass\":\"WAR\",\"summary\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("disputeClass")));
        assertThat(jdbc.sql("select count(*) from cogov_mediation_case").query(Long.class).single()).isEqualTo(before);
        long id = openDirect("邻里纠纷（坏输入）", "LOW");
        postJson("community", "/api/cogov/mediation/" + id + "/sessions",
                "{\"heldAt\":\"" + LocalDateTime.now(CHINA).plusDays(2).withNano(0) + "\",\"note\":\"将来\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("heldAt")));
        postJson("community", "/api/cogov/mediation/" + id + "/mediator", "{\"mediatorUserId\":" + demo.actor("handler").userId() + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("mediatorUserId")));
        mvc.perform(post("/api/cogov/mediation/{id}/sessions", id).with(as("community")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"heldAt\":\"yesterday\",\"note\":\"x\"}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from cogov_mediation_session where case_id = :id").param("id", id).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select status from cogov_mediation_case where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ACCEPTED");
        mvc.perform(get("/api/cogov/mediation/{id}", id).with(as("community")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk());
        postJson("community", "/api/cogov/mediation/" + id + "/referral", "{\"to\":\"COURT\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("reason")));
    }

    @Test
    void theSameRequestIdSentConcurrentlyOpensOneCase() throws Exception {
        String requestId = "test-" + UUID.randomUUID();
        String json = """
                {"communityCode":"%s","disputeClass":"CONSUMER","summary":"消费纠纷（并发）","requestId":"%s"}""".formatted(community(), requestId);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> call = () -> postJson("community", "/api/cogov/mediation", json).andReturn().getResponse().getStatus();
                answers.add(pool.submit(call));
            }
            for (Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from cogov_mediation_case where request_id = :r").param("r", requestId)
                .query(Long.class).single()).isEqualTo(1);
    }
}
