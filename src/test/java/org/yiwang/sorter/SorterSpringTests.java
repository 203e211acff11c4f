package org.yiwang.sorter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import org.yiwang.platform.Actor;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.IntakeResult;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sorter in the running application, on one context: suggestions (cold start, then a trained model),
 * what intake records, corrections and examples learnt from orders, model versions with rollback,
 * duplicates merged by a dispatcher and a hot spot alert. Orders are not dispatched automatically here, so
 * that they stay mergeable; the tests that train run last, after the ones that expect the keyword model.
 */
@SpringBootTest(properties = {"yiwang.workorder.auto-dispatch=false", "yiwang.sorter.training.scheduled=false",
        "yiwang.sorter.training.min-examples=20"})
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SorterSpringTests {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Intake intake;
    @Autowired WorkOrderActions actions;
    @Autowired WorkOrderQueries queries;
    @Autowired SorterModels sorterModels;
    @Autowired Router router;
    @Autowired Catalog catalog;
    @Autowired Duplicates duplicates;
    @Autowired IntakeTraces traces;
    @Autowired Hotspots hotspots;

    IndexedGrid grid;

    @BeforeEach
    void theGridWorkersGrid() {
        long worker = people.findByUsername("gridworker").orElseThrow().id();
        grid = locator.grid(grids.gridsOf(worker).getFirst().code()).orElseThrow();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    Actor actor(String username) {
        return people.actorOf(username).orElseThrow();
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    IntakeResult report(String text, String category, double metresNorth) {
        Point p = grid.geometry().getInteriorPoint();
        return intake.report(new ReportProblem(text, category, p.getY() + metresNorth / 111_000.0, p.getX(), null, null, Source.RESIDENT,
                null, null, null, List.of(), null), actor("resident"));
    }

    long count(String sql, Object... params) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    @Test
    @Order(1)
    void beforeAnyHistoryTheCatalogKeywordsSuggestAndIntakeKeepsTheSuggestions() throws Exception {
        JsonNode answer = call(get("/api/sorter/suggest").param("text", "小区门口的污水井盖坏了").with(as("resident")), 200);
        assertThat(answer.get("model").asString()).isEqualTo("KEYWORDS");
        assertThat(answer.get("suggestions").get(0).get("categoryCode").asString()).isEqualTo("C01002");
        assertThat(answer.get("suggestions").get(0).get("name").asString()).isEqualTo("污水井盖");
        assertThat(answer.get("suggestions").get(0).get("confidence").asDouble()).isBetween(0.0, 0.8);
        assertThat(answer.get("suggestions").get(0).get("evidence").get(0).asString()).isEqualTo("污水井盖");

        JsonNode posted = call(post("/api/sorter/suggest").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"楼下广场舞噪音太吵\",\"limit\":1}"), 200);
        assertThat(posted.get("suggestions").size()).isEqualTo(1);

        JsonNode blank = call(get("/api/sorter/suggest").param("text", " ").with(as("resident")), 400);
        assertThat(blank.get("detail").asString()).contains("text");
        call(get("/api/sorter/suggest").param("text", "井盖").param("limit", "11").with(as("resident")), 400);
        call(get("/api/sorter/suggest").param("text", "井盖"), 401);

        IntakeResult result = report("小区门口的污水井盖坏了", null, 0);
        assertThat(result.order().status()).isEqualTo(WorkOrderStatus.REPORTED);
        assertThat(result.order().categoryCode()).as("the keyword model never files on its own").isNull();
        assertThat(result.history().getFirst().details().get("suggestions").toString()).startsWith("[C01002 0.");
    }

    @Test
    @Order(1)
    void anAdministratorsConfidenceThresholdDecidesWhetherIntakeFilesUnderTheTopSuggestion() throws Exception {
        JsonNode before = call(get("/api/sorter/settings").with(as("admin")), 200);
        assertThat(before.get("autoConfidence").asDouble()).isEqualTo(0.85);
        assertThat(before.get("stored").asBoolean()).isFalse();
        call(get("/api/sorter/settings").with(as("dispatcher")), 403);
        for (String bad : List.of("0", "1.5", "-0.2", "\"abc\"", "\"\"", "true", "[0.5]")) {
            JsonNode refused = call(put("/api/sorter/settings").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"autoConfidence\":" + bad + "}"), 400);
            assertThat(refused.get("detail").asString()).as(bad).contains("autoConfidence");
        }
        call(put("/api/sorter/settings").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"autoConfidence\":0.5}"), 403);
        assertThat(call(get("/api/sorter/settings").with(as("admin")), 200).get("stored").asBoolean()).as("nothing half-written").isFalse();
        try {
            // the keyword model's confidence stays below the configured 0.85; an administrator's 0.01 lets it file
            JsonNode changed = call(put("/api/sorter/settings").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"autoConfidence\":0.01}"), 200);
            assertThat(changed.get("autoConfidence").asDouble()).isEqualTo(0.01);
            assertThat(changed.get("configuredDefault").asDouble()).isEqualTo(0.85);
            IntakeResult filed = report("小区门口的污水井盖坏了", null, 0);
            assertThat(filed.order().categoryCode()).isEqualTo("C01002");

            String page = mvc.perform(get("/admin/sorter").with(as("admin"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("auto-confidence", "0.01");
            mvc.perform(post("/admin/sorter").with(as("admin")).with(csrf()).param("autoConfidence", "2"))
                    .andExpect(status().isBadRequest());
            mvc.perform(post("/admin/sorter").with(as("admin")).with(csrf()).param("autoConfidence", "0,9"))
                    .andExpect(status().is3xxRedirection());
            assertThat(call(get("/api/sorter/settings").with(as("admin")), 200).get("autoConfidence").asDouble()).isEqualTo(0.9);
        } finally {
            JsonNode reset = call(put("/api/sorter/settings").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"autoConfidence\":null}"), 200);
            assertThat(reset.get("autoConfidence").asDouble()).isEqualTo(0.85);
        }
        IntakeResult waiting = report("小区门口的污水井盖又坏了", null, 0);
        assertThat(waiting.order().categoryCode()).as("back at the configured threshold").isNull();
    }

    @Test
    @Order(2)
    void aDispatcherWhoFilesUnderAnotherCategoryThanTheTopSuggestionIsRecordedAsACorrection() {
        IntakeResult result = report("楼下广场舞噪音太吵，每天晚上跳到十点", null, 0);
        String top = result.history().getFirst().details().get("suggestions").toString().substring(1, 7);
        String chosen = "L01009".equals(top) ? "L01001" : "L01009";
        long id = result.order().id();
        actions.perform(id, Action.REGISTER, new ActOnOrder("", List.of(), chosen, null, null, List.of(), null, null, null, null),
                actor("dispatcher"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT suggested_category || '>' || chosen_category FROM sorter_correction WHERE order_id = :id")
                .param("id", id).query(String.class).optional()).contains(top + ">" + chosen));

        // filing under the suggested category is no correction
        IntakeResult agreed = report("小区门口的污水井盖坏了，很危险", null, 0);
        actions.perform(agreed.order().id(), Action.REGISTER, new ActOnOrder("", List.of(), "C01002", null, null, List.of(), null, null,
                null, null), actor("dispatcher"));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM sorter_intake WHERE order_id = ? AND category_code = 'C01002' "
                + "AND status = 'REGISTERED'", agreed.order().id()) == 1);
        assertThat(count("SELECT count(*) FROM sorter_correction WHERE order_id = ?", agreed.order().id())).isZero();
    }

    @Test
    @Order(3)
    void aClosedOrderBecomesATrainingExampleUnderItsFinalCategory() {
        String category = handlerCategory();
        IntakeResult result = report("路灯坏了好几天，晚上一片漆黑", null, 0);
        long id = result.order().id();
        actions.perform(id, Action.REGISTER, new ActOnOrder("", List.of(), category, null, null, List.of(), null, null, null, null),
                actor("dispatcher"));
        actions.perform(id, Action.DISPATCH, ActOnOrder.note(""), actor("dispatcher"));
        actions.perform(id, Action.ACCEPT, ActOnOrder.note(""), actor("handler"));
        actions.perform(id, Action.HANDLE, ActOnOrder.note("已修复"), actor("handler"));
        actions.perform(id, Action.REQUEST_VERIFICATION, ActOnOrder.note(""), actor("dispatcher"));
        actions.perform(id, Action.APPROVE, ActOnOrder.note("现场已恢复"), actor("gridworker"));
        WorkOrder closed = actions.perform(id, Action.CLOSE, ActOnOrder.note("结案"), actor("dispatcher"));
        assertThat(closed.status()).isEqualTo(WorkOrderStatus.CLOSED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("SELECT category_code FROM sorter_example WHERE order_id = :id")
                .param("id", id).query(String.class).optional()).contains(category));
        assertThat(jdbc.sql("SELECT text FROM sorter_example WHERE order_id = :id").param("id", id).query(String.class).single())
                .isEqualTo("路灯坏了好几天，晚上一片漆黑");
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM sorter_intake WHERE order_id = ? AND NOT open", id) == 1);
    }

    String handlerCategory() {
        long handlerUnit = people.findByUsername("handler").orElseThrow().orgUnitId();
        return catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> {
                    RoutingDecision d = router.route(new RouteRequest(c, grid.code(), grid.community().code(), grid.street().code(),
                            grid.district().code()));
                    return d.routed() && d.orgUnitId() == handlerUnit;
                })
                .findFirst().orElseThrow();
    }

    @Test
    @Order(4)
    void aLikelyDuplicateIsFoundAndTheDispatcherMergesItIntoTheOlderOrder() throws Exception {
        long older = report("贡院街12号门口乱堆杂物，堵住了通道", "M06036", 0).order().id();
        long other = report("这里的路灯一直不亮", "M06036", 10).order().id(); // another problem: not a duplicate
        long newer = report("贡院街12号门口又堆满杂物，通道被堵住了", "M06036", 25).order().id();
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM sorter_duplicate WHERE order_id = ?", newer) > 0);
        assertThat(count("SELECT count(*) FROM sorter_duplicate WHERE ? IN (order_id, candidate_id)", other)).isZero();

        JsonNode found = call(get("/api/work-orders/" + newer + "/duplicates").with(as("dispatcher")), 200);
        assertThat(found.size()).isEqualTo(1);
        JsonNode pair = found.get(0);
        assertThat(pair.get("order").get("id").asLong()).isEqualTo(newer);
        assertThat(pair.get("candidate").get("id").asLong()).isEqualTo(older);
        assertThat(pair.get("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(pair.get("distanceMeters").asDouble()).isBetween(20.0, 40.0);
        assertThat(pair.get("status").asString()).isEqualTo("OPEN");
        call(get("/api/work-orders/" + newer + "/duplicates").with(as("resident")), 403);
        call(get("/api/work-orders/" + newer + "/duplicates").with(as("dispatcher-honghua")), 404);
        long pairId = pair.get("id").asLong();
        // the command map's layer: the undecided pair with both orders where they were reported, in the territory only
        JsonNode onMap = call(get("/api/sorter/duplicates").with(as("dispatcher")), 200);
        JsonNode drawn = null;
        for (JsonNode p : onMap) {
            if (p.get("id").asLong() == pairId) {
                drawn = p;
            }
        }
        assertThat(drawn).as("the pair on the map").isNotNull();
        assertThat(drawn.get("order").get("id").asLong()).isEqualTo(newer);
        assertThat(drawn.get("candidate").get("id").asLong()).isEqualTo(older);
        assertThat(drawn.get("candidate").get("lat").asDouble()).isCloseTo(grid.geometry().getInteriorPoint().getY(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(drawn.get("order").get("lat").asDouble() - drawn.get("candidate").get("lat").asDouble()).isCloseTo(25 / 111_000.0,
                org.assertj.core.data.Offset.offset(1e-5));
        assertThat(drawn.toString()).doesNotContain("堆满杂物");
        for (JsonNode p : call(get("/api/sorter/duplicates").with(as("dispatcher-honghua")), 200)) {
            assertThat(p.get("id").asLong()).as("another street's dispatcher").isNotEqualTo(pairId);
        }
        call(get("/api/sorter/duplicates").with(as("resident")), 403);
        assertThat(call(get("/api/sorter/duplicates").param("limit", "0").with(as("dispatcher")), 400).toString()).contains("limit");
        call(post("/api/sorter/duplicates/" + pairId + "/merge").with(as("dispatcher-honghua")), 404);

        JsonNode merged = call(post("/api/sorter/duplicates/" + pairId + "/merge").with(as("dispatcher"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"同一处堆物\"}"), 200);
        assertThat(merged.get("status").asString()).isEqualTo("MERGED");
        WorkOrder duplicate = queries.get(newer, Actor.system());
        assertThat(duplicate.status()).isEqualTo(WorkOrderStatus.VOIDED);
        assertThat(duplicate.masterOrderId()).isEqualTo(older);
        call(post("/api/sorter/duplicates/" + pairId + "/keep-apart").with(as("dispatcher")), 409);
        assertThat(call(get("/api/work-orders/" + newer + "/duplicates").param("all", "true").with(as("dispatcher")), 200)
                .get(0).get("status").asString()).isEqualTo("MERGED");
    }

    @Test
    @Order(7)
    void twoSimilarReportsArePairedWhicheverTraceIsRecordedFirst() {
        long older = report("农贸市场北门口垃圾桶满了溢出来", "M06012", 7).order().id();
        long newer = report("农贸市场北门口垃圾桶满了溢出来好几天", "M06012", 9).order().id();
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM sorter_intake WHERE order_id IN (?, ?)", older, newer) == 2);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM sorter_duplicate WHERE order_id = ? AND candidate_id = ?", newer, older) == 1);
        // as if the newer report's trace had been recorded first: only the older one's detection can find the pair
        jdbc.sql("DELETE FROM sorter_duplicate WHERE order_id IN (:a, :b) OR candidate_id IN (:a, :b)")
                .param("a", older).param("b", newer).update();
        assertThat(duplicates.detect(traces.find(older).orElseThrow())).isPositive();
        assertThat(count("SELECT count(*) FROM sorter_duplicate WHERE order_id = ? AND candidate_id = ?", newer, older)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sorter_duplicate WHERE order_id = ?", older)).isZero();
    }

    @Test
    @Order(5)
    void aDispatcherKeepsTwoSimilarReportsApart() throws Exception {
        report("菜场西门口路面上有油污", "M06012", 3).order().id();
        long newer = report("菜场西门口路面有油污很滑", "M06012", 5).order().id();
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM sorter_duplicate WHERE order_id = ?", newer) > 0);
        long pairId = call(get("/api/work-orders/" + newer + "/duplicates").with(as("dispatcher")), 200).get(0).get("id").asLong();
        JsonNode kept = call(post("/api/sorter/duplicates/" + pairId + "/keep-apart").with(as("dispatcher"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"两处不同的油污\"}"), 200);
        assertThat(kept.get("status").asString()).isEqualTo("KEPT_APART");
        assertThat(queries.get(newer, Actor.system()).status()).isEqualTo(WorkOrderStatus.REPORTED);
        assertThat(call(get("/api/work-orders/" + newer + "/duplicates").with(as("dispatcher")), 200).size()).isZero();
    }

    @Test
    @Order(6)
    void fiveReportsOfOneCategoryInOneGridRaiseOneHotSpotAlert() throws Exception {
        String[] texts = {"晚上KTV太吵", "酒吧音乐声音太大", "楼下商铺音箱扰民", "夜里有人用喇叭喊", "工地半夜施工噪声", "凌晨还有人唱歌"};
        long dispatcher = people.findByUsername("dispatcher").orElseThrow().id();
        for (int i = 0; i < 4; i++) {
            report(texts[i], "M06028", i);
        }
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM sorter_intake WHERE category_code = 'M06028' AND NOT suggested") >= 4);
        assertThat(count("SELECT count(*) FROM sorter_hotspot")).isZero();
        report(texts[4], "M06028", 4);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM sorter_hotspot") == 1);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM notify_inbox WHERE user_id = ? AND template_key = 'sorter.notice.hotspot'",
                dispatcher) == 1);
        long sixth = report(texts[5], "M06028", 5).order().id();
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM sorter_hotspot_order WHERE order_id = ?", sixth) == 1);
        assertThat(count("SELECT count(*) FROM sorter_hotspot")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notify_inbox WHERE template_key = 'sorter.notice.hotspot' AND user_id = ?", dispatcher))
                .isEqualTo(1);

        JsonNode spots = call(get("/api/sorter/hotspots").with(as("dispatcher")), 200);
        assertThat(spots.size()).isEqualTo(1);
        assertThat(spots.get(0).get("categoryCode").asString()).isEqualTo("M06028");
        assertThat(spots.get(0).get("gridCode").asString()).isEqualTo(grid.code());
        assertThat(spots.get(0).get("orderCount").asInt()).isEqualTo(6);
        assertThat(spots.get(0).get("orders").size()).isEqualTo(6);
        assertThat(call(get("/api/sorter/hotspots").with(as("dispatcher-honghua")), 200).size()).isZero();
        call(get("/api/sorter/hotspots").with(as("resident")), 403);
        call(get("/api/sorter/hotspots/" + spots.get(0).get("id").asLong()).with(as("dispatcher")), 200);
    }

    @Test
    @Order(8)
    void reportsCheckedTogetherInOneBatchGiveTheDuplicatesAndTheHotSpotOfReportsCheckedOneByOne() {
        String[] texts = {"小区北门口有人露天烧烤，烟很大", "小区北门口又有人露天烧烤，烟很大呛人", "河边步道上有人支摊露天烧烤",
                "广场旁边夜里露天烧烤烟熏火燎", "河边步道上又有人支摊露天烧烤到半夜", "学校后门有烧烤摊占道"};
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            ids.add(report(texts[i], "M06029", 60 + 3 * i).order().id());
        }
        Long[] mine = ids.toArray(Long[]::new);
        // as the follower found them, report by report or a few at a time, whatever the timing
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM sorter_hotspot_order WHERE order_id = ANY (:ids)")
                .param("ids", mine).query(Long.class).single() == 6);
        java.util.Set<String> pairs = pairsOf(mine);
        assertThat(pairs).isNotEmpty();
        long spot = jdbc.sql("SELECT id FROM sorter_hotspot WHERE category_code = 'M06029'").query(Long.class).single();

        // forget all of it, then check the six reports again as one batch
        jdbc.sql("DELETE FROM sorter_hotspot_order WHERE hotspot_id = :h").param("h", spot).update();
        jdbc.sql("DELETE FROM sorter_hotspot WHERE id = :h").param("h", spot).update();
        jdbc.sql("DELETE FROM sorter_duplicate WHERE order_id = ANY (:ids) OR candidate_id = ANY (:ids)").param("ids", mine).update();
        jdbc.sql("DELETE FROM sorter_intake WHERE order_id = ANY (:ids)").param("ids", mine).update();
        Map<Long, IntakeTraces.Trace> recorded = traces.recordAll(ids);
        assertThat(recorded.keySet()).containsExactlyElementsOf(ids);
        List<IntakeTraces.Trace> batch = List.copyOf(recorded.values());
        assertThat(duplicates.detectAll(batch)).isEqualTo(pairs.size());
        Map<Long, Long> joined = hotspots.checkAll(batch);

        assertThat(pairsOf(mine)).isEqualTo(pairs);
        assertThat(joined.keySet()).containsExactly(ids.get(4), ids.get(5));
        long again = jdbc.sql("SELECT id FROM sorter_hotspot WHERE category_code = 'M06029'").query(Long.class).single();
        assertThat(joined.values()).containsOnly(again);
        assertThat(count("SELECT order_count FROM sorter_hotspot WHERE id = ?", again)).isEqualTo(6);
        assertThat(jdbc.sql("SELECT order_id FROM sorter_hotspot_order WHERE hotspot_id = :h ORDER BY order_id").param("h", again)
                .query(Long.class).list()).containsExactlyElementsOf(ids);
    }

    /** The duplicate pairs involving any of the orders, as "repeat>original". */
    java.util.Set<String> pairsOf(Long[] orders) {
        return new java.util.TreeSet<>(jdbc.sql("SELECT order_id || '>' || candidate_id FROM sorter_duplicate WHERE order_id = ANY (:ids) OR candidate_id = ANY (:ids)")
                .param("ids", orders).query(String.class).list());
    }

    @Test
    @Order(10)
    void modelsAreTrainedFromTheHistoryVersionedActivatedAndRolledBack() throws Exception {
        call(post("/api/sorter/models/train").with(as("dispatcher")), 403);
        call(post("/api/sorter/models/rollback").with(as("admin")), 409);
        List<Map<String, String>> examples = readExamples();
        long orderId = 9_000_000;
        for (Map<String, String> e : examples) {
            jdbc.sql("INSERT INTO sorter_example (order_id, district_code, text, category_code, closed_at) VALUES (?, '320104', ?, ?, ?)")
                    .params(orderId++, e.get("text"), e.get("label"), OffsetDateTime.parse("2026-11-01T00:00:00Z")).update();
        }

        // the first model is learnt as soon as the history is big enough, without waiting for the night
        TrainingSchedule schedule = new TrainingSchedule(sorterModels);
        schedule.firstModel();
        JsonNode first = call(get("/api/sorter/models").with(as("admin")), 200).get(0);
        assertThat(first.get("trigger").asString()).isEqualTo("SCHEDULE");
        schedule.firstModel();
        assertThat(call(get("/api/sorter/models").with(as("admin")), 200).size()).as("only until a model exists").isEqualTo(1);
        int v1 = first.get("version").asInt();
        assertThat(first.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("trainingSize").asInt()).isEqualTo(60);
        assertThat(first.get("labelCount").asInt()).isEqualTo(4);
        assertThat(first.get("macroF1").asDouble()).isBetween(0.5, 1.0);
        assertThat(first.get("perClass").get("C01002").get("f1").asDouble()).isPositive();
        JsonNode suggested = call(get("/api/sorter/suggest").param("text", "马路上的井盖破了个洞").with(as("resident")), 200);
        assertThat(suggested.get("model").asString()).isEqualTo("TRAINED");
        assertThat(suggested.get("version").asInt()).isEqualTo(v1);
        assertThat(suggested.get("suggestions").get(0).get("categoryCode").asString()).isEqualTo("C01002");
        assertThat(suggested.get("suggestions").get(0).get("evidence").size()).isPositive();

        int v2 = call(post("/api/sorter/models/train").with(as("admin")), 201).get("version").asInt();
        JsonNode list = call(get("/api/sorter/models").with(as("admin")), 200);
        assertThat(list.findValuesAsString("status")).containsExactly("ACTIVE", "RETIRED");
        assertThat(list.get(0).get("version").asInt()).isEqualTo(v2);

        JsonNode back = call(post("/api/sorter/models/rollback").with(as("admin")), 200);
        assertThat(back.get("version").asInt()).isEqualTo(v1);
        assertThat(back.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(call(get("/api/sorter/models/" + v2).with(as("admin")), 200).get("status").asString()).isEqualTo("RETIRED");
        assertThat(call(get("/api/sorter/suggest").param("text", "井盖坏了").with(as("resident")), 200).get("version").asInt())
                .isEqualTo(v1);
        assertThat(call(post("/api/sorter/models/" + v2 + "/activate").with(as("admin")), 200).get("status").asString())
                .isEqualTo("ACTIVE");
        call(post("/api/sorter/models/999/activate").with(as("admin")), 404);
        call(get("/api/sorter/models").with(as("resident")), 403);
    }

    @Test
    @Order(11)
    void anAdministratorTrainsAndPutsAModelInUseOnTheSorterScreen() throws Exception {
        mvc.perform(post("/admin/sorter/train").with(as("dispatcher")).with(csrf())).andExpect(status().isForbidden());
        int before = call(get("/api/sorter/models").with(as("admin")), 200).size();
        mvc.perform(post("/admin/sorter/train").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("flashSuccess"));
        JsonNode list = call(get("/api/sorter/models").with(as("admin")), 200);
        assertThat(list.size()).isEqualTo(before + 1);
        int oldest = list.get(list.size() - 1).get("version").asInt();
        String page = mvc.perform(get("/admin/sorter").with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("立即训练", "id=\"models\"", "/admin/sorter/models/" + oldest + "/activate");
        mvc.perform(post("/admin/sorter/models/" + oldest + "/activate").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(call(get("/api/sorter/models/" + oldest).with(as("admin")), 200).get("status").asString()).isEqualTo("ACTIVE");
        mvc.perform(post("/admin/sorter/models/999/activate").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("flashError"));
    }

    static List<Map<String, String>> readExamples() throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        try (InputStream in = SorterSpringTests.class.getResourceAsStream("/sorter/train.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(l -> {
                        JsonNode node = mapper.readTree(l);
                        return Map.of("text", node.get("text").asString(), "label", node.get("label").asString());
                    })
                    .toList();
        }
    }
}
