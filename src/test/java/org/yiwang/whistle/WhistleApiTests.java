package org.yiwang.whistle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.Grids;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerEntry;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.yiwang.whistle.WhistleApi.FUZIMIAO;
import static org.yiwang.whistle.WhistleApi.HONGHUA;
import static org.yiwang.whistle.WhistleApi.departmentOf;
import static org.yiwang.whistle.WhistleApi.texts;

/** 吹哨报到 through the JSON API with the demo users of 秦淮区. */
@WhistleSpringTest
class WhistleApiTests {

    static final Instant MONDAY_9 = Instant.parse("2026-11-23T01:00:00Z"); // Monday 09:00 in Nanjing

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;
    @Autowired Ledger ledger;
    @Autowired TestClock clock;
    @Autowired People people;
    @Autowired WhistleActions actions;

    WhistleApi api;
    long urbanManagement;
    long marketRegulation;

    @BeforeEach
    void mondayMorningInQinhuai() {
        clock.set(MONDAY_9);
        api = new WhistleApi(mvc, json, users, grids, locator, organization, jdbc);
        urbanManagement = api.department(DepartmentType.URBAN_MANAGEMENT);
        marketRegulation = api.department(DepartmentType.MARKET_REGULATION);
    }

    @Test
    void theStreetBlowsTheDepartmentReportsInAndTheStreetRecordsTheOutcome() throws Exception {
        long order = api.orderIn(FUZIMIAO);

        JsonNode blown = api.blow("dispatcher", order, "ROUTINE", List.of(urbanManagement, marketRegulation), 201);
        long id = blown.get("id").asLong();
        assertThat(blown.get("number").asString()).startsWith("WH20261123");
        assertThat(blown.get("status").asString()).isEqualTo("OPEN");
        assertThat(blown.get("kindLabel").asString()).isEqualTo("日常哨");
        assertThat(blown.get("order").get("id").asLong()).isEqualTo(order);
        assertThat(blown.get("streetCode").asString()).isEqualTo(FUZIMIAO);
        assertThat(blown.get("commandCentre").get("name").asString()).contains("夫子庙");
        assertThat(blown.get("reportLimit").asString()).isEqualTo("2 WORKING_DAYS");
        assertThat(blown.get("dueAt").asString()).isEqualTo("2026-11-25T09:00:00+08:00");
        assertThat(texts(blown.get("departments"), "state")).containsExactly("PENDING", "PENDING");
        assertThat(blown.get("allowedActions").valueStream().map(JsonNode::asString)).containsExactly("RECORD_OUTCOME", "CANCEL");

        // the summoned department is told, and sees the whistle it may answer
        api.awaitNotice("handler", "whistle.notice.blown.ROUTINE", id);
        JsonNode seenByHandler = api.getJson("handler", "/api/whistles/" + id, 200);
        assertThat(seenByHandler.get("allowedActions").valueStream().map(JsonNode::asString)).containsExactly("REPORT_IN");

        clock.advance(Duration.ofHours(2));
        String photo = api.photo("handler");
        JsonNode reported = api.postJson("handler", "/api/whistles/" + id + "/report-in",
                Map.of("note", "执法中队已到场，摊点已劝离", "photoIds", List.of(photo)), 200);
        JsonNode urban = departmentOf(reported, urbanManagement);
        assertThat(urban.get("state").asString()).isEqualTo("ARRIVED");
        assertThat(urban.get("stateLabel").asString()).isEqualTo("已报到");
        assertThat(urban.get("late").asBoolean()).isFalse();
        assertThat(urban.get("respondedAt").asString()).isEqualTo("2026-11-23T11:00:00+08:00");
        assertThat(urban.get("respondedBy").get("name").asString()).contains("陈静");
        assertThat(urban.get("photoIds").valueStream().map(JsonNode::asString)).containsExactly(photo);
        api.awaitNotice("dispatcher", "whistle.notice.reportedIn", id);

        JsonNode twice = api.postJson("handler", "/api/whistles/" + id + "/report-in", Map.of("note", "再报一次"), 409);
        assertThat(twice.get("detail").asString()).contains("已报到");
        assertThat(twice.get("code").asString()).isEqualTo("whistle.error.alreadyAnswered");

        // only the street closes it
        api.postJson("handler", "/api/whistles/" + id + "/outcome", Map.of("outcome", "RESOLVED", "note", "我来结"), 403);
        api.postJson("dispatcher-honghua", "/api/whistles/" + id + "/outcome", Map.of("outcome", "RESOLVED", "note", "我来结"), 404);
        api.postJson("leader", "/api/whistles/" + id + "/outcome", Map.of("outcome", "RESOLVED", "note", "我来结"), 403);

        clock.advance(Duration.ofHours(1));
        JsonNode closed = api.postJson("dispatcher", "/api/whistles/" + id + "/outcome",
                Map.of("outcome", "RESOLVED", "note", "联合整治完成，占道经营已清零"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(closed.get("outcomeLabel").asString()).isEqualTo("已解决");
        assertThat(closed.get("finishedAt").asString()).isEqualTo("2026-11-23T12:00:00+08:00");
        assertThat(departmentOf(closed, marketRegulation).get("state").asString()).isEqualTo("MISSED");
        assertThat(closed.get("allowedActions").size()).isZero();

        JsonNode late = api.postJson("dispatcher", "/api/whistles/" + id + "/outcome", Map.of("outcome", "UNRESOLVED", "note", "改"), 409);
        assertThat(late.get("detail").asString()).contains("已结束");
        api.postJson("dispatcher", "/api/whistles/" + id + "/cancel", Map.of("reason", "撤"), 409);
        api.awaitNotice("handler", "whistle.notice.closed.RESOLVED", id);

        // every step is in the ledger
        ledger.seal();
        assertThat(ledger.entriesOf("whistle", closed.get("number").asString(), DataScope.division(FUZIMIAO), 0, 100))
                .extracting(LedgerEntry::kind).containsExactly("BLOWN", "REPORTED_IN", "OUTCOME_RECORDED");

        // the list: the street and the department see it, another street does not
        assertThat(listIds("dispatcher", "order=" + order)).containsExactly(id);
        assertThat(listIds("handler", "order=" + order + "&status=CLOSED&department=" + urbanManagement)).containsExactly(id);
        assertThat(listIds("leader", "order=" + order + "&kind=ROUTINE&street=" + FUZIMIAO)).containsExactly(id);
        assertThat(listIds("dispatcher-honghua", "order=" + order)).isEmpty();
        assertThat(listIds("dispatcher", "order=" + order + "&status=OPEN")).isEmpty();
    }

    @Test
    void aSummonedDepartmentMayReadTheOrderAndItsPhotosButNotActOnIt() throws Exception {
        String photo = api.photo("resident");
        IndexedGrid grid = locator.grid(grids.comprehensiveGridCodes(FUZIMIAO).getFirst()).orElseThrow();
        org.locationtech.jts.geom.Point p = grid.geometry().getInteriorPoint();
        long order = api.call(post("/api/work-orders").with(user(users.loadUserByUsername("resident")))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("lat", p.getY(), "lon", p.getX(), "description", "河边护栏松动，有人倚靠很危险",
                        "photoIds", List.of(photo)))), 201).get("id").asLong();
        api.getJson("handler", "/api/work-orders/" + order, 404);
        api.call(get("/api/photos/" + photo).with(user(users.loadUserByUsername("handler"))), 404);

        api.blow("dispatcher", order, "ROUTINE", List.of(urbanManagement), 201);
        JsonNode seen = api.getJson("handler", "/api/work-orders/" + order, 200);
        assertThat(seen.get("history").size()).isPositive();
        assertThat(seen.get("allowedActions")).isEmpty();
        mvc.perform(get("/api/photos/" + photo).with(user(users.loadUserByUsername("handler"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        // reading is not acting: the order is still not the department's to act on
        api.postJson("handler", "/api/work-orders/" + order + "/register", Map.of("categoryCode", "C01002"), 404);
        // a department not summoned still sees nothing
        api.getJson("dispatcher-honghua", "/api/work-orders/" + order, 404);
    }

    @Test
    void anotherStreetCannotSeeOrBlowAndADepartmentNotSummonedCannotAnswer() throws Exception {
        long order = api.orderIn(FUZIMIAO);
        api.blow("dispatcher-honghua", order, "ROUTINE", List.of(urbanManagement), 404);
        api.blow("leader", order, "ROUTINE", List.of(urbanManagement), 403); // a leader sees it, but it is the street's whistle
        api.blow("handler", order, "ROUTINE", List.of(urbanManagement), 404);
        api.blow("resident", order, "ROUTINE", List.of(urbanManagement), 403);

        long id = api.blow("dispatcher", order, "TOUGH", List.of(marketRegulation), 201).get("id").asLong();
        api.getJson("dispatcher-honghua", "/api/whistles/" + id, 404);
        api.getJson("handler", "/api/whistles/" + id, 404); // 城管 was not summoned
        api.getJson("leader", "/api/whistles/" + id, 200);
        api.getJson("resident", "/api/whistles/" + id, 404);
        api.postJson("handler", "/api/whistles/" + id + "/report-in", Map.of("note", "我们也来"), 404);
        api.postJson("dispatcher-honghua", "/api/whistles/" + id + "/cancel", Map.of("reason", "不是我的"), 404);
        assertThat(listIds("handler", "order=" + order)).isEmpty();
        api.getJson("resident", "/api/whistles", 403);

        // summoned together with 市场监管, 城管 may answer only for itself
        api.postJson("dispatcher", "/api/whistles/" + id + "/cancel", Map.of("reason", "改为联合吹哨"), 200);
        long joint = api.blow("dispatcher", order, "TOUGH", List.of(urbanManagement, marketRegulation), 201).get("id").asLong();
        JsonNode forOther = api.postJson("handler", "/api/whistles/" + joint + "/report-in",
                Map.of("note", "代报", "departmentId", marketRegulation), 403);
        assertThat(forOther.get("detail").asString()).contains("departmentId");
        api.postJson("dispatcher", "/api/whistles/" + joint + "/report-in", Map.of("note", "街道代报"), 403);
    }

    @Test
    void oneOpenWhistlePerOrderAndNoneOnAFinishedOrder() throws Exception {
        long order = api.orderIn(FUZIMIAO);
        long first = api.blow("dispatcher", order, "ROUTINE", List.of(urbanManagement), 201).get("id").asLong();
        JsonNode again = api.blow("dispatcher", order, "EMERGENCY", List.of(marketRegulation), 409);
        assertThat(again.get("code").asString()).isEqualTo("whistle.error.alreadyOpen");

        JsonNode cancelled = api.postJson("dispatcher", "/api/whistles/" + first + "/cancel", Map.of("reason", "误吹"), 200);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("误吹");
        assertThat(departmentOf(cancelled, urbanManagement).get("state").asString()).isEqualTo("RELEASED");
        JsonNode twice = api.postJson("dispatcher", "/api/whistles/" + first + "/cancel", Map.of("reason", "再撤"), 409);
        assertThat(twice.get("detail").asString()).contains("已撤哨");
        api.postJson("handler", "/api/whistles/" + first + "/report-in", Map.of("note", "到了"), 409);
        api.awaitNotice("handler", "whistle.notice.cancelled", first);

        // withdrawn: a new one may be blown; an emergency runs on natural minutes
        JsonNode emergency = api.blow("dispatcher", order, "emergency", List.of(urbanManagement), 201);
        assertThat(emergency.get("dueAt").asString()).isEqualTo("2026-11-23T09:30:00+08:00");
        assertThat(emergency.get("kindLabel").asString()).isEqualTo("应急哨");

        // the order is voided: the platform withdraws the whistle
        api.postJson("dispatcher", "/api/work-orders/" + order + "/void", Map.of("note", "重复上报"), 200);
        long second = emergency.get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.getJson("dispatcher", "/api/whistles/" + second, 200).get("status").asString()).isEqualTo("CANCELLED"));
        JsonNode withdrawn = api.getJson("dispatcher", "/api/whistles/" + second, 200);
        assertThat(withdrawn.get("cancelReason").asString()).contains("已作废");
        assertThat(withdrawn.get("finishedBy").get("id").asLong()).isZero();

        JsonNode onVoided = api.blow("dispatcher", order, "ROUTINE", List.of(urbanManagement), 409);
        assertThat(onVoided.get("detail").asString()).contains("已作废");
    }

    @Test
    void aDepartmentThatReportsInAfterTheLimitIsLateAndTheStreetIsToldSo() throws Exception {
        long order = api.orderIn(FUZIMIAO);
        long id = api.blow("dispatcher", order, "TOUGH", List.of(urbanManagement, marketRegulation), 201).get("id").asLong();

        clock.advance(Duration.ofDays(2)); // Wednesday 09:00: one working day was due Tuesday 09:00
        JsonNode detail = api.getJson("dispatcher", "/api/whistles/" + id, 200);
        assertThat(detail.get("overdue").asBoolean()).isTrue();
        assertThat(listIds("dispatcher", "order=" + order + "&overdue=true")).containsExactly(id);
        assertThat(listIds("dispatcher", "order=" + order + "&overdue=false")).isEmpty();

        JsonNode reported = api.postJson("handler", "/api/whistles/" + id + "/report-in",
                Map.of("note", "处理其他应急事件，迟到", "response", "ARRIVED"), 200);
        assertThat(departmentOf(reported, urbanManagement).get("late").asBoolean()).isTrue();
        assertThat(departmentOf(reported, marketRegulation).get("overdue").asBoolean()).isTrue();
        api.awaitNotice("dispatcher", "whistle.notice.reportedInLate", id);
    }

    @Test
    void twoDispatchersBlowingAtOnceGetOneWhistleAndTwoDepartmentsAnsweringAtOnceBothCount() throws Exception {
        long order = api.orderIn(FUZIMIAO);
        Actor dispatcher = people.actorOf("dispatcher").orElseThrow();
        List<Object> blown = race(() -> actions.blow(order, new BlowWhistle(WhistleKind.ROUTINE, "同时吹哨",
                List.of(urbanManagement, marketRegulation)), dispatcher));
        assertThat(blown).filteredOn(Whistle.class::isInstance).hasSize(1);
        assertThat(blown).filteredOn(LocalizedException.class::isInstance)
                .singleElement().satisfies(e -> assertThat(((LocalizedException) e).messageKey()).isEqualTo("whistle.error.alreadyOpen"));
        long id = blown.stream().filter(Whistle.class::isInstance).map(w -> ((Whistle) w).id()).findFirst().orElseThrow();

        Actor urbanHandler = people.actorOf("handler").orElseThrow();
        Actor marketHandler = new Actor(9201, "market-handler", "市场监管处置人员", Set.of(Role.HANDLER), marketRegulation, "市场监管",
                new DataScope(false, Set.of("320104"), Set.of(marketRegulation)), false);
        AtomicInteger turn = new AtomicInteger();
        List<Object> answers = race(() -> actions.reportIn(id, ReportIn.of(null, null, "到场", List.of()),
                turn.getAndIncrement() == 0 ? urbanHandler : marketHandler));
        assertThat(answers).allMatch(Whistle.class::isInstance);
        JsonNode detail = api.getJson("dispatcher", "/api/whistles/" + id, 200);
        assertThat(texts(detail.get("departments"), "state")).containsExactly("ARRIVED", "ARRIVED");
        assertThat(detail.get("version").asInt()).isEqualTo(2);
    }

    /** Runs the step on two threads at the same moment; returns what each returned or threw. */
    private static List<Object> race(Callable<Object> step) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Object> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return step.call();
                    } catch (LocalizedException e) {
                        return e;
                    }
                }));
            }
            for (var future : futures) {
                results.add(future.get());
            }
        }
        return results;
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        long order = api.orderIn(FUZIMIAO);
        String path = "/api/work-orders/" + order + "/whistles";
        assertThat(detail(api.postJson("dispatcher", path, Map.of("reason", "r", "departmentIds", List.of(urbanManagement)), 400)))
                .contains("kind");
        assertThat(detail(api.postJson("dispatcher", path, Map.of("kind", "LOUD", "reason", "r", "departmentIds", List.of(urbanManagement)), 400)))
                .contains("kind").contains("LOUD");
        assertThat(detail(api.postJson("dispatcher", path, Map.of("kind", "ROUTINE", "reason", " ", "departmentIds", List.of(urbanManagement)), 400)))
                .contains("reason");
        assertThat(detail(api.postJson("dispatcher", path, Map.of("kind", "ROUTINE", "reason", "r", "departmentIds", List.of()), 400)))
                .contains("departmentIds");
        assertThat(detail(api.postJson("dispatcher", path, Map.of("kind", "ROUTINE", "reason", "r",
                "departmentIds", List.of(urbanManagement, urbanManagement)), 400))).contains("departmentIds");
        long streetOffice = organization.officeOf(FUZIMIAO).orElseThrow().id();
        assertThat(detail(api.postJson("dispatcher", path, Map.of("kind", "ROUTINE", "reason", "r",
                "departmentIds", List.of(urbanManagement, streetOffice)), 400))).contains("departmentIds").contains(String.valueOf(streetOffice));
        assertThat(detail(api.postJson("dispatcher", path, Map.of("kind", "ROUTINE", "reason", "r",
                "departmentIds", List.of(987654321L)), 400))).contains("departmentIds");
        api.call(post(path).with(api.as("dispatcher"))
                .contentType("application/json").content("{not json"), 400);
        assertThat(api.getJson("dispatcher", "/api/whistles?order=" + order, 200).get("totalElements").asLong()).isZero();

        long id = api.blow("dispatcher", order, "ROUTINE", List.of(urbanManagement), 201).get("id").asLong();
        String reportIn = "/api/whistles/" + id + "/report-in";
        assertThat(detail(api.postJson("handler", reportIn, Map.of(), 400))).contains("note");
        assertThat(detail(api.postJson("handler", reportIn, Map.of("note", "到", "response", "MAYBE"), 400))).contains("response");
        assertThat(detail(api.postJson("handler", reportIn, Map.of("note", "到", "photoIds", List.of("0".repeat(64))), 400))).contains("photoIds");
        assertThat(detail(api.postJson("dispatcher", "/api/whistles/" + id + "/outcome", Map.of("outcome", "DONE", "note", "n"), 400)))
                .contains("outcome");
        assertThat(detail(api.postJson("dispatcher", "/api/whistles/" + id + "/outcome", Map.of("outcome", "RESOLVED"), 400)))
                .contains("note");
        assertThat(detail(api.postJson("dispatcher", "/api/whistles/" + id + "/cancel", Map.of(), 400))).contains("reason");
        assertThat(detail(api.getJson("dispatcher", "/api/whistles?size=0", 400))).contains("size");
        assertThat(detail(api.getJson("dispatcher", "/api/whistles?status=LOUD", 400))).contains("status");
        assertThat(detail(api.getJson("dispatcher", "/api/whistles?street=32a", 400))).contains("street");
        assertThat(detail(api.getJson("leader", "/api/whistles/stats?from=2026-12-01&to=2026-11-01", 400))).contains("from");
        assertThat(detail(api.getJson("leader", "/api/whistles/stats?from=2025-01-01&to=2026-11-01", 400))).contains("to");
        assertThat(detail(api.getJson("leader", "/api/whistles/stats?from=yesterday", 400))).contains("from");
        api.getJson("dispatcher", "/api/whistles/987654321", 404);

        // nothing half-written: the whistle is as it was
        JsonNode unchanged = api.getJson("dispatcher", "/api/whistles/" + id, 200);
        assertThat(texts(unchanged.get("departments"), "state")).containsExactly("PENDING");
        assertThat(unchanged.get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void problemsSpeakTheCallersLanguage() throws Exception {
        long order = api.orderIn(HONGHUA);
        JsonNode english = api.call(post("/api/work-orders/" + order + "/whistles").with(api.as("dispatcher-honghua"))
                .header("Accept-Language", "en").contentType("application/json")
                .content(json.writeValueAsString(Map.of("kind", "ROUTINE", "reason", "r"))), 400);
        assertThat(english.get("detail").asString()).contains("departmentIds: summon at least one department");
    }

    private List<Long> listIds(String user, String query) throws Exception {
        return api.getJson(user, "/api/whistles?" + query, 200).get("content").valueStream().map(n -> n.get("id").asLong()).toList();
    }

    private static String detail(JsonNode problem) {
        return problem.get("detail").asString();
    }
}
