package org.yiwang.analytics.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.web.mobile.FieldOrders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The command-centre map: what each reader's scope lets them see, its filters, and live updates by server-sent events. */
@SpringBootTest
@AutoConfigureMockMvc
class CommandMapTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JsonMapper json;
    @Autowired LiveMap live;
    @Autowired JdbcClient jdbc;

    FieldOrders orders;

    @BeforeEach
    void fieldOrders() {
        orders = FieldOrders.of(context);
    }

    @AfterEach
    void disconnectTheMaps() {
        live.closeAll();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    JsonNode mapOrders(String username, String... params) throws Exception {
        var request = get("/command/map/orders").with(as(username));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    static List<String> numbers(JsonNode body) {
        List<String> numbers = new ArrayList<>();
        body.get("markers").forEach(m -> numbers.add(m.get("number").asString()));
        return numbers;
    }

    @Test
    void aHonghuaDispatchersMapShowsNoFuzimiaoOrders() throws Exception {
        WorkOrder fuzimiao = orders.reportedByResident("夫子庙：井盖缺失");
        WorkOrder honghua = orders.reportIn(orders.honghuaGrid(), "红花：路灯不亮", null, "resident", List.of());

        JsonNode seenInHonghua = mapOrders("dispatcher-honghua");
        assertThat(numbers(seenInHonghua)).contains(honghua.number()).doesNotContain(fuzimiao.number());
        assertThat(seenInHonghua.get("perGrid").properties()).allMatch(e -> e.getKey().startsWith("320104003"));

        JsonNode seenInFuzimiao = mapOrders("dispatcher");
        assertThat(numbers(seenInFuzimiao)).contains(fuzimiao.number()).doesNotContain(honghua.number());
        JsonNode marker = null;
        for (JsonNode m : seenInFuzimiao.get("markers")) {
            if (m.get("number").asString().equals(fuzimiao.number())) {
                marker = m;
            }
        }
        assertThat(marker).isNotNull();
        assertThat(marker.get("light").asString()).isEqualTo("GREEN");
        assertThat(marker.get("href").asString()).isEqualTo("/work-orders/" + fuzimiao.id());
        assertThat(seenInFuzimiao.get("perGrid").get(fuzimiao.gridCode()).asLong()).isPositive();

        assertThat(numbers(mapOrders("leader"))).contains(fuzimiao.number(), honghua.number());
    }

    @Test
    void theGridsAreThoseOfTheReadersTerritory() throws Exception {
        String geo = mvc.perform(get("/command/map/grids.geojson").with(as("dispatcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode features = json.readTree(geo).get("features");
        assertThat(features.size()).isGreaterThan(10);
        features.forEach(f -> assertThat(f.get("properties").get("code").asString()).startsWith("320104002"));
        assertThat(features.get(0).get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
    }

    @Test
    void theFiltersNarrowTheMarkers() throws Exception {
        WorkOrder resident = orders.reportedByResident("过滤：居民上报");
        WorkOrder patrol = orders.reportIn(orders.gridWorkersGrid(), "过滤：巡查上报", null, "gridworker", List.of());
        assertThat(numbers(mapOrders("dispatcher", "source", "GRID_PATROL"))).contains(patrol.number()).doesNotContain(resident.number());
        String major = resident.categoryCode().substring(0, 3);
        assertThat(numbers(mapOrders("dispatcher", "category", major))).contains(resident.number()).doesNotContain(patrol.number());
        assertThat(numbers(mapOrders("dispatcher", "status", "REPORTED"))).contains(patrol.number()).doesNotContain(resident.number());
        String tomorrow = LocalDate.now().plusDays(2).toString();
        assertThat(numbers(mapOrders("dispatcher", "from", tomorrow))).isEmpty();
    }

    @Test
    void badFiltersAreRefusedWithAProblemInTheReadersLanguage() throws Exception {
        mvc.perform(get("/command/map/orders").param("from", "2026-13-40").with(as("dispatcher")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(containsString("日期 from")));
        mvc.perform(get("/command/map/orders").param("category", "X1").header("Accept-Language", "en").with(as("dispatcher")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Unknown category")));
    }

    @Test
    void onlyTerritorialStaffHaveTheMap() throws Exception {
        mvc.perform(get("/command/map").with(as("resident"))).andExpect(status().isForbidden());
        mvc.perform(get("/command/map/orders").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(get("/command/map/stream").with(as("gridworker"))).andExpect(status().isForbidden());
        mvc.perform(get("/command/map").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("指挥一张图")))
                .andExpect(content().string(containsString("leaflet.markercluster.js")))
                .andExpect(content().string(containsString("/command/map/stream")));
    }

    @Test
    void aChangeIsPushedOnlyToTheMapsWhoseScopeCoversIt() throws Exception {
        MvcResult fuzimiaoMap = mvc.perform(get("/command/map/stream").with(as("dispatcher")))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult honghuaMap = mvc.perform(get("/command/map/stream").with(as("dispatcher-honghua")))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult districtMap = mvc.perform(get("/command/map/stream").with(as("leader")))
                .andExpect(request().asyncStarted()).andReturn();

        WorkOrder fuzimiao = orders.reportedByResident("实时：夫子庙新工单");
        await().atMost(Duration.ofSeconds(15)).until(() -> stream(fuzimiaoMap).contains(fuzimiao.number())
                && stream(districtMap).contains(fuzimiao.number()));
        WorkOrder honghua = orders.reportIn(orders.honghuaGrid(), "实时：红花新工单", null, "resident", List.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> stream(honghuaMap).contains(honghua.number())
                && stream(districtMap).contains(honghua.number()));

        assertThat(stream(honghuaMap)).doesNotContain(fuzimiao.number());
        assertThat(stream(fuzimiaoMap)).doesNotContain(honghua.number());
        String event = stream(fuzimiaoMap).lines().filter(l -> l.startsWith("data:") && l.contains(fuzimiao.number()))
                .findFirst().orElseThrow().substring(5);
        JsonNode pushed = json.readTree(event);
        assertThat(pushed.get("lat").asDouble()).isEqualTo(fuzimiao.lat());
        assertThat(pushed.get("statusLabel").asString()).isNotBlank();
        assertThat(stream(fuzimiaoMap)).contains("event:order");
    }

    @Test
    void aChangeMadeOnAnotherNodeReachesTheViewersOfThisOne() throws Exception {
        WorkOrder order = orders.reportedByResident("实时：另一节点上的变化");
        String change = jdbc.sql("SELECT change FROM workorder_journal WHERE order_id = :id").param("id", order.id())
                .query(String.class).single();
        Thread.sleep(1_500); // this node's map has followed the report itself by now (woken at once, polls every second)
        MvcResult map = mvc.perform(get("/command/map/stream").with(as("leader")))
                .andExpect(request().asyncStarted()).andReturn();
        assertThat(stream(map)).doesNotContain(order.number());
        // another node's transaction writes to the journal: nothing on this node is woken, it polls
        jdbc.sql("INSERT INTO workorder_journal (order_id, change) VALUES (:id, :change)")
                .param("id", order.id()).param("change", change).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> stream(map).contains(order.number()));
    }

    static String stream(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
