package org.yiwang.services;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 一网通办 through the API, per role and territory: apply, accept, 补正, approve by the allowed level, bundles, 差评 → 整改, queue. */
@ServicesSpringTest
class ServicesApiTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired People people;
    @Autowired Organization organization;
    @Autowired ServiceCatalog catalog;

    JsonNode call(String username, MockHttpServletRequestBuilder request, Object body, int expected) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        String text = mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return text.isEmpty() ? null : json.readTree(text);
    }

    String communityOf(String username) {
        long unit = people.findByUsername(username).orElseThrow().orgUnitId();
        return organization.find(unit).orElseThrow().divisionCode();
    }

    Map<String, Object> application(String item, String community, boolean allMaterials) {
        List<Map<String, String>> files = new ArrayList<>();
        List<Material> materials = catalog.require(item).materials();
        for (int i = 0; i < materials.size() - (allMaterials ? 0 : 1); i++) {
            files.add(Map.of("material", materials.get(i).name(), "contentBase64", Base64.getEncoder().encodeToString(PNG)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemCode", item);
        body.put("communityCode", community);
        body.put("requestId", UUID.randomUUID().toString());
        body.put("materials", files);
        return body;
    }

    long apply(String item) throws Exception {
        return call("resident", post("/api/services/applications"), application(item, communityOf("community"), true), 201)
                .get("summary").get("id").asLong();
    }

    JsonNode act(String username, long id, String action, Map<String, Object> body, int expected) throws Exception {
        return call(username, post("/api/services/applications/" + id + "/actions/" + action), body, expected);
    }

    @Test
    void catalogShipsMoreThan190ItemsInEightClassesAndSearchFindsByWords() throws Exception {
        JsonNode classes = call("resident", get("/api/services/classes"), null, 200);
        assertThat(classes).hasSize(8);
        long total = 0;
        for (JsonNode c : classes) {
            assertThat(c.get("items").asLong()).as(c.get("name").asString()).isGreaterThanOrEqualTo(20);
            total += c.get("items").asLong();
        }
        assertThat(total).isGreaterThanOrEqualTo(190);
        JsonNode found = call("resident", get("/api/services/items").param("q", "老年人 优待证"), null, 200);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("code").asString()).isEqualTo("MZ-008");
        assertThat(call("resident", get("/api/services/bundles"), null, 200).size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void doubleSubmitWithTheSameRequestIdMakesOneApplication() throws Exception {
        Map<String, Object> body = application("MZ-008", communityOf("community"), true);
        long first = call("resident", post("/api/services/applications"), body, 201).get("summary").get("id").asLong();
        long second = call("resident", post("/api/services/applications"), body, 201).get("summary").get("id").asLong();
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from services_application where request_id = :r").param("r", body.get("requestId"))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlineApplicationMissingAMaterialIsRefusedNamingItAndLeavesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from services_file").query(Long.class).single();
        Map<String, Object> body = application("MZ-001", communityOf("community"), false);
        JsonNode problem = call("resident", post("/api/services/applications"), body, 400);
        List<Material> materials = catalog.require("MZ-001").materials();
        assertThat(problem.get("detail").asString()).contains(materials.getLast().name());
        assertThat(jdbc.sql("select count(*) from services_file").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from services_application where request_id = :r").param("r", body.get("requestId"))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFileThatIsNoPictureOrPdfIsRefusedNamingTheMaterial() throws Exception {
        Map<String, Object> body = application("MZ-008", communityOf("community"), true);
        body.put("materials", List.of(Map.of("material", "居民身份证", "contentBase64",
                Base64.getEncoder().encodeToString("#!/bin/sh".getBytes(StandardCharsets.UTF_8)))));
        JsonNode problem = call("resident", post("/api/services/applications"), body, 400);
        assertThat(problem.get("detail").asString()).contains("居民身份证");
    }

    @Test
    void communityClerkAcceptsAsksForMissingMaterialsAndApprovesAHandedDownItem() throws Exception {
        long id = apply("MZ-008");
        act("community", id, "accept", Map.of(), 200);
        JsonNode supplement = act("community", id, "request-supplement", Map.of("missing", "照片不清晰，请重新上传近期免冠照片"), 200);
        assertThat(supplement.get("summary").get("status").asString()).isEqualTo("SUPPLEMENT");
        // the resident sees it and supplies
        JsonNode mine = call("resident", get("/api/services/applications/" + id), null, 200);
        assertThat(mine.get("actions").toString()).contains("SUPPLY");
        act("resident", id, "supply", Map.of("materials", List.of(Map.of("material", "近期免冠照片", "contentBase64",
                Base64.getEncoder().encodeToString(PNG)))), 200);
        act("community", id, "accept", Map.of(), 200);
        JsonNode approved = act("community", id, "approve", Map.of(), 200);
        assertThat(approved.get("approvedLevel").asString()).isEqualTo("COMMUNITY");
        JsonNode done = act("community", id, "complete", Map.of("resultNumber", "NJ-YD-2026-0001"), 200);
        assertThat(done.get("summary").get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("history").size()).isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from ledger_pending where stream = 'services' and subject_id = :n")
                .param("n", done.get("summary").get("number").asString()).query(Long.class).single()
                + jdbc.sql("select count(*) from ledger_entry where stream = 'services' and subject_id = :n")
                .param("n", done.get("summary").get("number").asString()).query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void communityCannotApproveAnItemNotHandedDownButItsStreetCan() throws Exception {
        long id = apply("SJ-001");
        act("community", id, "accept", Map.of(), 200);
        JsonNode refused = act("community", id, "approve", Map.of(), 403);
        assertThat(refused.get("detail").asString()).contains("street approves");
        JsonNode approved = act("dispatcher", id, "approve", Map.of(), 200);
        assertThat(approved.get("approvedLevel").asString()).isEqualTo("STREET");
    }

    @Test
    void aCommunityWithSameRightsSwitchedOffSendsApprovalToTheStreet() throws Exception {
        String community = communityOf("community");
        call("admin", put("/api/services/communities/" + community + "/same-rights"), Map.of("sameRights", false), 200);
        try {
            long id = apply("MZ-008");
            act("community", id, "accept", Map.of(), 200);
            JsonNode refused = act("community", id, "approve", Map.of(), 403);
            assertThat(refused.get("detail").asString()).contains("switched off");
            act("dispatcher", id, "approve", Map.of(), 200);
        } finally {
            call("admin", put("/api/services/communities/" + community + "/same-rights"), Map.of("sameRights", true), 200);
        }
    }

    @Test
    void aClerkOfAnotherStreetNeitherSeesNorActs() throws Exception {
        long id = apply("MZ-008");
        call("dispatcher-honghua", get("/api/services/applications/" + id), null, 404);
        act("dispatcher-honghua", id, "accept", Map.of(), 404);
        act("gridworker", id, "accept", Map.of(), 404);
    }

    @Test
    void aMaterialFileIsServedToTheApplicantAndTheWindowButNotToAnotherStreet() throws Exception {
        long id = apply("MZ-008");
        long file = call("resident", get("/api/services/applications/" + id), null, 200).get("materials").get(0).get("fileId").asLong();
        mvc.perform(get("/api/services/applications/" + id + "/files/" + file).with(user(users.loadUserByUsername("community"))))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("image/png"));
        call("dispatcher-honghua", get("/api/services/applications/" + id + "/files/" + file), null, 404);
        call("gridworker", get("/api/services/applications/" + id + "/files/" + file), null, 404);
        long other = apply("MZ-008");
        call("resident", get("/api/services/applications/" + other + "/files/" + file), null, 404);
    }

    @Test
    void anActionTheStateDoesNotAllowIsAConflictNamingTheState() throws Exception {
        long id = apply("MZ-008");
        JsonNode problem = act("community", id, "complete", Map.of("resultNumber", "X-1"), 409);
        assertThat(problem.get("detail").asString()).contains("\"Submitted\"");
        act("resident", id, "accept", Map.of(), 403);
    }

    @Test
    void aBundleSpawnsOneApplicationPerItemSharesMaterialsAndIsDoneWhenAllAre() throws Exception {
        Bundle bundle = catalog.requireBundle("SHOP-CLOSE");
        List<Map<String, String>> files = new ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        bundle.items().forEach(i -> catalog.require(i).materials().forEach(m -> names.add(m.name())));
        names.forEach(n -> files.add(Map.of("material", n, "contentBase64", Base64.getEncoder().encodeToString(PNG))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bundleCode", "SHOP-CLOSE");
        body.put("communityCode", communityOf("community"));
        body.put("requestId", UUID.randomUUID().toString());
        body.put("materials", files);
        JsonNode parent = call("resident", post("/api/services/applications"), body, 201);
        assertThat(parent.get("summary").get("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode items = parent.get("items");
        assertThat(items).hasSize(bundle.items().size());
        long parentId = parent.get("summary").get("id").asLong();
        // 申请表 is asked by both items and was uploaded once: one file serves both
        assertThat(jdbc.sql("""
                select count(distinct m.file_id) from services_application_material m join services_application a on a.id = m.application_id
                 where a.parent_id = :p and m.name = '申请表'
                """).param("p", parentId).query(Long.class).single()).isEqualTo(1);
        for (int i = 0; i < items.size(); i++) {
            long child = items.get(i).get("id").asLong();
            act("dispatcher", child, "accept", Map.of(), 200);
            act("dispatcher", child, "approve", Map.of(), 200);
            act("dispatcher", child, "complete", Map.of("resultNumber", "R-" + child), 200);
            String status = call("resident", get("/api/services/applications/" + parentId), null, 200).get("summary").get("status").asString();
            assertThat(status).isEqualTo(i == items.size() - 1 ? "DONE" : "IN_PROGRESS");
        }
    }

    @Test
    void aPoorRatingNeedsAReasonAndOpensAReviewWithItsOwnLimit() throws Exception {
        long id = apply("MZ-008");
        act("community", id, "accept", Map.of(), 200);
        act("community", id, "approve", Map.of(), 200);
        act("community", id, "complete", Map.of("resultNumber", "YD-1"), 200);
        act("resident", id, "rate", Map.of("rating", 2), 400);
        act("community", id, "rate", Map.of("rating", 5), 403);
        act("resident", id, "rate", Map.of("rating", 2, "note", "窗口让我跑了两趟"), 200);
        act("resident", id, "rate", Map.of("rating", 5), 409);
        JsonNode reviews = call("community", get("/api/services/reviews"), null, 200);
        JsonNode review = null;
        for (JsonNode r : reviews) {
            if (r.get("applicationId").asLong() == id) {
                review = r;
            }
        }
        assertThat(review).isNotNull();
        assertThat(review.get("reason").asString()).isEqualTo("窗口让我跑了两趟");
        assertThat(java.time.Instant.parse(review.get("dueAt").asString())).isAfter(java.time.Instant.parse(review.get("openedAt").asString()));
        call("community", post("/api/services/reviews/" + review.get("id").asLong() + "/close"), Map.of("outcome", "已约谈窗口人员，推行一次告知"), 200);
        call("community", post("/api/services/reviews/" + review.get("id").asLong() + "/close"), Map.of("outcome", "again"), 409);
        JsonNode figures = call("leader", get("/api/services/figures"), null, 200);
        assertThat(figures.get("rated").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aGridWorkerAppliesOnBehalfOfAResidentWithConsentAndTheResidentSeesItByPhone() throws Exception {
        long person = jdbc.sql("""
                select p.id from registry_person p where p.deleted_at is null and p.grid_code like :g order by p.id limit 1
                """).param("g", communityOf("gridworker") + "%").query(Long.class).single();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bundleCode", "ELDERLY-CARE");
        body.put("registryPersonId", person);
        body.put("requestId", UUID.randomUUID().toString());
        call("gridworker", post("/api/services/applications"), body, 400); // consent missing
        body.put("consent", "本人当面同意，女儿在场");
        JsonNode made = call("gridworker", post("/api/services/applications"), body, 201);
        assertThat(made.get("summary").get("channel").asString()).isEqualTo("DOOR");
        assertThat(made.get("summary").get("onBehalf").asBoolean()).isTrue();
        assertThat(made.get("consent").asString()).isEqualTo("本人当面同意，女儿在场");
        assertThat(made.get("applicantPhone").asString()).contains("****");
        assertThat(made.get("items")).hasSize(4);
        assertThat(call("gridworker", get("/api/services/applications/mine"), null, 200).toString())
                .contains(made.get("summary").get("number").asString());
    }

    String page(String username, String path, String language) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theHistoryNamesTheChannelOfASubmissionNotItsCode() throws Exception {
        long person = jdbc.sql("""
                select p.id from registry_person p where p.deleted_at is null and p.grid_code like :g order by p.id desc limit 1
                """).param("g", communityOf("gridworker") + "%").query(Long.class).single();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemCode", "MZ-008");
        body.put("registryPersonId", person);
        body.put("consent", "本人当面同意，儿子在场");
        body.put("requestId", UUID.randomUUID().toString());
        JsonNode made = call("gridworker", post("/api/services/applications"), body, 201);
        JsonNode submitted = made.get("history").get(0);
        assertThat(submitted.get("action").asString()).isEqualTo("SUBMIT");
        assertThat(submitted.get("channel").asString()).isEqualTo("DOOR");
        assertThat(submitted.get("note").asString()).isEqualTo("本人当面同意，儿子在场");
        long id = made.get("summary").get("id").asLong();
        String phone = page("gridworker", "/m/services/applications/" + id, "zh-CN");
        String desk = page("community", "/services/desk/applications/" + id, "en");
        String history = desk.substring(desk.indexOf("id=\"history\""));
        assertThat(phone.substring(phone.indexOf("id=\"history\""))).contains("上门办").doesNotContain("DOOR");
        assertThat(history).contains("At the door").doesNotContain("DOOR");
    }

    @Test
    void oldSubmissionNotesLoseTheirChannelCode() {
        assertThat(Applications.submitNote("DOOR 帮办代办: 本人同意")).isEqualTo("本人同意");
        assertThat(Applications.submitNote("ONLINE")).isEmpty();
        assertThat(Applications.submitNote("本人同意")).isEqualTo("本人同意");
    }

    @Test
    void aRefusedActionNamesTheStateAndTheActionInTheReadersLanguage() throws Exception {
        long id = apply("MZ-008");
        String detail = act("community", id, "approve", Map.of(), 409).get("detail").asString();
        assertThat(detail).contains("\"Submitted\"").contains("\"Approve\"").doesNotContain("SUBMITTED").doesNotContain("APPROVE");
    }

    @Autowired ServicesDemo demo;

    @Test
    void aFreshDemoDatabaseGivesTheWindowApplicationsInEveryStage() throws Exception {
        Map<String, String> seeded = new LinkedHashMap<>();
        jdbc.sql("select number, status, channel from services_application where request_id like 'demo-services-%' and parent_id is null order by id")
                .query(rs -> {
                    seeded.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3));
                });
        assertThat(seeded.values()).contains("DONE/ONLINE", "SUPPLEMENT/ONLINE", "ACCEPTED/WINDOW", "SUBMITTED/WINDOW",
                "IN_PROGRESS/ONLINE", "IN_PROGRESS/DOOR");
        assertThat(jdbc.sql("select count(*) from services_application where request_id like 'demo-services-%' and rating = 5")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(demo.load()).isZero(); // once only
        String submitted = page("community", "/services/desk", "zh-CN");
        String accepted = page("community", "/services/desk?tab=ACCEPTED", "zh-CN");
        String supplement = page("community", "/services/desk?tab=SUPPLEMENT", "zh-CN");
        seeded.forEach((number, state) -> {
            if (state.startsWith("SUBMITTED")) {
                assertThat(submitted).contains(number);
            } else if (state.startsWith("ACCEPTED")) {
                assertThat(accepted).contains(number);
            } else if (state.startsWith("SUPPLEMENT")) {
                assertThat(supplement).contains(number);
            }
        });
        assertThat(call("resident", get("/api/services/applications/mine"), null, 200).toString())
                .contains(seeded.keySet().iterator().next());
    }

    @Test
    void theQueueCallsTheOldestWaitingNumberOfTheClerksHall() throws Exception {
        String hall = communityOf("community");
        JsonNode a = call("resident", post("/api/services/queue/tickets"), Map.of("hall", hall, "queue", "民政"), 201);
        JsonNode b = call("resident", post("/api/services/queue/tickets"), Map.of("hall", hall, "queue", "民政"), 201);
        assertThat(a.get("label").asString()).startsWith("C");
        JsonNode called = call("community", post("/api/services/queue/call"), Map.of("queue", "民政", "counter", "2"), 200);
        assertThat(called.get("id").asLong()).isEqualTo(a.get("id").asLong());
        call("community", post("/api/services/queue/tickets/" + called.get("id").asLong() + "/finish"), Map.of("served", false), 200);
        call("community", post("/api/services/queue/tickets/" + called.get("id").asLong() + "/finish"), Map.of("served", true), 409);
        call("dispatcher-honghua", post("/api/services/queue/tickets/" + b.get("id").asLong() + "/transfer"), Map.of("queue", "综合"), 404);
        call("community", post("/api/services/queue/tickets/" + b.get("id").asLong() + "/transfer"), Map.of("queue", "综合"), 200);
        JsonNode board = call("community", get("/api/services/queue/board"), null, 200);
        assertThat(board.get("noShow").asLong()).isGreaterThanOrEqualTo(1);
    }
    // ------------------------------------------------------------------ 部门审批: an item the competent district department
    // approves is accepted and first-reviewed at the window, forwarded (转报) with the opinion, and decided by that
    // department's staff only — never by the window, never by another department.

    /** 职工退休申请 (SB-024) is approved by 区人力资源和社会保障局, whose demo staff is handler-hrss. */
    static final String RETIREMENT = "SB-024";

    @Test
    void aDepartmentItemIsForwardedByTheWindowAndDecidedByItsDepartmentOnly() throws Exception {
        long id = apply(RETIREMENT);
        act("community", id, "accept", Map.of(), 200);

        JsonNode refused = act("community", id, "approve", Map.of(), 409);
        assertThat(refused.get("detail").asString()).contains("区人力资源和社会保障局");
        act("community", id, "forward", Map.of(), 400);
        JsonNode forwarded = act("community", id, "forward", Map.of("note", "材料齐全，建议批准"), 200);
        assertThat(forwarded.get("summary").get("status").asString()).isEqualTo("FORWARDED");
        assertThat(forwarded.get("reviewDepartment").asString()).isEqualTo("区人力资源和社会保障局");

        act("community", id, "approve", Map.of(), 403);
        act("handler-civil", id, "approve", Map.of(), 404);
        JsonNode seen = call("handler-hrss", get("/api/services/applications/" + id), null, 200);
        assertThat(actionNames(seen)).containsExactlyInAnyOrder("SEND_BACK", "APPROVE", "DENY");
        assertThat(seen.get("applicantPhone").asString()).contains("*");

        JsonNode approved = act("handler-hrss", id, "approve", Map.of(), 200);
        assertThat(approved.get("summary").get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedLevel").asString()).isEqualTo("DEPARTMENT");
        JsonNode done = act("community", id, "complete", Map.of("resultNumber", "退休审批2026第88号"), 200);
        assertThat(done.get("summary").get("status").asString()).isEqualTo("DONE");

        List<String> steps = new ArrayList<>();
        done.get("history").forEach(h -> steps.add(h.get("action").asString()));
        assertThat(steps).containsSubsequence("ACCEPT", "FORWARD", "APPROVE", "COMPLETE");
        String number = done.get("summary").get("number").asString();
        assertThat(jdbc.sql("select count(*) from ledger_pending where stream = 'services' and subject_id = :n and kind = 'FORWARD'")
                .param("n", number).query(Long.class).single()
                + jdbc.sql("select count(*) from ledger_entry where stream = 'services' and subject_id = :n and kind = 'FORWARD'")
                .param("n", number).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDepartmentSendsAnApplicationBackAndDecidesItWhenForwardedAgain() throws Exception {
        long id = apply(RETIREMENT);
        act("community", id, "accept", Map.of(), 200);
        act("community", id, "forward", Map.of("note", "初审通过"), 200);
        assertThat(rowIds(call("handler-hrss", get("/api/services/applications/review"), null, 200))).contains(id);
        assertThat(rowIds(call("handler-hrss", get("/api/services/applications/review?decided=true"), null, 200))).doesNotContain(id);

        act("handler-hrss", id, "send-back", Map.of(), 400);
        JsonNode back = act("handler-hrss", id, "send-back", Map.of("note", "缺少档案中的招工表"), 200);
        assertThat(back.get("summary").get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(rowIds(call("handler-hrss", get("/api/services/applications/review"), null, 200))).doesNotContain(id);
        assertThat(rowIds(call("handler-hrss", get("/api/services/applications/review?decided=true"), null, 200))).contains(id);
        act("handler-hrss", id, "approve", Map.of(), 403);

        act("community", id, "forward", Map.of("note", "已补招工表"), 200);
        act("handler-hrss", id, "deny", Map.of(), 400);
        JsonNode denied = act("handler-hrss", id, "deny", Map.of("note", "连续工龄不足十五年"), 200);
        assertThat(denied.get("summary").get("status").asString()).isEqualTo("DENIED");
        assertThat(denied.get("reason").asString()).isEqualTo("连续工龄不足十五年");
        assertThat(denied.get("summary").get("onTime").asBoolean()).isTrue();
    }

    @Test
    void anItemTheWindowApprovesCannotBeForwardedAndNoDepartmentSeesIt() throws Exception {
        long id = apply("SB-023");
        act("community", id, "accept", Map.of(), 200);
        JsonNode accepted = call("community", get("/api/services/applications/" + id), null, 200);
        assertThat(actionNames(accepted)).contains("APPROVE").doesNotContain("FORWARD", "SEND_BACK");
        act("community", id, "forward", Map.of("note", "试图转报"), 409);
        act("handler-hrss", id, "approve", Map.of(), 404);
        act("handler-hrss", id, "send-back", Map.of("note", "不是转报件"), 404);
    }

    @Test
    void aDepartmentWithoutReviewedItemsHasNoReviewList() throws Exception {
        call("handler-water", get("/api/services/applications/review"), null, 403);
        call("resident", get("/api/services/applications/review"), null, 403);
        assertThat(rowIds(call("handler-civil", get("/api/services/applications/review"), null, 200))).isNotNull();
    }

    @Test
    void theReviewPageListsTheForwardedApplicationForItsDepartmentOnly() throws Exception {
        long id = apply(RETIREMENT);
        act("community", id, "accept", Map.of(), 200);
        JsonNode forwarded = act("community", id, "forward", Map.of("note", "初审通过"), 200);
        String number = forwarded.get("summary").get("number").asString();
        assertThat(reviewPage("handler-hrss")).contains(number).contains("部门审批");
        assertThat(reviewPage("handler-civil")).doesNotContain(number);
        assertThat(reviewPage("handler-water")).contains("本部门没有需要部门审批的事项");
    }

    private String reviewPage(String username) throws Exception {
        return mvc.perform(get("/services/review").with(user(users.loadUserByUsername(username))).header("Accept-Language", "zh-CN"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> actionNames(JsonNode detail) {
        List<String> names = new ArrayList<>();
        detail.get("actions").forEach(a -> names.add(a.asString()));
        return names;
    }

    private static List<Long> rowIds(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }
}
