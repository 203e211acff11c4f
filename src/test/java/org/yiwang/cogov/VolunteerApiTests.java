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

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

/** Volunteering over the API: sign-up, sign-in, hours and points on closing, redemption that never overdraws, scope. */
@SpringBootTest
@AutoConfigureMockMvc
class VolunteerApiTests {

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

    ResultActions postJson(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "en"));
    }

    long activity(LocalDateTime starts, LocalDateTime ends, int capacity, int points) throws Exception {
        String body = postJson("community", "/api/cogov/activities", """
                {"communityCode":"%s","title":"测试活动","description":"清洁","place":"社区","startsAt":"%s","endsAt":"%s","capacity":%d,"points":%d}"""
                .formatted(demo.grid().community().code(), starts, ends, capacity, points))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    LocalDateTime now() {
        return LocalDateTime.now(CHINA).withSecond(0).withNano(0);
    }

    int points(String user) throws Exception {
        String me = mvc.perform(get("/api/cogov/volunteers/me").with(as(user))).andReturn().getResponse().getContentAsString();
        Number p = JsonPath.read(me, "$.volunteer.points");
        return p.intValue();
    }

    @Test
    void aVolunteerWhoSignedInEarnsTheHoursAndPointsOnceWhenTheActivityCloses() throws Exception {
        long id = activity(now().minusHours(1), now().plusHours(1), 10, 15);
        postJson("resident", "/api/cogov/activities/" + id + "/signups", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.signedUp").value(1));
        postJson("resident", "/api/cogov/activities/" + id + "/signups", "{}").andExpect(status().isConflict());
        int before = points("resident");
        String me = mvc.perform(get("/api/cogov/volunteers/me").with(as("resident"))).andReturn().getResponse().getContentAsString();
        int minutesBefore = ((Number) JsonPath.read(me, "$.volunteer.minutesServed")).intValue();
        postJson("resident", "/api/cogov/activities/" + id + "/sign-in", "{}").andExpect(status().isOk());
        postJson("resident", "/api/cogov/activities/" + id + "/sign-in", "{}").andExpect(status().isConflict());
        postJson("resident", "/api/cogov/activities/" + id + "/closure", "{}").andExpect(status().isNotFound());
        postJson("community", "/api/cogov/activities/" + id + "/closure", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.closedAt").isNotEmpty());
        postJson("community", "/api/cogov/activities/" + id + "/closure", "{}").andExpect(status().isConflict());
        assertThat(points("resident")).isEqualTo(before + 15);
        mvc.perform(get("/api/cogov/volunteers/me").with(as("resident")))
                .andExpect(jsonPath("$.volunteer.minutesServed").value(minutesBefore + 120))
                .andExpect(jsonPath("$.points[0].delta").value(15));
        mvc.perform(get("/api/cogov/activities/{id}/signups", id).with(as("community")))
                .andExpect(jsonPath("$[0].minutes").value(120));
    }

    @Test
    void signingInIsRefusedLongBeforeTheStart() throws Exception {
        long id = activity(now().plusHours(3), now().plusHours(5), 10, 5);
        postJson("gridworker", "/api/cogov/activities/" + id + "/signups", "{}").andExpect(status().isOk());
        postJson("gridworker", "/api/cogov/activities/" + id + "/sign-in", "{}").andExpect(status().isConflict());
        postJson("community", "/api/cogov/activities/" + id + "/closure", "{}").andExpect(status().isConflict());
    }

    @Test
    void concurrentRedemptionsNeverTakeTheBalanceBelowZero() throws Exception {
        long id = activity(now().minusHours(1), now().plusHours(1), 10, 30);
        postJson("resident", "/api/cogov/activities/" + id + "/signups", "{}").andExpect(status().isOk());
        postJson("resident", "/api/cogov/activities/" + id + "/sign-in", "{}").andExpect(status().isOk());
        postJson("community", "/api/cogov/activities/" + id + "/closure", "{}").andExpect(status().isOk());
        int balance = points("resident");
        if (balance > 20) {
            postJson("resident", "/api/cogov/volunteers/me/redemptions", "{\"points\":" + (balance - 20) + ",\"item\":\"洗衣液\"}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.points").value(20));
        }
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return postJson("resident", "/api/cogov/volunteers/me/redemptions", "{\"points\":7,\"item\":\"毛巾\"}")
                            .andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get());
            }
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(2);
            assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(6);
        } finally {
            pool.shutdown();
        }
        assertThat(points("resident")).isEqualTo(6);
        long volunteer = jdbc.sql("select id from cogov_volunteer where user_id = :u").param("u", demo.actor("resident").userId())
                .query(Long.class).single();
        assertThat(jdbc.sql("select coalesce(sum(delta), 0) from cogov_points where volunteer_id = :v").param("v", volunteer).query(Integer.class).single())
                .isEqualTo(6);
    }

    @Test
    void twoPeopleTakingTheLastPlaceAtOnceGetItOnce() throws Exception {
        long id = activity(now().plusHours(1), now().plusHours(2), 1, 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String who : List.of("resident", "gridworker")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return postJson(who, "/api/cogov/activities/" + id + "/signups", "{}").andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from cogov_signup where activity_id = :a").param("a", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputAndOutsidersAreRefused() throws Exception {
        String community = demo.grid().community().code();
        long before = jdbc.sql("select count(*) from cogov_activity").query(Long.class).single();
        postJson("community", "/api/cogov/activities", """
                {"communityCode":"%s","description":"d","place":"p","startsAt":"%s","endsAt":"%s","capacity":5,"points":5}"""
                .formatted(community, now().plusHours(1), now().plusHours(2)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("title")));
        postJson("community", "/api/cogov/activities", """
                {"communityCode":"%s","title":"t","description":"d","place":"p","startsAt":"%s","endsAt":"%s","capacity":5,"points":5}"""
                .formatted(community, now().plusHours(2), now().plusHours(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("endsAt")));
        postJson("community", "/api/cogov/activities", """
                {"communityCode":"%s","title":"t","description":"d","place":"p","startsAt":"%s","endsAt":"%s","capacity":0,"points":5}"""
                .formatted(community, now().plusHours(1), now().plusHours(2)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("capacity")));
        postJson("dispatcher-honghua", "/api/cogov/activities", """
                {"communityCode":"%s","title":"t","description":"d","place":"p","startsAt":"%s","endsAt":"%s","capacity":5,"points":5}"""
                .formatted(community, now().plusHours(1), now().plusHours(2))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from cogov_activity").query(Long.class).single()).isEqualTo(before);
        postJson("resident", "/api/cogov/volunteers/me/redemptions", "{\"points\":0,\"item\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("points")));
        postJson("resident", "/api/cogov/volunteers/me/redemptions", "{\"points\":5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("item")));
        mvc.perform(get("/api/cogov/volunteers").with(as("resident"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/cogov/volunteers").with(as("dispatcher-honghua")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.communityCode == '" + community + "')]").isEmpty());
        mvc.perform(get("/api/cogov/volunteers").with(as("community")))
                .andExpect(jsonPath("$[?(@.communityCode == '" + community + "')]").isNotEmpty());
        postJson("community", "/api/cogov/volunteers", "{\"username\":\"gridworker\",\"communityCode\":\"" + community + "\"}")
                .andExpect(status().isConflict());
    }
}
