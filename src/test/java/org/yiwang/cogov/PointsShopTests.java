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

/** 积分兑换: items with a price and a stock, redemption once per request, never below zero in stock or points, handover. */
@SpringBootTest
@AutoConfigureMockMvc
class PointsShopTests {

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

    /** Credits {@code points} to each user through a real activity: published, signed up, signed in, closed. */
    void earn(int points, String... usernames) throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
        String body = postJson("community", "/api/cogov/activities", """
                {"communityCode":"%s","title":"积分测试活动","description":"清洁","place":"社区","startsAt":"%s","endsAt":"%s","capacity":10,"points":%d}"""
                .formatted(demo.grid().community().code(), now.minusHours(1), now.plusHours(1), points))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        for (String u : usernames) {
            postJson(u, "/api/cogov/activities/" + id + "/signups", "{}").andExpect(status().isOk());
            postJson(u, "/api/cogov/activities/" + id + "/sign-in", "{}").andExpect(status().isOk());
        }
        postJson("community", "/api/cogov/activities/" + id + "/closure", "{}").andExpect(status().isOk());
    }

    long item(String name, int price, int stock) throws Exception {
        String body = postJson("community", "/api/cogov/shop/items", """
                {"communityCode":"%s","name":"%s","kind":"GOODS","price":%d,"stock":%d}""".formatted(demo.grid().community().code(), name, price, stock))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    int points(String user) throws Exception {
        String me = mvc.perform(get("/api/cogov/volunteers/me").with(as(user))).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(me, "$.volunteer.points")).intValue();
    }

    int stock(long item) {
        return jdbc.sql("select stock from cogov_shop_item where id = :i").param("i", item).query(Integer.class).single();
    }

    String redeem(String user, long item, String key) throws Exception {
        return postJson(user, "/api/cogov/shop/items/" + item + "/redemptions", "{\"requestKey\":\"" + key + "\"}")
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aVolunteerRedeemsAnItemOnceAndStaffHandItOver() throws Exception {
        earn(10, "resident");
        long item = item("抽纸（1 提）", 7, 3);
        int before = points("resident");
        String key = UUID.randomUUID().toString();
        long first = ((Number) JsonPath.read(redeem("resident", item, key), "$.id")).longValue();
        long again = ((Number) JsonPath.read(redeem("resident", item, key), "$.id")).longValue();
        assertThat(again).isEqualTo(first);
        assertThat(points("resident")).isEqualTo(before - 7);
        assertThat(stock(item)).isEqualTo(2);
        mvc.perform(get("/api/cogov/volunteers/me").with(as("resident"))).andExpect(jsonPath("$.points[0].delta").value(-7))
                .andExpect(jsonPath("$.points[0].reason").value(containsString("抽纸")));

        String name = jdbc.sql("select v.name from cogov_volunteer v join cogov_redemption r on r.volunteer_id = v.id where r.id = :r")
                .param("r", first).query(String.class).single();
        String list = mvc.perform(get("/api/cogov/shop/redemptions").with(as("community"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("抽纸").doesNotContain(name);
        postJson("resident", "/api/cogov/shop/redemptions/" + first + "/handover", "{}").andExpect(status().isNotFound());
        postJson("community", "/api/cogov/shop/redemptions/" + first + "/handover", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.handedAt").isNotEmpty());
        postJson("community", "/api/cogov/shop/redemptions/" + first + "/handover", "{}").andExpect(status().isConflict());
        assertThat(jdbc.sql("""
                select count(*) from (select subject_id, kind from ledger_entry union all select subject_id, kind from ledger_pending) l
                 where subject_id = :s and kind = 'HANDED_OVER'""").param("s", "redemption-" + first).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anItemTakenOffSaleIsNeitherOfferedNorRedeemableUntilItIsBackOnSale() throws Exception {
        earn(10, "resident");
        long item = item("雨伞", 3, 2);
        String offer = mvc.perform(get("/api/cogov/volunteers/me/shop").with(as("resident"))).andReturn().getResponse().getContentAsString();
        assertThat(offer).contains("雨伞");
        postJson("resident", "/api/cogov/shop/items/" + item + "/sale", "{\"onSale\":false}").andExpect(status().isNotFound());
        postJson("community", "/api/cogov/shop/items/" + item + "/sale", "{}").andExpect(status().isBadRequest());
        postJson("community", "/api/cogov/shop/items/" + item + "/sale", "{\"onSale\":false}").andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        offer = mvc.perform(get("/api/cogov/volunteers/me/shop").with(as("resident"))).andReturn().getResponse().getContentAsString();
        assertThat(offer).doesNotContain("雨伞");
        postJson("resident", "/api/cogov/shop/items/" + item + "/redemptions", "{\"requestKey\":\"" + UUID.randomUUID() + "\"}")
                .andExpect(status().isNotFound());
        assertThat(stock(item)).isEqualTo(2);
        postJson("community", "/api/cogov/shop/items/" + item + "/sale", "{\"onSale\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
        postJson("resident", "/api/cogov/shop/items/" + item + "/redemptions", "{\"requestKey\":\"" + UUID.randomUUID() + "\"}")
                .andExpect(status().isCreated());
        assertThat(stock(item)).isEqualTo(1);
    }

    @Test
    void racingVolunteersNeverTakeTheStockBelowZero() throws Exception {
        earn(20, "resident", "gridworker");
        long item = item("节能灯泡", 1, 2);
        List<Integer> statuses = race(8, i -> i % 2 == 0 ? "resident" : "gridworker", item);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(2);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(6);
        assertThat(stock(item)).isZero();
        assertThat(jdbc.sql("select count(*) from cogov_redemption where item_id = :i").param("i", item).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void racingRedemptionsNeverTakeThePointsBelowZero() throws Exception {
        earn(30, "resident");
        int balance = points("resident");
        int price = balance / 2;
        long item = item("米面油礼包", price, 10);
        List<Integer> statuses = race(6, i -> "resident", item);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(2);
        assertThat(points("resident")).isEqualTo(balance - 2 * price).isNotNegative();
        assertThat(stock(item)).isEqualTo(8);
    }

    List<Integer> race(int clients, java.util.function.IntFunction<String> who, long item) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String user = who.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return postJson(user, "/api/cogov/shop/items/" + item + "/redemptions",
                            "{\"requestKey\":\"" + UUID.randomUUID() + "\"}").andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badItemsAndOutsidersAreRefusedNamingTheField() throws Exception {
        String community = demo.grid().community().code();
        long before = jdbc.sql("select count(*) from cogov_shop_item").query(Long.class).single();
        postJson("community", "/api/cogov/shop/items", """
                {"communityCode":"%s","name":"x","kind":"GOODS","price":0,"stock":1}""".formatted(community))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("price")));
        postJson("community", "/api/cogov/shop/items", """
                {"communityCode":"%s","name":"x","kind":"GOODS","price":5,"stock":-1}""".formatted(community))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("stock")));
        postJson("community", "/api/cogov/shop/items", """
                {"communityCode":"%s","name":" ","kind":"GOODS","price":5,"stock":1}""".formatted(community))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("name")));
        postJson("dispatcher-honghua", "/api/cogov/shop/items", """
                {"communityCode":"%s","name":"x","kind":"GOODS","price":5,"stock":1}""".formatted(community)).andExpect(status().isForbidden());
        postJson("resident", "/api/cogov/shop/items", """
                {"communityCode":"%s","name":"x","kind":"GOODS","price":5,"stock":1}""".formatted(community)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from cogov_shop_item").query(Long.class).single()).isEqualTo(before);
        long item = item("毛巾", 2, 1);
        postJson("resident", "/api/cogov/shop/items/" + item + "/redemptions", "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("requestKey")));
        postJson("resident", "/api/cogov/shop/items/999999/redemptions", "{\"requestKey\":\"k\"}").andExpect(status().isNotFound());
        postJson("community", "/api/cogov/shop/items/" + item + "/stock", "{\"stock\":-2}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("stock")));
        assertThat(stock(item)).isEqualTo(1);
    }
}
