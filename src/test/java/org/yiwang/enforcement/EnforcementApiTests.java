package org.yiwang.enforcement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.ledger.Ledger;
import org.yiwang.notify.Notifications;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.yiwang.enforcement.EnforcementApi.FUZIMIAO;
import static org.yiwang.enforcement.EnforcementApi.texts;

/** 联合执法 over the API: the whole case, who sees and does what, bad input, stage refusals, the arrival clock. */
@EnforcementSpringTest
class EnforcementApiTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;
    @Autowired Ledger ledger;
    @Autowired Cases cases;
    @Autowired People people;
    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired Catalogue catalogue;
    @Autowired NoticeNumbers noticeNumbers;
    @Autowired org.yiwang.workorder.WorkOrderQueries workOrders;
    @Autowired org.yiwang.fieldwork.Findings findings;
    @Autowired org.yiwang.workorder.PhotoStore photos;
    @Autowired EnforcementProperties enforcementProperties;

    EnforcementApi api;

    @BeforeEach
    void setUp() {
        api = new EnforcementApi(mvc, json, users, grids, locator, organization);
    }

    @Test
    void jointCaseRunsFromAnOrderThroughOneCombinedNoticeToClosure() throws Exception {
        JsonNode order = api.orderIn(FUZIMIAO, "贡院街夜市烧烤摊占道经营，油烟很大，电话 13912345699");
        JsonNode opened = api.post("dispatcher", "/api/enforcement/cases", Map.of("source", "ORDER", "orderId", order.get("id").asLong(),
                "scenario", "NIGHT_MARKET", "requestKey", UUID.randomUUID().toString()), 201);
        long id = opened.get("summary").get("id").asLong();
        assertThat(opened.get("summary").get("stage").asString()).isEqualTo("FILED");
        assertThat(opened.get("summary").get("orderId").asLong()).isEqualTo(order.get("id").asLong());
        assertThat(opened.get("summary").get("title").asString()).contains("139****5699").doesNotContain("13912345699");
        assertThat(opened.get("summary").get("leadDepartment").asString()).isEqualTo("秦淮区综合行政执法局");

        long market = api.department(DepartmentType.MARKET_REGULATION);
        long police = api.department(DepartmentType.POLICE_STATION);
        JsonNode summoned = api.post("dispatcher", "/api/enforcement/cases/" + id + "/summons", Map.of("departmentIds", List.of(market, police)), 200);
        assertThat(texts(summoned.get("summons"), "light")).containsOnly("GREEN");
        JsonNode dueAt = summoned.get("summons").get(0);
        assertThat(Duration.between(java.time.Instant.parse(dueAt.get("summonedAt").asString()),
                java.time.Instant.parse(dueAt.get("dueAt").asString()))).isEqualTo(Duration.ofMinutes(10));

        JsonNode arrived = api.post("handler-market", "/api/enforcement/cases/" + id + "/arrival", Map.of(), 200);
        assertThat(arrived.get("summons").valueStream().filter(s -> s.get("departmentId").asLong() == market).findFirst().orElseThrow()
                .get("arrivedAt").isNull()).isFalse();
        api.post("handler-market", "/api/enforcement/cases/" + id + "/arrival", Map.of(), 409);

        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/investigation", Map.of("note", "到场"), 200);
        String photo = api.photo("handler-enforcement");
        JsonNode inspected = api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/inspections", Map.of(
                "passed", List.of("消防通道畅通"), "failed", List.of("无露天烧烤", "摊主持健康证明"),
                "findings", "2 个摊位露天烧烤，摊主未持健康证明",
                "parties", List.of(Map.of("kind", "PERSON", "name", "王建国", "phone", "13905180001")),
                "itemCodes", List.of("ZF-008", "SJ-002", "GA-003"), "photoIds", List.of(photo)), 200);
        assertThat(texts(inspected.get("items"), "department")).containsExactlyInAnyOrder("LAW_ENFORCEMENT", "MARKET", "POLICE");
        assertThat(inspected.get("parties").get(0).get("name").asString()).isEqualTo("王**");
        assertThat(inspected.get("parties").get(0).get("phone").asString()).isEqualTo("139****0001");

        JsonNode informed = api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/notice",
                Map.of("requirement", "立即停止露天烧烤，三日内办理健康证明"), 200);
        assertThat(informed.get("summary").get("stage").asString()).isEqualTo("INFORMED");
        String number = informed.get("notice").get("number").asString();
        assertThat(number).matches("综执责改〔\\d{4}〕002-\\d{4}号");

        byte[] pdf = mvc.perform(get("/api/enforcement/cases/" + id + "/notice.pdf").with(api.as("dispatcher")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        NoticeDocument.Content content = noticeDocument.content(id, people.actorOf("dispatcher").orElseThrow());
        assertThat(content.number()).isEqualTo(number);
        assertThat(content.items()).hasSize(3).extracting(row -> row.get(2)).containsExactlyInAnyOrder("综合行政执法", "市场监管", "公安");
        assertThat(content.party()).isEqualTo("王**");
        assertThat(content.departments()).containsExactly("秦淮区综合行政执法局", "秦淮区市场监督管理局");

        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/decision", Map.of("decision", "责令改正，没收烧烤工具，罚款一千元"), 200);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/execution", Map.of("note", "已执行"), 200);
        api.post("dispatcher", "/api/enforcement/cases/" + id + "/reinspection-schedule", Map.of(), 200);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/reinspection", Map.of("passed", true, "note", "已整改"), 200);
        JsonNode closed = api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/closure", Map.of("note", "整改到位"), 200);

        assertThat(closed.get("summary").get("stage").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("allowedActions").size()).isZero();
        assertThat(texts(closed.get("history"), "action")).containsExactly("OPEN", "SUMMON", "ARRIVE", "INVESTIGATE", "INSPECT", "NOTIFY",
                "DECIDE", "EXECUTE", "SCHEDULE_REINSPECTION", "REINSPECT", "CLOSE");
        ledger.seal();
        String caseNumber = closed.get("summary").get("number").asString();
        assertThat(jdbc.sql("SELECT kind FROM ledger_entry WHERE stream = 'enforcement.case' AND subject_id = :n ORDER BY seq")
                .param("n", caseNumber).query(String.class).list())
                .containsExactly("OPENED", "SUMMON", "ARRIVE", "INVESTIGATE", "INSPECT", "NOTIFY", "DECIDE", "EXECUTE",
                        "SCHEDULE_REINSPECTION", "REINSPECT", "CLOSE");
    }

    @Autowired NoticeDocument noticeDocument;

    @Test
    void theCaseIsSeenByItsStreetAndItsDepartmentsOnlyAndDirectedByTheLeadTeamAndCommandCentre() throws Exception {
        long id = api.directCase(FUZIMIAO, "SHOP").get("summary").get("id").asLong();
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/summons",
                Map.of("departmentIds", List.of(api.department(DepartmentType.MARKET_REGULATION))), 200);

        api.get("dispatcher", "/api/enforcement/cases/" + id, 200);
        api.get("leader", "/api/enforcement/cases/" + id, 200);
        api.get("handler-market", "/api/enforcement/cases/" + id, 200);
        api.get("dispatcher-honghua", "/api/enforcement/cases/" + id, 404);
        api.get("handler-water", "/api/enforcement/cases/" + id, 404);
        api.get("resident", "/api/enforcement/cases/" + id, 403);

        // a summoned department reports its arrival but does not direct the case; a leader only reads
        assertThat(api.get("handler-market", "/api/enforcement/cases/" + id, 200).get("allowedActions").valueStream()
                .map(JsonNode::asString).toList()).containsExactly("ARRIVE");
        api.post("handler-market", "/api/enforcement/cases/" + id + "/investigation", Map.of(), 403);
        api.post("leader", "/api/enforcement/cases/" + id + "/investigation", Map.of(), 403);
        api.post("handler-water", "/api/enforcement/cases/" + id + "/arrival", Map.of(), 404);
        api.post("dispatcher", "/api/enforcement/cases/" + id + "/investigation", Map.of(), 200);

        List<Long> honghua = api.get("dispatcher-honghua", "/api/enforcement/cases?open=true", 200).get("content").valueStream()
                .map(n -> n.get("id").asLong()).toList();
        assertThat(honghua).doesNotContain(id);
        List<Long> market = api.get("handler-market", "/api/enforcement/cases", 200).get("content").valueStream()
                .map(n -> n.get("id").asLong()).toList();
        assertThat(market).contains(id);
        List<Long> water = api.get("handler-water", "/api/enforcement/cases", 200).get("content").valueStream()
                .map(n -> n.get("id").asLong()).toList();
        assertThat(water).doesNotContain(id);
        // opening is for the command centre, the law-enforcement officers and (from their findings) grid workers
        api.post("handler-market", "/api/enforcement/cases", Map.of("source", "DIRECT", "gridCode", api.grid(FUZIMIAO),
                "scenario", "SHOP", "title", "t", "address", "a"), 403);
        api.post("dispatcher-honghua", "/api/enforcement/cases", Map.of("source", "DIRECT", "gridCode", api.grid(FUZIMIAO),
                "scenario", "SHOP", "title", "t", "address", "a"), 404);
    }

    @Test
    void theCommandMapDrawsTheTerritorysOpenCasesAtTheirGridWithTheWorstArrivalLight() throws Exception {
        JsonNode opened = api.directCase(FUZIMIAO, "SHOP").get("summary");
        long id = opened.get("id").asLong();
        String grid = opened.get("gridCode").asString();
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/summons",
                Map.of("departmentIds", List.of(api.department(DepartmentType.MARKET_REGULATION))), 200);
        JsonNode onMap = null;
        for (JsonNode c : api.get("dispatcher", "/api/enforcement/cases/map", 200)) {
            if (c.get("id").asLong() == id) {
                onMap = c;
            }
        }
        assertThat(onMap).as("the case on the dispatcher's map").isNotNull();
        assertThat(onMap.get("stage").asString()).isEqualTo("FILED");
        assertThat(onMap.get("light").asString()).isEqualTo("GREEN");
        assertThat(onMap.get("summoned").asInt()).isEqualTo(1);
        assertThat(onMap.get("arrived").asInt()).isZero();
        var centre = locator.grid(grid).orElseThrow().geometry().getInteriorPoint();
        assertThat(onMap.get("lat").asDouble()).isEqualTo(centre.getY());
        assertThat(onMap.get("lon").asDouble()).isEqualTo(centre.getX());
        assertThat(api.get("dispatcher-honghua", "/api/enforcement/cases/map", 200).valueStream().map(c -> c.get("id").asLong()).toList())
                .doesNotContain(id);
        api.get("resident", "/api/enforcement/cases/map", 403);
        // a day on, the department is late: red; a transferred case leaves the map
        List<Cases.MapCase> late = new Cases(jdbc, catalogue, noticeNumbers, workOrders, findings, locator, organization, people, photos,
                notifications, ledger, transactions, enforcementProperties, Clock.offset(clock, Duration.ofDays(1)))
                .onMap(people.actorOf("dispatcher").orElseThrow());
        assertThat(late).filteredOn(c -> c.id() == id).extracting(Cases.MapCase::light).containsExactly(Summons.Light.RED);
        api.post("dispatcher", "/api/enforcement/cases/" + id + "/transfer", Map.of("agency", "区市场监管局", "reason", "不属本级"), 200);
        assertThat(api.get("dispatcher", "/api/enforcement/cases/map", 200).valueStream().map(c -> c.get("id").asLong()).toList())
                .doesNotContain(id);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndLeavesNothingBehind() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM enforcement_case").query(Long.class).single();
        assertThat(api.post("dispatcher", "/api/enforcement/cases", Map.of("source", "DIRECT", "gridCode", api.grid(FUZIMIAO),
                "title", "t", "address", "a"), 400).get("detail").asString()).contains("scenario");
        assertThat(api.post("dispatcher", "/api/enforcement/cases", Map.of("source", "SOMEWHERE", "scenario", "SHOP"), 400)
                .get("detail").asString()).contains("source");
        assertThat(api.post("dispatcher", "/api/enforcement/cases", Map.of("source", "ORDER", "scenario", "SHOP"), 400)
                .get("detail").asString()).contains("orderId");
        assertThat(api.post("dispatcher", "/api/enforcement/cases", Map.of("source", "DIRECT", "gridCode", api.grid(FUZIMIAO),
                "scenario", "SPACESHIP", "title", "t", "address", "a"), 400).get("detail").asString()).contains("scenario");
        assertThat(jdbc.sql("SELECT count(*) FROM enforcement_case").query(Long.class).single()).isEqualTo(before);

        long id = api.directCase(FUZIMIAO, "CATERING").get("summary").get("id").asLong();
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/investigation", Map.of(), 200);
        Map<String, Object> good = Map.of("failed", List.of("油烟净化设施运行并清洗"), "findings", "油烟直排",
                "parties", List.of(Map.of("kind", "BUSINESS", "name", "某某餐饮店")), "itemCodes", List.of("ZF-007"));
        assertThat(api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/inspections",
                with(good, "itemCodes", List.of("ZF-007", "XX-999")), 400).get("detail").asString()).contains("itemCodes").contains("XX-999");
        assertThat(api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/inspections",
                with(good, "failed", List.of("月球表面平整")), 400).get("detail").asString()).contains("failed");
        assertThat(api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/inspections",
                with(good, "findings", " "), 400).get("detail").asString()).contains("findings");
        assertThat(api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/inspections",
                with(good, "parties", List.of(Map.of("kind", "BUSINESS", "name", "店", "reference", "123"))), 400)
                .get("detail").asString()).contains("parties.reference");
        assertThat(api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/inspections",
                with(good, "photoIds", List.of("no-such-photo")), 400).get("detail").asString()).contains("photoIds");
        assertThat(jdbc.sql("SELECT count(*) FROM enforcement_inspection WHERE case_id = :id").param("id", id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM enforcement_party WHERE case_id = :id").param("id", id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM enforcement_history WHERE case_id = :id").param("id", id).query(Long.class).single()).isEqualTo(2);

        assertThat(api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/notice", Map.of("requirement", "改正",
                "rectifyBy", LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString()), 400).get("detail").asString())
                .contains("rectifyBy");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    @Test
    void aStepTheStageDoesNotAllowIsRefusedNamingTheStage() throws Exception {
        long id = api.directCase(FUZIMIAO, "SHOP").get("summary").get("id").asLong();
        String detail = api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/decision", Map.of("decision", "罚款"), 409)
                .get("detail").asString();
        assertThat(detail).contains("DECIDE").contains("FILED");
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/investigation", Map.of(), 200);
        // the combined notice needs an inspection with at least one item of the list
        assertThat(api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/notice", Map.of("requirement", "改正"), 409)
                .get("detail").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT stage FROM enforcement_case WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("INVESTIGATING");
        assertThat(jdbc.sql("SELECT count(*) FROM enforcement_notice WHERE case_id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void openingTwiceWithTheSameRequestKeyOpensOneCase() throws Exception {
        Map<String, Object> body = Map.of("source", "DIRECT", "gridCode", api.grid(FUZIMIAO), "scenario", "RENTAL_HOUSING",
                "title", "群租房隔断", "address", "琵琶巷 5 号", "requestKey", UUID.randomUUID().toString());
        long first = api.post("handler-enforcement", "/api/enforcement/cases", body, 201).get("summary").get("id").asLong();
        long second = api.post("handler-enforcement", "/api/enforcement/cases", body, 201).get("summary").get("id").asLong();
        assertThat(second).isEqualTo(first);
        api.post("dispatcher", "/api/enforcement/cases", body, 409);
    }

    @Test
    void closingWaitsForAPassedReinspectionAndTransferEndsACase() throws Exception {
        long id = caseIn(Stage.EXECUTING);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/reinspection", Map.of("passed", true, "note", "x"), 409);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/reinspection-schedule", Map.of(), 200);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/closure", Map.of("note", "x"), 409);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/reinspection", Map.of("passed", false, "note", "仍在烧烤"), 200);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/closure", Map.of("note", "x"), 409);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/reinspection-schedule", Map.of(), 200);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/reinspection", Map.of("passed", true, "note", "已整改"), 200);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/closure", Map.of("note", "结案"), 200);

        long other = api.directCase(FUZIMIAO, "RENTAL_HOUSING").get("summary").get("id").asLong();
        api.post("handler-enforcement", "/api/enforcement/cases/" + other + "/transfer", Map.of("agency", "秦淮公安分局"), 400);
        JsonNode moved = api.post("handler-enforcement", "/api/enforcement/cases/" + other + "/transfer",
                Map.of("agency", "秦淮公安分局", "reason", "涉嫌违法犯罪"), 200);
        assertThat(moved.get("summary").get("stage").asString()).isEqualTo("TRANSFERRED");
        assertThat(moved.get("transferredTo").asString()).isEqualTo("秦淮公安分局");
        api.post("handler-enforcement", "/api/enforcement/cases/" + other + "/investigation", Map.of(), 409);
    }

    /** A case walked through the real steps up to {@code stage}. */
    long caseIn(Stage stage) throws Exception {
        long id = api.directCase(FUZIMIAO, "NIGHT_MARKET").get("summary").get("id").asLong();
        String base = "/api/enforcement/cases/" + id;
        api.post("handler-enforcement", base + "/investigation", Map.of(), 200);
        api.post("handler-enforcement", base + "/inspections", Map.of("failed", List.of("无露天烧烤"), "findings", "露天烧烤",
                "itemCodes", List.of("ZF-008")), 200);
        api.post("handler-enforcement", base + "/notice", Map.of("requirement", "停止烧烤"), 200);
        api.post("handler-enforcement", base + "/decision", Map.of("decision", "罚款五百元"), 200);
        if (stage == Stage.EXECUTING) {
            api.post("handler-enforcement", base + "/execution", Map.of(), 200);
        }
        return id;
    }

    @Test
    void aDepartmentLateOnSiteIsEscalatedOnceToTheCommandCentreAndTheLeadTeam() throws Exception {
        long id = api.directCase(FUZIMIAO, "CATERING").get("summary").get("id").asLong();
        long ecology = api.department(DepartmentType.ECOLOGY_ENVIRONMENT);
        api.post("handler-enforcement", "/api/enforcement/cases/" + id + "/summons", Map.of("departmentIds", List.of(ecology)), 200);
        String number = jdbc.sql("SELECT number FROM enforcement_case WHERE id = :id").param("id", id).query(String.class).single();

        ArrivalClock early = new ArrivalClock(jdbc, cases, organization, people, notifications, transactions,
                Clock.offset(clock, Duration.ofMinutes(9)));
        early.escalateLate();
        assertThat(escalated(id)).isFalse();

        ArrivalClock late = new ArrivalClock(jdbc, cases, organization, people, notifications, transactions,
                Clock.offset(clock, Duration.ofMinutes(11)));
        assertThat(late.escalateLate()).isPositive();
        assertThat(escalated(id)).isTrue();
        assertThat(late.escalateLate()).isZero();
        JsonNode detail = api.get("dispatcher", "/api/enforcement/cases/" + id, 200);
        assertThat(texts(detail.get("history"), "action")).containsOnlyOnce("ESCALATE");
        long dispatcher = people.findByUsername("dispatcher").orElseThrow().id();
        assertThat(jdbc.sql("SELECT count(*) FROM notify_inbox WHERE user_id = :u AND template_key = 'enforcement.notice.late' AND link = :l")
                .param("u", dispatcher).param("l", "/enforcement/cases/" + id).query(Long.class).single()).isEqualTo(1);
        ledger.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE stream = 'enforcement.case' AND subject_id = :n AND kind = 'ARRIVAL_LATE'")
                .param("n", number).query(Long.class).single()).isEqualTo(1);
    }

    private boolean escalated(long caseId) {
        return jdbc.sql("SELECT escalated_at IS NOT NULL FROM enforcement_summons WHERE case_id = :id").param("id", caseId)
                .query(Boolean.class).single();
    }

    @Test
    void anAdministratorMaintainsTheEnforcementListAndNobodyElseMay() throws Exception {
        assertThat(api.get("dispatcher", "/api/enforcement/items", 200).size()).isGreaterThanOrEqualTo(40);
        Map<String, Object> item = Map.of("matter", "违规设置户外灯箱", "department", "LAW_ENFORCEMENT",
                "legalBasis", "《城市市容和环境卫生管理条例》第十一条", "penaltyRange", "责令限期拆除");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/enforcement/items/ZF-099")
                        .with(api.as("dispatcher")).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(json.writeValueAsString(item)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/enforcement/items/ZF-099")
                        .with(api.as("admin")).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(json.writeValueAsString(with(item, "department", "NAVY"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/enforcement/items/ZF-099")
                        .with(api.as("admin")).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(json.writeValueAsString(item)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        assertThat(texts(api.get("dispatcher", "/api/enforcement/items", 200), "code")).contains("ZF-099");
        jdbc.sql("DELETE FROM enforcement_item WHERE code = 'ZF-099'").update();
    }
}
