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
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Councils over the API: topics from residents and members, discussion, one vote per member, resolutions as orders. */
@SpringBootTest
@AutoConfigureMockMvc
class CouncilApiTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired WorkOrderQueries orders;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    ResultActions postJson(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "en"));
    }

    long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    /** A council of the demo community with the given members (username → title). */
    long council(String... members) throws Exception {
        long council = id(postJson("community", "/api/cogov/councils", """
                {"communityCode":"%s","name":"测试理事会 %s"}""".formatted(demo.grid().community().code(), UUID.randomUUID()))
                .andExpect(status().isCreated()));
        for (String m : members) {
            postJson("community", "/api/cogov/councils/" + council + "/members", "{\"username\":\"" + m + "\",\"title\":\"理事\"}")
                    .andExpect(status().isCreated());
        }
        return council;
    }

    long votingTopic(long council, String proposer) throws Exception {
        long topic = id(postJson(proposer, "/api/cogov/topics", """
                {"councilId":%d,"title":"加装电梯","body":"老楼加装电梯，费用分摊"}""".formatted(council)).andExpect(status().isCreated()));
        postJson("community", "/api/cogov/topics/" + topic + "/discussion", "{}").andExpect(status().isOk());
        postJson("community", "/api/cogov/topics/" + topic + "/vote-opening", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VOTING"));
        return topic;
    }

    @Test
    void aResidentsTopicIsDiscussedVotedAdoptedAndItsResolutionBecomesAnOrderOnce() throws Exception {
        long council = council("community", "resident", "gridworker");
        long topic = id(postJson("resident", "/api/cogov/topics", """
                {"councilId":%d,"title":"楼道堆物清理","body":"3号楼楼道堆放杂物，影响消防通道"}""".formatted(council))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PROPOSED")).andExpect(jsonPath("$.byMember").value(true)));
        postJson("community", "/api/cogov/topics/" + topic + "/discussion", "{}").andExpect(status().isOk());
        postJson("gridworker", "/api/cogov/topics/" + topic + "/comments", "{\"text\":\"建议物业牵头、网格员配合\"}").andExpect(status().isOk());
        postJson("community", "/api/cogov/topics/" + topic + "/vote-opening", "{}").andExpect(status().isOk());
        postJson("community", "/api/cogov/topics/" + topic + "/votes", "{\"choice\":\"FOR\"}").andExpect(status().isOk());
        postJson("resident", "/api/cogov/topics/" + topic + "/votes", "{\"choice\":\"FOR\"}").andExpect(status().isOk());
        postJson("gridworker", "/api/cogov/topics/" + topic + "/votes", "{\"choice\":\"AGAINST\"}").andExpect(status().isOk());
        postJson("community", "/api/cogov/topics/" + topic + "/vote-closing", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ADOPTED"))
                .andExpect(jsonPath("$.votesFor").value(2)).andExpect(jsonPath("$.votesAgainst").value(1));
        String due = LocalDate.now(CHINA).plusDays(10).toString();
        postJson("community", "/api/cogov/topics/" + topic + "/resolutions", """
                {"text":"清理3号楼楼道堆物","owner":"物业公司","due":"%s"}""".formatted(due)).andExpect(status().isOk());
        String detail = mvc.perform(get("/api/cogov/topics/{id}", topic).with(as("community")))
                .andExpect(jsonPath("$.resolutions[0].due").value(due)).andReturn().getResponse().getContentAsString();
        Number resolution = JsonPath.read(detail, "$.resolutions[0].id");
        postJson("community", "/api/cogov/topics/" + topic + "/resolutions/" + resolution + "/order", "{\"address\":\"3号楼\"}")
                .andExpect(status().isOk());
        postJson("community", "/api/cogov/topics/" + topic + "/resolutions/" + resolution + "/order", "{}")
                .andExpect(status().isConflict());
        long orderId = jdbc.sql("select order_id from cogov_resolution where id = :r").param("r", resolution.longValue()).query(Long.class).single();
        WorkOrder order = orders.get(orderId, demo.actor("dispatcher"));
        assertThat(order.description()).contains("清理3号楼楼道堆物").contains("物业公司");
        assertThat(order.communityCode()).isEqualTo(demo.grid().community().code());
        assertThat(order.status()).isIn(WorkOrderStatus.REPORTED, WorkOrderStatus.REGISTERED, WorkOrderStatus.DISPATCHED);
        postJson("community", "/api/cogov/topics/" + topic + "/minutes", "{\"text\":\"到会 3 人，表决通过\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.minutes").value("到会 3 人，表决通过"));
        long ledger = jdbc.sql("select (select count(*) from ledger_entry where stream = 'council' and subject_id = :s)"
                + " + (select count(*) from ledger_pending where stream = 'council' and subject_id = :s)").param("s", "topic-" + topic)
                .query(Long.class).single();
        assertThat(ledger).isEqualTo(11); // propose, discussion, comment, vote opening, 3 votes, closing, resolution, order, minutes
    }

    @Test
    void aMemberVotingFromTwoPhonesAtOnceCountsOnce() throws Exception {
        long council = council("community", "resident");
        long topic = votingTopic(council, "community");
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return postJson("resident", "/api/cogov/topics/" + topic + "/votes", "{\"choice\":\"FOR\"}").andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from cogov_topic_vote where topic_id = :t").param("t", topic).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyMembersVoteAndOnlyTheCommunitysStaffRunTheCouncil() throws Exception {
        long council = council("community", "gridworker");
        long topic = votingTopic(council, "resident"); // a resident who is not a member may propose
        postJson("resident", "/api/cogov/topics/" + topic + "/votes", "{\"choice\":\"FOR\"}").andExpect(status().isForbidden());
        mvc.perform(get("/api/cogov/topics/{id}", topic).with(as("resident"))).andExpect(status().isOk()); // the proposer follows it
        mvc.perform(get("/api/cogov/topics/{id}", topic).with(as("dispatcher-honghua"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/cogov/topics/{id}", topic).with(as("handler"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/cogov/topics/{id}", topic).with(as("leader"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.allowedActions").isEmpty());
        postJson("leader", "/api/cogov/topics/" + topic + "/vote-closing", "{}").andExpect(status().isForbidden());
        postJson("gridworker", "/api/cogov/topics/" + topic + "/vote-closing", "{}").andExpect(status().isForbidden());
        postJson("dispatcher-honghua", "/api/cogov/councils", """
                {"communityCode":"%s","name":"越权理事会"}""".formatted(demo.grid().community().code())).andExpect(status().isForbidden());
        mvc.perform(get("/api/cogov/councils/{id}", council).with(as("dispatcher-honghua"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/cogov/councils").with(as("dispatcher-honghua")))
                .andExpect(jsonPath("$[?(@.id == " + council + ")]").isEmpty());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        long council = council("community");
        long topics = jdbc.sql("select count(*) from cogov_topic").query(Long.class).single();
        postJson("resident", "/api/cogov/topics", "{\"councilId\":" + council + ",\"body\":\"没有标题\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("title")));
        postJson("resident", "/api/cogov/topics", "{\"title\":\"t\",\"body\":\"b\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("councilId")));
        postJson("resident", "/api/cogov/topics", "{\"councilId\":999999999,\"title\":\"t\",\"body\":\"b\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("councilId")));
        assertThat(jdbc.sql("select count(*) from cogov_topic").query(Long.class).single()).isEqualTo(topics);
        postJson("community", "/api/cogov/councils/" + council + "/members", "{\"username\":\"nobody-here\",\"title\":\"理事\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("username")));
        long topic = votingTopic(council, "community");
        postJson("community", "/api/cogov/topics/" + topic + "/votes", "{\"choice\":\"MAYBE\"}").andExpect(status().isBadRequest());
        postJson("community", "/api/cogov/topics/" + topic + "/votes", "{\"choice\":\"FOR\"}").andExpect(status().isOk());
        postJson("community", "/api/cogov/topics/" + topic + "/vote-closing", "{}").andExpect(jsonPath("$.status").value("ADOPTED"));
        postJson("community", "/api/cogov/topics/" + topic + "/resolutions", """
                {"text":"x","owner":"y","due":"%s"}""".formatted(LocalDate.now(CHINA).minusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("due")));
        postJson("community", "/api/cogov/topics/" + topic + "/resolutions", "{\"text\":\"x\",\"due\":\"2099-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("owner")));
        assertThat(jdbc.sql("select count(*) from cogov_resolution where topic_id = :t").param("t", topic).query(Long.class).single()).isZero();
    }

    @Test
    void theSameProposalSentTwiceMakesOneTopic() throws Exception {
        long council = council("community");
        String body = """
                {"councilId":%d,"title":"重复提交","body":"一次","requestId":"%s"}""".formatted(council, UUID.randomUUID());
        long first = id(postJson("resident", "/api/cogov/topics", body).andExpect(status().isCreated()));
        long second = id(postJson("resident", "/api/cogov/topics", body).andExpect(status().isCreated()));
        assertThat(second).isEqualTo(first);
    }
}
