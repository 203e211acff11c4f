package org.yiwang.enforcement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 专项行动 over the API: registering colours a record and spawns its visits; scope; bad input; the dashboard and map layer. */
@EnforcementSpringTest
class CampaignApiTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Organization organization;
    @Autowired People people;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    EnforcementApi api;
    String grid;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new EnforcementApi(mvc, json, users, grids, locator, organization);
        grid = grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code();
        today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    Map<String, Object> returning(String origin, int daysAgo) {
        Map<String, Object> body = new HashMap<>();
        body.put("gridCode", grid);
        body.put("subject", "钱多多");
        body.put("phone", "13700001111");
        body.put("address", "平江府路 9 号");
        body.put("origin", origin);
        body.put("route", "上海虹桥—南京南");
        body.put("arrivedOn", today.minusDays(daysAgo).toString());
        body.put("requestKey", UUID.randomUUID().toString());
        return body;
    }

    @Test
    void aReturnFromAHighRiskAreaIsRedAndSpawnsAVisitDueWithinTwoHours() throws Exception {
        JsonNode red = api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", returning("上海市浦东新区", 2), 201);
        assertThat(red.get("colour").asString()).isEqualTo("RED");
        assertThat(red.get("reason").asString()).isEqualTo("14 天内来自高风险地区");
        assertThat(red.get("subject").asString()).isEqualTo("钱**");
        assertThat(red.get("phone").asString()).isEqualTo("137****1111");
        assertThat(red.get("openTasks").asInt()).isEqualTo(1);
        long id = red.get("id").asLong();
        JsonNode task = api.get("gridworker", "/api/campaigns/EPIDEMIC_RETURN/tasks", 200).valueStream()
                .filter(t -> t.get("recordId").asLong() == id).findFirst().orElseThrow();
        assertThat(task.get("kind").asString()).isEqualTo("VISIT");
        java.time.Instant due = java.time.Instant.parse(task.get("dueAt").asString());
        java.time.Instant registered = java.time.Instant.parse(red.get("registeredAt").asString());
        assertThat(java.time.Duration.between(registered, due)).isEqualTo(java.time.Duration.ofHours(2));

        JsonNode done = api.post("gridworker", "/api/campaigns/tasks/" + task.get("id").asLong() + "/done", Map.of("note", "已上门，体温正常"), 200);
        assertThat(done.get("doneAt").isNull()).isFalse();
        api.post("gridworker", "/api/campaigns/tasks/" + task.get("id").asLong() + "/done", Map.of("note", "again"), 409);

        JsonNode green = api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", returning("安徽省合肥市", 2), 201);
        assertThat(green.get("colour").asString()).isEqualTo("GREEN");
        assertThat(green.get("openTasks").asInt()).isZero();
        JsonNode stale = api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", returning("湖北省武汉市江岸区", 20), 201);
        assertThat(stale.get("colour").asString()).isEqualTo("GREEN");
    }

    @Test
    void aFloodSeasonBasementIsRedAndSpawnsACheck() throws Exception {
        Map<String, Object> site = Map.of("gridCode", grid, "subject", "中华路地下车库", "address", "中华路 1 号", "hazard", "地下车库");
        JsonNode red = api.post("gridworker", "/api/campaigns/FLOOD_SEASON/records", site, 201);
        assertThat(red.get("colour").asString()).isEqualTo("RED");
        assertThat(api.get("dispatcher", "/api/campaigns/FLOOD_SEASON/tasks", 200).valueStream()
                .filter(t -> t.get("recordId").asLong() == red.get("id").asLong()).findFirst().orElseThrow().get("kind").asString())
                .isEqualTo("CHECK");
    }

    @Test
    void registeringTwiceWithTheSameRequestKeyRegistersOnce() throws Exception {
        Map<String, Object> body = returning("广东省广州市荔湾区", 1);
        long first = api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", body, 201).get("id").asLong();
        long second = api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", body, 201).get("id").asLong();
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM enforcement_campaign_task WHERE record_id = :id").param("id", first)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM enforcement_campaign_record").query(Long.class).single();
        Map<String, Object> noOrigin = returning("x", 1);
        noOrigin.remove("origin");
        assertThat(api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", noOrigin, 400).get("detail").asString()).contains("origin");
        assertThat(api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", returning("上海", -1), 400).get("detail").asString())
                .contains("arrivedOn");
        Map<String, Object> badPhone = returning("上海", 1);
        badPhone.put("phone", "12345");
        assertThat(api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", badPhone, 400).get("detail").asString()).contains("phone");
        assertThat(api.post("gridworker", "/api/campaigns/FLOOD_SEASON/records", Map.of("gridCode", grid, "subject", "s", "address", "a"), 400)
                .get("detail").asString()).contains("hazard");
        api.post("gridworker", "/api/campaigns/NO_SUCH/records", returning("上海", 1), 404);
        api.get("dispatcher", "/api/campaigns/EPIDEMIC_RETURN/records?colour=PURPLE", 400);
        assertThat(jdbc.sql("SELECT count(*) FROM enforcement_campaign_record").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aGridWorkerRegistersOnlyInTheirGridsAndStaffSeeTheirTerritoryOnly() throws Exception {
        Map<String, Object> elsewhere = returning("上海", 1);
        elsewhere.put("gridCode", grids.comprehensiveGridCodes("320104003").getFirst());
        api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", elsewhere, 404);
        api.post("resident", "/api/campaigns/EPIDEMIC_RETURN/records", returning("上海", 1), 403);

        long id = api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", returning("广东省广州市荔湾区", 1), 201).get("id").asLong();
        assertThat(api.get("dispatcher", "/api/campaigns/EPIDEMIC_RETURN/records?colour=RED", 200).valueStream()
                .map(r -> r.get("id").asLong()).toList()).contains(id);
        assertThat(api.get("dispatcher-honghua", "/api/campaigns/EPIDEMIC_RETURN/records", 200).valueStream()
                .map(r -> r.get("id").asLong()).toList()).doesNotContain(id);
        api.get("resident", "/api/campaigns/EPIDEMIC_RETURN/dashboard", 403);
    }

    @Test
    void theDashboardAndTheMapLayerCountTheColoursOfTheTerritory() throws Exception {
        JsonNode before = api.get("dispatcher", "/api/campaigns/EPIDEMIC_RETURN/dashboard", 200);
        api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", returning("石家庄市藁城区", 1), 201);
        Map<String, Object> symptom = returning("江苏省苏州市", 1);
        symptom.put("symptom", "咳嗽");
        api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", symptom, 201);
        api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", returning("湖北省武汉市", 3), 201);
        JsonNode after = api.get("dispatcher", "/api/campaigns/EPIDEMIC_RETURN/dashboard", 200);
        assertThat(after.get("red").asLong() - before.get("red").asLong()).isEqualTo(2);
        assertThat(after.get("yellow").asLong() - before.get("yellow").asLong()).isEqualTo(1);
        assertThat(after.get("openTasks").asLong() - before.get("openTasks").asLong()).isEqualTo(3);
        assertThat(api.get("dispatcher-honghua", "/api/campaigns/EPIDEMIC_RETURN/dashboard", 200).get("red").asLong()).isZero();

        JsonNode cell = api.get("dispatcher", "/api/campaigns/EPIDEMIC_RETURN/map", 200).valueStream()
                .filter(g -> g.get("gridCode").asString().equals(grid)).findFirst().orElseThrow();
        assertThat(cell.get("red").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(locator.grid(grid).orElseThrow().geometry().contains(new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(cell.get("lon").asDouble(), cell.get("lat").asDouble())))).isTrue();
    }
}
