package org.yiwang.workorder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.dispatch.RouteRequest;
import org.yiwang.dispatch.Router;
import org.yiwang.dispatch.RoutingDecision;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 主办/协办, 退单 and 争议 through the JSON API, on the demo territory and users. */
@WorkOrderSpringTest
class CoHandlingApiTests {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Router router;
    @Autowired Catalog catalog;
    @Autowired People people;
    @Autowired JdbcClient jdbc;

    IndexedGrid grid;
    String category;
    long lead;
    long housing;

    @BeforeEach
    void findAGridACategoryOfTheHandlerAndAnotherDepartment() {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        grid = locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow();
        lead = people.findByUsername("handler").orElseThrow().orgUnitId();
        housing = people.findByUsername("handler-housing").orElseThrow().orgUnitId();
        category = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> {
                    RoutingDecision d = router.route(new RouteRequest(c, grid.code(), grid.community().code(), grid.street().code(),
                            grid.district().code()));
                    return d.routed() && d.orgUnitId() == lead;
                })
                .findFirst().orElseThrow();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    JsonNode act(String user, long id, String action, Map<String, Object> body, int expected) throws Exception {
        return call(post("/api/work-orders/" + id + "/" + action).with(as(user)).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), expected);
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    long reported(String description) throws Exception {
        Point p = grid.geometry().getInteriorPoint();
        JsonNode created = call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body("lat", p.getY(), "lon", p.getX(), "description", description,
                        "categoryCode", category))), 201);
        assertThat(created.get("status").asString()).isEqualTo("DISPATCHED");
        return created.get("id").asLong();
    }

    JsonNode detail(String user, long id) throws Exception {
        return call(get("/api/work-orders/" + id).with(as(user)), 200);
    }

    @Test
    void coHandlerReportsItsPartBeforeTheLeadCanReportDoneAndTheOrderCloses() throws Exception {
        long id = reported("人行道破损，需要城管和住建共同处理");
        JsonNode refused = act("handler", id, "return", body("note", "不属于本部门"), 400);
        assertThat(refused.get("detail").asString()).contains("dutyItem");
        act("handler", id, "return", body("note", "属住建部门职责", "dutyItem", "DL-" + category), 200);

        JsonNode dispatched = act("dispatcher-district", id, "dispatch", body("orgUnitId", lead, "note", "经核实由城管主办，住建协办",
                "assists", List.of(body("orgUnitId", housing, "part", "负责破损路面的修复", "workingDays", 2))), 200);
        JsonNode coHandler = dispatched.get("coHandling").get("coHandlers").get(0);
        assertThat(coHandler.get("unit").get("id").asLong()).isEqualTo(housing);
        assertThat(coHandler.get("part").asString()).isEqualTo("负责破损路面的修复");
        assertThat(coHandler.get("state").asString()).isEqualTo("WORKING");
        assertThat(coHandler.get("light").asString()).isEqualTo("GREEN");

        act("handler", id, "accept", body(), 200);
        JsonNode early = act("handler", id, "handle", body("note", "已修复"), 409);
        assertThat(early.get("detail").asString()).contains("住房和城乡建设局");
        assertThat(detail("handler", id).get("status").asString()).isEqualTo("ACCEPTED");

        JsonNode inbox = call(get("/api/work-orders").param("mine", "true").param("size", "200").with(as("handler-housing")), 200);
        assertThat(inbox.get("content").valueStream().map(o -> o.get("id").asLong())).contains(id);
        JsonNode asCoHandler = detail("handler-housing", id);
        assertThat(asCoHandler.get("allowedActions").valueStream().map(JsonNode::asString)).contains("assist-report", "assist-return")
                .doesNotContain("handle", "accept");

        String photo = call(multipart("/api/photos").file(new MockMultipartFile("file", "a.jpg", "image/jpeg", JPEG))
                .with(as("handler-housing")), 201).get("id").asString();
        JsonNode reported = act("handler-housing", id, "assist-report", body("note", "路面已修复", "photoIds", List.of(photo)), 200);
        assertThat(reported.get("coHandling").get("coHandlers").get(0).get("state").asString()).isEqualTo("REPORTED");
        assertThat(reported.get("coHandling").get("coHandlers").get(0).get("onTime").asBoolean()).isTrue();
        act("handler-housing", id, "assist-report", body("note", "再报一次"), 409);

        act("handler", id, "handle", body("note", "已修复并清理现场"), 200);
        act("dispatcher-district", id, "request-verification", body(), 200);
        act("gridworker", id, "approve", body("note", "现场核实已修复"), 200);
        JsonNode closed = act("dispatcher-district", id, "close", body(), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("history").valueStream().map(h -> h.get("action").asString()))
                .contains("ASSIST_REPORT", "RETURN", "HANDLE", "CLOSE");
    }

    @Test
    void aSecondSendingBackGoesToArbitrationAndTheRulingBindsTheUnits() throws Exception {
        long id = reported("小区门口占道经营，反复出现");
        act("handler", id, "return", body("note", "不属于本部门", "dutyItem", "DL-" + category), 200);
        act("dispatcher-district", id, "dispatch", body("orgUnitId", lead, "note", "经核实仍属城管职责"), 200);
        JsonNode again = act("handler", id, "return", body("note", "仍不属于本部门", "dutyItem", "DL-" + category), 409);
        assertThat(again.get("detail").asString()).contains("仲裁");

        JsonNode contested = act("handler", id, "contest", body("note", "依清单应由市场监管处置", "dutyItem", "DL-" + category), 200);
        assertThat(contested.get("coHandling").get("dispute").get("unit").get("id").asLong()).isEqualTo(lead);
        assertThat(contested.get("coHandling").get("dispute").get("origin").asString()).isEqualTo("SECOND_RETURN");
        assertThat(contested.get("status").asString()).isEqualTo("DISPATCHED");

        JsonNode queue = call(get("/api/work-orders/co-handling/dispute").param("size", "200").with(as("dispatcher-district")), 200);
        assertThat(queue.get("content").valueStream().map(o -> o.get("id").asLong())).contains(id);
        act("handler", id, "rule", body("orgUnitId", lead, "note", "我来裁定"), 403);
        act("dispatcher-district", id, "rule", body("orgUnitId", lead), 400);

        JsonNode ruled = act("dispatcher-district", id, "rule", body("orgUnitId", lead, "note", "依职责清单由城管主办、住建协办",
                "assists", List.of(body("orgUnitId", housing, "part", "提供权属资料"))), 200);
        assertThat(ruled.get("status").asString()).isEqualTo("DISPATCHED");
        JsonNode openDispute = ruled.get("coHandling").get("dispute");
        assertThat(openDispute == null || openDispute.isNull()).as("no open dispute").isTrue();
        assertThat(ruled.get("coHandling").get("boundUnits").valueStream().map(u -> u.get("id").asLong())).contains(lead, housing);
        assertThat(ruled.get("coHandling").get("coHandlers").get(0).get("part").asString()).isEqualTo("提供权属资料");
        JsonNode bound = act("handler", id, "contest", body("note", "仍不服", "dutyItem", "DL-" + category), 409);
        assertThat(bound.get("detail").asString()).contains("裁定");
        act("handler-housing", id, "assist-return", body("note", "不属于", "dutyItem", "DL-" + category), 409);

        String number = ruled.get("number").asString();
        assertThat(jdbc.sql("select count(*) from (select subject_id, kind from ledger_pending union all "
                        + "select subject_id, kind from ledger_entry) l where l.subject_id = :n and l.kind in ('CONTEST', 'RULE')")
                .param("n", number).query(Long.class).single()).isEqualTo(2);
        JsonNode after = call(get("/api/work-orders/co-handling/dispute").param("size", "200").with(as("dispatcher-district")), 200);
        assertThat(after.get("content").valueStream().map(o -> o.get("id").asLong())).doesNotContain(id);
    }

    @Test
    void dispatcherAnswersACoHandlersSendingBack() throws Exception {
        long id = reported("井盖松动，需要水务配合");
        act("handler", id, "return", body("note", "需联合处置", "dutyItem", "DL-" + category), 200);
        act("dispatcher-district", id, "dispatch", body("orgUnitId", lead, "note", "城管主办，住建协办",
                "assists", List.of(body("orgUnitId", housing, "part", "配合"))), 200);
        act("handler-housing", id, "assist-return", body("note", "不属于本单位", "dutyItem", " "), 400);
        act("handler-housing", id, "assist-return", body("note", "不属于本单位职责", "dutyItem", "DL-" + category), 200);
        JsonNode returns = call(get("/api/work-orders/co-handling/return").param("size", "200").with(as("dispatcher-district")), 200);
        assertThat(returns.get("content").valueStream().map(o -> o.get("id").asLong())).contains(id);

        JsonNode accepted = act("dispatcher-district", id, "accept-return", body("orgUnitId", housing, "note", "同意"), 200);
        assertThat(accepted.get("coHandling").get("coHandlers").size()).isZero();
        assertThat(accepted.get("coHandling").get("returnedUnits").valueStream().map(u -> u.get("id").asLong())).contains(lead, housing);
        act("handler-housing", id, "assist-report", body("note", "x"), 404);
        act("handler", id, "accept", body(), 200);
        act("handler", id, "handle", body("note", "已处理"), 200);
    }
}
