package org.yiwang.intake;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.LonLat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChannelSpringTest
class HotlineApiTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    IntakeFixtures fixtures;
    IndexedGrid grid;

    @BeforeEach
    void demoTerritory() {
        fixtures = new IntakeFixtures(context);
        grid = fixtures.dispatchersGrid();
    }

    JsonNode call(MockHttpServletRequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    MockHttpServletRequestBuilder hotline(String user, Map<String, Object> body) {
        return post("/api/intake/hotline").with(fixtures.as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
    }

    static Map<String, Object> order(String number, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalNo", number);
        body.put("calledAt", "2026-05-06 09:12:00");
        body.put("caller", "张三丰");
        body.put("phone", "13912345678");
        body.put("content", "小区门口垃圾堆放多日无人清理，气味很大");
        body.put("type", "投诉");
        body.put("urgency", "一般");
        body.put("due", "3个工作日");
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void aHotlineOrderWithAKnownAddressBecomesAWorkOrderInThatAddressesGrid() throws Exception {
        String street = "贡院街" + IntakeFixtures.unique("") .replace("-", "") + "号";
        StandardAddress address = fixtures.address(grid, street);
        String number = IntakeFixtures.unique("GD");

        // the caller adds city, district and "门口": the longest standard address the words start with matches
        JsonNode receipt = call(hotline("dispatcher", order(number, "address", "江苏省南京市秦淮区" + street + "门口")), 201);

        assertThat(receipt.get("outcome").asString()).isEqualTo("CREATED");
        assertThat(receipt.get("locatedBy").asString()).isEqualTo("STANDARD_ADDRESS");
        assertThat(receipt.get("addressCode").asString()).isEqualTo(address.code());
        JsonNode order = call(get("/api/work-orders/" + receipt.get("orderId").asLong()).with(fixtures.as("admin")), 200);
        assertThat(order.get("number").asString()).isEqualTo(receipt.get("orderNumber").asString());
        assertThat(order.get("source").asString()).isEqualTo("HOTLINE_12345");
        assertThat(order.get("grid").get("code").asString()).isEqualTo(grid.code());
        assertThat(order.get("description").asString()).contains("12345工单编号：" + number).contains("类型：投诉")
                .containsPattern("办理时限：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(；|】)"); // Beijing time as people write it, not ISO

        // the hotline sends it again: nothing new, the first order
        JsonNode again = call(hotline("dispatcher", order(number, "address", street)), 200);
        assertThat(again.get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(again.get("orderId").asLong()).isEqualTo(receipt.get("orderId").asLong());

        JsonNode record = call(get("/api/intake/records").param("channel", "12345").param("externalNo", number)
                .with(fixtures.as("dispatcher")), 200);
        assertThat(record.get("status").asString()).isEqualTo("CREATED");
        assertThat(record.get("orderNumber").asString()).isEqualTo(receipt.get("orderNumber").asString());
    }

    @Test
    void aRecordOutsideTheCallersTerritoryIsNotFound() throws Exception {
        String street = "贡院街" + IntakeFixtures.unique("").replace("-", "") + "号";
        fixtures.address(grid, street);
        String number = IntakeFixtures.unique("GD");
        call(hotline("dispatcher", order(number, "address", street)), 201);

        call(get("/api/intake/records").param("channel", "12345").param("externalNo", number)
                .with(fixtures.as("dispatcher-honghua")), 404);
        call(get("/api/intake/records").param("channel", "12345").param("externalNo", number)
                .with(fixtures.as("admin")), 200);
    }

    @Test
    void coordinatesLocateAnOrderInAnyDatumTheyCome() throws Exception {
        double[] p = IntakeFixtures.latLon(grid);
        LonLat gcj = CoordinateSystem.GCJ02.fromWgs84(new LonLat(p[1], p[0]));
        JsonNode receipt = call(hotline("dispatcher", order(IntakeFixtures.unique("GD"), "lat", String.valueOf(gcj.lat()),
                "lon", String.valueOf(gcj.lon()), "crs", "gcj02", "address", "无名小路")), 201);
        assertThat(receipt.get("locatedBy").asString()).isEqualTo("COORDINATES");
        JsonNode order = call(get("/api/work-orders/" + receipt.get("orderId").asLong()).with(fixtures.as("admin")), 200);
        assertThat(order.get("grid").get("code").asString()).isEqualTo(grid.code());
    }

    @Test
    void anAddressNoOneCanLocateWaitsForADispatcherWithTheCallerMasked() throws Exception {
        String number = IntakeFixtures.unique("GD");
        JsonNode receipt = call(hotline("dispatcher", order(number, "address", "不存在的路" + number + "号")), 202);
        assertThat(receipt.get("outcome").asString()).isEqualTo("PENDING");
        assertThat(receipt.path("orderId").isMissingNode() || receipt.get("orderId").isNull()).isTrue();

        JsonNode pending = call(get("/api/intake/pending/" + receipt.get("recordId").asLong()).with(fixtures.as("dispatcher")), 200);
        assertThat(pending.get("externalNo").asString()).isEqualTo(number);
        assertThat(pending.get("reporterName").asString()).isEqualTo("张**");
        assertThat(pending.get("reporterPhone").asString()).isEqualTo("139****5678");
        assertThat(pending.toString()).doesNotContain("13912345678").doesNotContain("张三丰");
    }

    @Test
    void everyFaultyFieldIsNamedAtOnceAndNothingIsSaved() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM intake_record").query(Long.class).single();
        Map<String, Object> body = order(null, "calledAt", "昨天下午", "urgency", "十万火急", "lat", "32.05", "due", "过几天",
                "phone", "call me");
        body.remove("externalNo");
        JsonNode problem = call(hotline("dispatcher", body), 400);

        assertThat(problem.get("code").asString()).isEqualTo("intake.error.invalidReport");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("externalNo", "calledAt", "urgency", "lon", "phone");
        assertThat(jdbc.sql("SELECT count(*) FROM intake_record").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyDispatchersAndAdministratorsSendReports() throws Exception {
        call(hotline("resident", order(IntakeFixtures.unique("GD"), "address", "贡院街")), 403);
        call(hotline("handler", order(IntakeFixtures.unique("GD"), "address", "贡院街")), 403);
        mvc.perform(post("/api/intake/hotline").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUrbanCaseIsFiledUnderItsStandardCategoryAndLocatedByItsUnitGrid() throws Exception {
        String number = IntakeFixtures.unique("AJ");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNo", number);
        body.put("reportedAt", "2026-05-06T10:00:00+08:00");
        body.put("kind", "部件");
        body.put("categoryCode", "01001");
        body.put("description", "供水井盖破损");
        body.put("componentId", "32010401001000123");
        body.put("unitGridCode", grid.code());
        body.put("caseSource", "监督员上报");
        JsonNode receipt = call(post("/api/intake/urban-cases").with(fixtures.as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)), 201);
        assertThat(receipt.get("locatedBy").asString()).isEqualTo("UNIT_GRID");
        JsonNode order = call(get("/api/work-orders/" + receipt.get("orderId").asLong()).with(fixtures.as("admin")), 200);
        assertThat(order.get("source").asString()).isEqualTo("URBAN_MANAGEMENT");
        assertThat(order.get("category").get("code").asString()).isEqualTo("C01001");
        assertThat(order.get("grid").get("code").asString()).isEqualTo(grid.code());
        assertThat(order.get("description").asString()).contains("部件标识码：32010401001000123").contains("案件来源：监督员上报");
    }

    @Test
    void anUrbanCaseWithACodeOutsideTheStandardIsRejected() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNo", IntakeFixtures.unique("AJ"));
        body.put("reportedAt", "2026-05-06 10:00");
        body.put("categoryCode", "01001");
        body.put("description", "井盖");
        body.put("unitGridCode", grid.code());
        JsonNode problem = call(post("/api/intake/urban-cases").with(fixtures.as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)), 400);
        assertThat(problem.get("errors").findValuesAsString("code")).contains("intake.field.kindRequired");

        body.put("kind", "事件");
        body.put("categoryCode", "99999");
        problem = call(post("/api/intake/urban-cases").with(fixtures.as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)), 400);
        assertThat(problem.get("errors").findValuesAsString("code")).contains("intake.field.unknownCategory");
    }
}
