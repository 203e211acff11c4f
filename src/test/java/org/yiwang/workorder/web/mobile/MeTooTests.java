package org.yiwang.workorder.web.mobile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderSpringTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 附议 (me too): one per resident per order, offered on the report form, counted for dispatchers and in hot spots. */
@WorkOrderSpringTest
class MeTooTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Intake intake;
    @Autowired Catalog catalog;

    FieldOrders orders;

    @BeforeEach
    void fieldOrders() {
        orders = FieldOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** A resident who is not in the demo data, with an id of the test's choosing. */
    static RequestPostProcessor resident(long id) {
        Actor actor = new Actor(id, "resident-" + id, "居民" + id, Set.of(Role.RESIDENT), null, null, DataScope.NONE, false);
        Actor.Source principal = () -> actor;
        return authentication(new TestingAuthenticationToken(principal, null, "ROLE_RESIDENT"));
    }

    static long someone() {
        return 900_000 + ThreadLocalRandom.current().nextLong(90_000);
    }

    /** A point of its own inside the grid, so that other tests' reports at the grid's centre are not nearer. */
    /**
     * A point in the grid with few open reports of the category within 120 m, so that the nearby list (at most five,
     * nearest first) cannot be filled with reports nearer to the asked point than the test's own (55 m away), left by other
     * tests in the shared database.
     */
    double[] quietSpotIn(IndexedGrid grid, String category) {
        for (int i = 0; i < 200; i++) {
            double[] p = somewhereIn(grid);
            double dLat = 120 / 111_320.0;
            double dLon = 120 / (111_320.0 * Math.cos(Math.toRadians(p[0])));
            long crowd = jdbc.sql("""
                            SELECT count(*) FROM workorder_order
                             WHERE lat BETWEEN :s AND :n AND lon BETWEEN :w AND :e AND category_code = :c
                               AND status NOT IN ('CLOSED', 'EVALUATED', 'VOIDED')""")
                    .param("s", p[0] - dLat).param("n", p[0] + dLat).param("w", p[1] - dLon).param("e", p[1] + dLon)
                    .param("c", category).query(Long.class).single();
            if (crowd < 3) {
                return p;
            }
        }
        throw new IllegalStateException("no quiet spot in " + grid.code());
    }

    static double[] somewhereIn(IndexedGrid grid) {
        Envelope box = grid.geometry().getEnvelopeInternal();
        GeometryFactory factory = grid.geometry().getFactory();
        for (int i = 0; i < 10_000; i++) {
            double lon = box.getMinX() + ThreadLocalRandom.current().nextDouble() * box.getWidth();
            double lat = box.getMinY() + ThreadLocalRandom.current().nextDouble() * box.getHeight();
            if (grid.geometry().contains(factory.createPoint(new Coordinate(lon, lat)))) {
                return new double[]{lat, lon};
            }
        }
        throw new IllegalStateException("no point inside " + grid.code());
    }

    WorkOrder reportAt(double[] p, String description, String category) {
        return intake.report(new ReportProblem(description, category, p[0], p[1], null, null, null, null, null, null,
                List.of(), UUID.randomUUID().toString()), orders.actor("resident")).order();
    }

    JsonNode support(long orderId, RequestPostProcessor who, int expected) throws Exception {
        String body = mvc.perform(post("/api/work-orders/" + orderId + "/supporters").with(who).with(csrf()))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    long supporterRows(long orderId) {
        return jdbc.sql("select count(*) from workorder_supporter where order_id = :o").param("o", orderId).query(Long.class).single();
    }

    @Test
    void residentAddsMeTooOnceAndARepeatChangesNothing() throws Exception {
        WorkOrder order = orders.reportedByResident("路灯不亮，晚上很黑");
        long neighbour = someone();
        JsonNode first = support(order.id(), resident(neighbour), 201);
        assertThat(first.get("residentsAffected").asInt()).isEqualTo(2);
        assertThat(first.get("added").asBoolean()).isTrue();
        JsonNode again = support(order.id(), resident(neighbour), 200);
        assertThat(again.get("residentsAffected").asInt()).isEqualTo(2);
        assertThat(again.get("added").asBoolean()).isFalse();
        assertThat(supporterRows(order.id())).isEqualTo(1);
        support(order.id(), resident(neighbour + 1), 201);
        assertThat(supporterRows(order.id())).isEqualTo(2);
    }

    @Test
    void reporterCannotAddMeTooToTheirOwnReport() throws Exception {
        WorkOrder order = orders.reportedByResident("井盖松动");
        JsonNode refused = support(order.id(), as("resident"), 409);
        assertThat(refused.get("code").asString()).isEqualTo("workorder.support.ownReport");
        assertThat(supporterRows(order.id())).isZero();
    }

    @Test
    void staffCannotAddMeToo() throws Exception {
        WorkOrder order = orders.reportedByResident("垃圾满溢");
        JsonNode refused = support(order.id(), as("dispatcher"), 403);
        assertThat(refused.get("code").asString()).isEqualTo("workorder.support.residentsOnly");
        assertThat(supporterRows(order.id())).isZero();
    }

    @Test
    void anEndedReportTakesNoMoreMeToo() throws Exception {
        WorkOrder order = orders.closed("道路坑洼已修");
        JsonNode refused = support(order.id(), resident(someone()), 409);
        assertThat(refused.get("code").asString()).isEqualTo("workorder.support.ended");
        assertThat(refused.get("detail").asString()).contains(order.number());
        assertThat(supporterRows(order.id())).isZero();
    }

    @Test
    void nearbyOffersOpenReportsOfTheCategoryNearThePinWithPhoneNumbersMasked() throws Exception {
        IndexedGrid grid = orders.gridWorkersGrid();
        String category = orders.handlerCategory();
        double[] p = quietSpotIn(grid, category);
        WorkOrder order = reportAt(p, "消防通道被占，请联系 13912345678", category);
        String near = mvc.perform(get("/api/work-orders/nearby").param("lat", String.valueOf(p[0] + 0.0005))
                        .param("lon", String.valueOf(p[1])).param("category", category).with(resident(someone())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode found = null;
        for (JsonNode n : json.readTree(near)) {
            if (n.get("id").asLong() == order.id()) {
                found = n;
            }
        }
        assertThat(found).as("the report 55 m away").isNotNull();
        assertThat(found.get("description").asString()).doesNotContain("13912345678").contains("139");
        assertThat(found.get("metres").asInt()).isBetween(45, 65);
        assertThat(found.has("reporterName")).isFalse();

        String otherCategory = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> !c.equals(category)).findFirst().orElseThrow();
        mvc.perform(get("/api/work-orders/nearby").param("lat", String.valueOf(p[0])).param("lon", String.valueOf(p[1]))
                        .param("category", otherCategory).with(resident(someone())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(order.number()))));
        mvc.perform(get("/api/work-orders/nearby").param("lat", String.valueOf(p[0] + 0.01)).param("lon", String.valueOf(p[1]))
                        .param("category", category).with(resident(someone())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(order.number()))));
    }

    @Test
    void nearbyRefusesALatitudeOutOfRange() throws Exception {
        mvc.perform(get("/api/work-orders/nearby").param("lat", "95").param("lon", "118.8").with(as("resident")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("workorder.error.latOutOfRange")));
    }

    @Test
    void theReportFormOffersMeTooAndTheButtonAddsIt() throws Exception {
        String category = orders.handlerCategory();
        double[] p = quietSpotIn(orders.gridWorkersGrid(), category);
        WorkOrder order = reportAt(p, "人行道地砖破损", category);
        long neighbour = someone();
        mvc.perform(get("/m/report/nearby").param("lat", String.valueOf(p[0])).param("lon", String.valueOf(p[1]))
                        .param("categoryCode", category).with(resident(neighbour)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已有人反映")))
                .andExpect(content().string(containsString(order.number())))
                .andExpect(content().string(containsString("/m/reports/" + order.id() + "/support")));
        mvc.perform(post("/m/reports/" + order.id() + "/support").with(resident(neighbour)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已附议 " + order.number() + "，共 2 位居民反映")));
        // the form now says so instead of offering the button again
        mvc.perform(get("/m/report/nearby").param("lat", String.valueOf(p[0])).param("lon", String.valueOf(p[1]))
                        .param("categoryCode", category).with(resident(neighbour)))
                .andExpect(content().string(containsString("您已附议")));
        // the reporter sees it as their own, with no button
        mvc.perform(get("/m/report/nearby").param("lat", String.valueOf(p[0])).param("lon", String.valueOf(p[1]))
                        .param("categoryCode", category).with(as("resident")))
                .andExpect(content().string(containsString("这是您上报的")));
    }

    @Test
    void dispatcherSeesHowManyResidentsAreAffected() throws Exception {
        WorkOrder order = orders.reportedByResident("噪音扰民，夜间施工");
        support(order.id(), resident(someone()), 201);
        support(order.id(), resident(someone() + 90_000), 201);
        mvc.perform(get("/console/orders/" + order.id()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 位居民反映")));
    }

    @Test
    void meTooWeighsInHotSpots() throws Exception {
        IndexedGrid grid = orders.gridWorkersGrid();
        // a category nobody reported in this grid within the hot-spot window
        String category = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> jdbc.sql("select count(*) from sorter_intake where grid_code = :g and category_code = :c")
                        .param("g", grid.code()).param("c", c).query(Long.class).single() == 0)
                .filter(c -> !c.equals(orders.handlerCategory()))
                .findFirst().orElseThrow();
        // three reports: under the five that make a hot spot
        List<WorkOrder> three = List.of(reportAt(somewhereIn(grid), "第一处", category), reportAt(somewhereIn(grid), "第二处", category),
                reportAt(somewhereIn(grid), "第三处", category));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from sorter_intake where grid_code = :g and category_code = :c")
                .param("g", grid.code()).param("c", category).query(Long.class).single() == 3);
        assertThat(openHotspots(grid.code(), category)).isZero();
        // two neighbours say "me too" to the last: five residents affected
        long last = three.getLast().id();
        support(last, resident(someone()), 201);
        support(last, resident(someone() + 90_000), 201);
        await().atMost(Duration.ofSeconds(15)).until(() -> openHotspots(grid.code(), category) == 1);
        String listed = mvc.perform(get("/api/sorter/hotspots").with(as("dispatcher"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode spot = null;
        for (JsonNode h : json.readTree(listed)) {
            if (h.get("gridCode").asString().equals(grid.code()) && h.get("categoryCode").asString().equals(category)) {
                spot = h;
            }
        }
        assertThat(spot).isNotNull();
        assertThat(spot.get("orderCount").asInt()).isEqualTo(3);
        assertThat(spot.get("residentsAffected").asInt()).isEqualTo(5);
    }

    long openHotspots(String grid, String category) {
        return jdbc.sql("select count(*) from sorter_hotspot where grid_code = :g and category_code = :c and status = 'OPEN'")
                .param("g", grid).param("c", category).query(Long.class).single();
    }
}
