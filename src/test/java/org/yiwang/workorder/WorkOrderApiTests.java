package org.yiwang.workorder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WorkOrderSpringTest
class WorkOrderApiTests {

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
    String handlerCategory;

    @BeforeEach
    void findAGridOfTheGridWorkerAndACategoryForTheHandler() {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        String code = grids.gridsOf(gridWorker).getFirst().code();
        grid = locator.grid(code).orElseThrow();
        long handlerUnit = people.findByUsername("handler").orElseThrow().orgUnitId();
        handlerCategory = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> {
                    RoutingDecision d = router.route(new RouteRequest(c, grid.code(), grid.community().code(), grid.street().code(), grid.district().code()));
                    return d.routed() && d.orgUnitId() == handlerUnit;
                })
                .findFirst().orElseThrow();
    }

    RequestPostProcessor as(String username) {
        UserDetails details = users.loadUserByUsername(username);
        return user(details);
    }

    Map<String, Object> inGrid(Object... more) {
        Point p = grid.geometry().getInteriorPoint();
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("lat", p.getY(), "lon", p.getX()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    JsonNode act(String user, long id, String action, Map<String, Object> body, int expected) throws Exception {
        return call(post("/api/work-orders/" + id + "/" + action).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), expected);
    }

    String photo(String user) throws Exception {
        return call(multipart("/api/photos").file(new MockMultipartFile("file", "a.jpg", "image/jpeg", JPEG)).with(as(user)), 201)
                .get("id").asString();
    }

    @Test
    void aResidentReportGoesAllTheWayFromIntakeToEvaluation() throws Exception {
        String before = photo("resident");
        JsonNode created = call(post("/api/work-orders").with(as("resident")).header("Idempotency-Key", "r-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(inGrid("description", "路边井盖缺失，13912345678 可联系", "categoryCode", handlerCategory,
                        "address", "贡院街 1 号", "photoIds", java.util.List.of(before), "reporterPhone", "13912345678"))), 201);
        long id = created.get("id").asLong();
        assertThat(created.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(created.get("number").asString()).as("YW, the day in China, seven digits").matches("YW20\\d{6}\\d{7}");
        assertThat(created.get("grid").get("code").asString()).isEqualTo(grid.code());
        assertThat(created.get("grid").get("name").asString()).isEqualTo(grid.grid().name());
        assertThat(created.get("grid").get("streetCode").asString()).isEqualTo("320104002");
        assertThat(created.get("routing").get("routed").asBoolean()).isTrue();
        assertThat(created.get("routing").get("department").get("name").asString()).contains("城市管理局");
        assertThat(created.get("routing").get("reasons").size()).isGreaterThanOrEqualTo(3);
        assertThat(created.get("dueAt").asString()).endsWith("+08:00");
        assertThat(created.get("light").asString()).isEqualTo("GREEN");

        // replay with the same key and body: the same order, nothing new
        JsonNode replay = call(post("/api/work-orders").with(as("resident")).header("Idempotency-Key", "r-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(inGrid("description", "路边井盖缺失，13912345678 可联系", "categoryCode", handlerCategory,
                        "address", "贡院街 1 号", "photoIds", java.util.List.of(before), "reporterPhone", "13912345678"))), 200);
        assertThat(replay.get("id").asLong()).isEqualTo(id);
        assertThat(replay.get("replayed").asBoolean()).isTrue();
        // the same key with another body is refused, not answered with the first order (IETF Idempotency-Key draft)
        JsonNode reused = call(post("/api/work-orders").with(as("resident")).header("Idempotency-Key", "r-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(inGrid("description", "again", "categoryCode", handlerCategory))), 422);
        assertThat(reused.get("code").asString()).isEqualTo("workorder.error.idempotencyKeyReused");

        // the handler's department hears of it through the durable outbox, after commit
        long handlerId = people.findByUsername("handler").orElseThrow().id();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from notify_inbox where user_id = :u and template_key = 'workorder.notice.DISPATCH' and link = :l")
                        .param("u", handlerId).param("l", "/work-orders/" + id).query(Long.class).single()).isEqualTo(1L));

        // the handler signs, cannot close, handles with a photo
        act("handler", id, "accept", Map.of(), 200);
        JsonNode illegal = act("handler", id, "accept", Map.of(), 409);
        assertThat(illegal.get("detail").asString()).contains("已签收");
        act("handler", id, "handle", Map.of("note", "已补装井盖", "photoIds", java.util.List.of(photo("handler"))), 200);
        act("handler", id, "close", Map.of(), 403);

        act("dispatcher", id, "request-verification", Map.of(), 200);
        act("dispatcher", id, "close", Map.of(), 409); // never verified
        act("gridworker", id, "approve", Map.of("note", "现场已恢复"), 200);
        JsonNode closed = act("dispatcher", id, "close", Map.of("note", "结案"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        JsonNode evaluated = act("resident", id, "evaluate", Map.of("satisfaction", "SATISFIED", "note", "很及时"), 200);
        assertThat(evaluated.get("status").asString()).isEqualTo("EVALUATED");
        assertThat(evaluated.get("history").findValuesAsString("action")).containsExactly(
                "REPORT", "REGISTER", "DISPATCH", "ACCEPT", "HANDLE", "REQUEST_VERIFICATION", "APPROVE", "CLOSE", "EVALUATE");
        assertThat(evaluated.get("history").get(0).get("note").asString()).isEmpty();
        // the platform's own notes in the reader's language, not both at once
        assertThat(evaluated.get("history").get(2).get("note").asString()).isEqualTo("自动派遣");
        JsonNode inEnglish = call(get("/api/work-orders/" + id).header("Accept-Language", "en").with(as("resident")), 200);
        assertThat(inEnglish.get("history").get(1).get("note").asString()).isEqualTo("filed automatically");
        assertThat(inEnglish.get("history").get(2).get("note").asString()).isEqualTo("dispatched automatically");
        assertThat(evaluated.get("reporter").get("phone").asString()).isEqualTo("13912345678"); // the reporter sees their own
        long residentId = people.findByUsername("resident").orElseThrow().id();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from notify_inbox where user_id = :u and template_key = 'workorder.notice.CLOSE' and link = :l")
                        .param("u", residentId).param("l", "/work-orders/" + id).query(Long.class).single()).isEqualTo(1L));

        JsonNode asDispatcher = call(get("/api/work-orders/" + id).with(as("dispatcher")), 200);
        assertThat(asDispatcher.get("reporter").get("phone").asString()).isEqualTo("139****5678");
        // masked for everyone but the reporter; shown as typed only on a request with a reason, which is recorded
        assertThat(asDispatcher.get("description").asString()).contains("139****5678").doesNotContain("13912345678");
        call(post("/api/work-orders/" + id + "/contact").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\" \"}"), 400);
        JsonNode contact = call(post("/api/work-orders/" + id + "/contact").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", "回访核实"))), 200);
        assertThat(contact.get("phone").asString()).isEqualTo("13912345678");
        assertThat(contact.get("description").asString()).contains("13912345678");
        assertThat(jdbc.sql("select reason from platform_personal_data_access where id = :id").param("id", contact.get("accessId").asLong())
                .query(String.class).single()).isEqualTo("回访核实");
        call(post("/api/work-orders/" + id + "/contact").with(as("dispatcher-honghua")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", "x"))), 404);

        // every transition is in the ledger
        Long ledgerRecords = jdbc.sql("select (select count(*) from ledger_entry where subject_id = :n) + (select count(*) from ledger_pending where subject_id = :n)")
                .param("n", asDispatcher.get("number").asString()).query(Long.class).single();
        assertThat(ledgerRecords).isEqualTo(9);
    }

    @Test
    void aDispatcherOfAnotherStreetCannotSeeOrTouchTheOrder() throws Exception {
        long id = call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(inGrid("description", "垃圾堆放", "categoryCode", handlerCategory))), 201).get("id").asLong();
        call(get("/api/work-orders/" + id).with(as("dispatcher-honghua")), 404);
        act("dispatcher-honghua", id, "supervise", Map.of("note", "x"), 404);
        JsonNode list = call(get("/api/work-orders").with(as("dispatcher-honghua")), 200);
        assertThat(list.get("content").findValuesAsString("number")).doesNotContain(String.valueOf(id));
        JsonNode mine = call(get("/api/work-orders").param("size", "200").with(as("dispatcher")), 200);
        assertThat(mine.get("content").findValues("id").stream().map(JsonNode::asLong)).contains(id);
    }

    @Test
    void anUncategorisedReportWaitsForADispatcherWhoFilesAndDispatchesIt() throws Exception {
        JsonNode created = call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(inGrid("description", "楼下有人占道经营"))), 201);
        assertThat(created.get("status").asString()).isEqualTo("REPORTED");
        assertThat(created.get("routing").get("outcome").asString()).isEqualTo("NEEDS_CATEGORY");
        long id = created.get("id").asLong();
        act("dispatcher", id, "register", Map.of("categoryCode", handlerCategory, "urgency", "URGENT"), 200);
        JsonNode dispatched = act("dispatcher", id, "dispatch", Map.of(), 200);
        assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(dispatched.get("urgency").asString()).isEqualTo("URGENT");
    }

    @Test
    void badInputIsAClearFourHundredAndCreatesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from workorder_order").query(Long.class).single();
        JsonNode malformed = call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON).content("{\"lat\": 32.0,"), 400);
        assertThat(malformed.get("detail").asString()).contains("无法解析");
        call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("description", "x", "lat", 95.0, "lon", 118.79))), 400);
        call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"description\":\"x\",\"lat\":\"north\",\"lon\":118.79}"), 400);
        JsonNode outside = call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("description", "x", "lat", 39.9, "lon", 116.4))), 422);
        assertThat(outside.get("detail").asString()).contains("不在平台任何网格内");
        JsonNode english = call(post("/api/work-orders").with(as("resident")).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(inGrid("description", "x", "categoryCode", "X99999"))), 400);
        assertThat(english.get("detail").asString()).contains("Unknown or disabled category");
        call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(inGrid("description", "x", "source", "HOTLINE_12345"))), 403);
        call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(inGrid("description", "x", "photoIds", java.util.List.of("f".repeat(64))))), 400);
        call(multipart("/api/photos").file(new MockMultipartFile("file", "a.jpg", "image/jpeg", "not a picture".getBytes())).with(as("resident")), 400);
        assertThat(jdbc.sql("select count(*) from workorder_order").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anonymousCallersGetAProblemNotAnOrder() throws Exception {
        call(get("/api/work-orders/1"), 401);
    }
}
