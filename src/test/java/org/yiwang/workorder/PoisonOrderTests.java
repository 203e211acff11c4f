package org.yiwang.workorder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outside probe's poison order: an extension "until" far in the future was accepted, approving it
 * answered 500 but committed, and from then on every list, map and page holding the order answered 500.
 */
@WorkOrderSpringTest
class PoisonOrderTests {

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
    void findAGridAndACategoryOfTheHandler() {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        grid = locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow();
        long handlerUnit = people.findByUsername("handler").orElseThrow().orgUnitId();
        handlerCategory = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> {
                    RoutingDecision d = router.route(new RouteRequest(c, grid.code(), grid.community().code(), grid.street().code(), grid.district().code()));
                    return d.routed() && d.orgUnitId() == handlerUnit;
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

    void page(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        mvc.perform(request).andExpect(status().isOk());
    }

    JsonNode act(String user, long id, String action, Map<String, Object> body, int expected) throws Exception {
        return call(post("/api/work-orders/" + id + "/" + action).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), expected);
    }

    long acceptedOrder() throws Exception {
        Point p = grid.geometry().getInteriorPoint();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("lat", p.getY(), "lon", p.getX(),
                "description", "井盖松动", "categoryCode", handlerCategory));
        long id = call(post("/api/work-orders").with(as("resident")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)), 201).get("id").asLong();
        act("handler", id, "accept", Map.of(), 200);
        return id;
    }

    @Test
    void anExtensionBeyondAYearOrOutsideTheCalendarIsRefusedAndChangesNothing() throws Exception {
        long id = acceptedOrder();
        JsonNode farAway = act("handler", id, "request-extension", Map.of("until", "+99999-01-01T00:00:00Z", "note", "缺材料"), 400);
        assertThat(farAway.get("detail").asString()).contains("until");
        JsonNode years = act("handler", id, "request-extension", Map.of("until", "2099-01-01T00:00:00Z", "note", "缺材料"), 400);
        assertThat(years.get("detail").asString()).contains("延时");
        JsonNode detail = call(get("/api/work-orders/" + id).with(as("dispatcher")), 200);
        assertThat(detail.get("history").findValuesAsString("action")).doesNotContain("REQUEST_EXTENSION");
    }

    @Test
    void aDateOutsideAnyPlausibleRangeInAnyJsonBodyIsABadRequestNamingTheField() throws Exception {
        long id = acceptedOrder();
        JsonNode problem = call(post("/api/work-orders/" + id + "/request-extension").with(as("handler"))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"until\":\"-5000-01-01T00:00:00Z\",\"note\":\"x\"}"), 400);
        assertThat(problem.get("detail").asString()).contains("until");
    }

    @Test
    void anOrderWhoseDueTimeIsOutsideTheCalendarStillShowsInListsPagesAndTheMap() throws Exception {
        long id = acceptedOrder();
        // what the probe left behind before the edge was guarded: a due time in the year 99999
        jdbc.sql("update workorder_order set stage_due_at = '99999-01-01 00:00:00+00', extension_requested_until = '99999-06-01 00:00:00+00' where id = :id")
                .param("id", id).update();

        JsonNode list = call(get("/api/work-orders").param("size", "200").with(as("dispatcher")), 200);
        assertThat(list.get("content").findValues("id").stream().map(JsonNode::asLong)).contains(id);
        call(get("/api/work-orders/" + id).with(as("dispatcher")), 200);
        call(get("/api/work-orders/" + id).with(as("resident")), 200);
        page(get("/m/reports/" + id).with(as("resident")));
        page(get("/m/reports").with(as("resident")));
        page(get("/console/queue").with(as("dispatcher")));
        page(get("/console/orders/" + id).with(as("dispatcher")));
        page(get("/console/inbox").with(as("handler")));
        page(get("/console/overdue").with(as("dispatcher")));
        call(get("/command/map/orders").with(as("dispatcher")), 200);
        call(get("/api/sla/orders/" + id).with(as("dispatcher")), 200);
        // and the order can still be acted on: the dispatcher rejects the absurd extension
        act("dispatcher", id, "reject-extension", Map.of("note", "时间不合理"), 200);
        // … and every follower of the journal applies that change instead of parking it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.sql("""
                        select count(*) from workorder_journal_cursor c, workorder_journal j
                        where j.order_id = :id and (c.tx, c.position) < (j.tx, j.position)""").param("id", id)
                        .query(Long.class).single()).isZero());
        assertThat(jdbc.sql("""
                select count(*) from workorder_journal_parked p join workorder_journal j on j.tx = p.tx and j.position = p.position
                where j.order_id = :id""").param("id", id).query(Long.class).single()).isZero();
    }
}
