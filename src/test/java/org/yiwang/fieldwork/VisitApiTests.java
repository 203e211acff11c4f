package org.yiwang.fieldwork;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 入户走访 and 关爱走访 through the API, per role and scope, with the rules on coverage and double counting. */
@FieldworkSpringTest
class VisitApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;

    String grid;
    long household;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    JsonNode call(String username, AbstractMockHttpServletRequestBuilder<?> request, Object body, int expected) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        String text = mvc.perform(request.with(as(username)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return text.isEmpty() ? null : json.readTree(text);
    }

    JsonNode get(String username, String path, int expected) throws Exception {
        return call(username, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path), null, expected);
    }

    long newHousehold(List<String> tags) throws Exception {
        return new VisitFixtures(mvc, json, users, locator).household(grid, tags);
    }

    long personOf(long householdId) {
        return jdbc.sql("select id from registry_person where household_id = :h").param("h", householdId).query(Long.class).single();
    }

    Map<String, Object> visit(long householdId, boolean present) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("householdId", householdId);
        body.put("present", present);
        body.put("requestId", UUID.randomUUID().toString());
        return body;
    }

    JsonNode coverageOfGrid(String username) throws Exception {
        for (JsonNode row : get(username, "/api/fieldwork/visits/coverage?level=grid", 200)) {
            if (row.get("code").asString().equals(grid)) {
                return row;
            }
        }
        throw new AssertionError("no coverage of " + grid);
    }

    @BeforeEach
    void householdInTheGridWorkersGrid() throws Exception {
        grid = grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code();
        household = newHousehold(List.of());
    }

    @Test
    void aNewHouseholdIsDueAndComesBeforeHouseholdsVisitedEarlier() throws Exception {
        JsonNode due = get("gridworker", "/api/fieldwork/visits/due?size=200", 200).get("items");
        List<Long> ids = new ArrayList<>();
        due.forEach(h -> ids.add(h.get("householdId").asLong()));
        assertThat(ids).contains(household);
        JsonNode mine = due.get(ids.indexOf(household));
        assertThat(mine.get("standing").asString()).isEqualTo("DUE");
        assertThat(mine.hasNonNull("lastPresentAt")).isFalse();
        // never visited come first: nobody before it has a present visit
        for (int i = 0; i < ids.indexOf(household); i++) {
            assertThat(due.get(i).hasNonNull("lastPresentAt")).isFalse();
        }
    }

    @Test
    void aPresentVisitCoversTheHouseholdOnceAndTakesItOffTheDueList() throws Exception {
        JsonNode before = coverageOfGrid("gridworker");
        JsonNode visit = call("gridworker", post("/api/fieldwork/visits"), visit(household, true), 201);
        assertThat(visit.get("counted").asBoolean()).isTrue();
        JsonNode after = coverageOfGrid("gridworker");
        assertThat(after.get("households").asLong()).isEqualTo(before.get("households").asLong());
        assertThat(after.get("covered").asLong()).isEqualTo(before.get("covered").asLong() + 1);
        assertThat(after.get("ratio").asDouble()).isGreaterThan(before.get("ratio").asDouble());
        JsonNode second = call("gridworker", post("/api/fieldwork/visits"), visit(household, true), 201);
        assertThat(second.get("counted").asBoolean()).isFalse();
        assertThat(coverageOfGrid("gridworker").get("covered").asLong()).isEqualTo(after.get("covered").asLong());
        get("gridworker", "/api/fieldwork/visits/due?grid=" + grid + "&size=200", 200).get("items")
                .forEach(h -> assertThat(h.get("householdId").asLong()).isNotEqualTo(household));
        JsonNode all = get("gridworker", "/api/fieldwork/visits/due?grid=" + grid + "&all=true&size=200", 200).get("items");
        assertThat(all.toString()).contains("\"householdId\":" + household + ",");
    }

    @Test
    void nobodyAtHomeDoesNotCoverTheHousehold() throws Exception {
        long covered = coverageOfGrid("gridworker").get("covered").asLong();
        JsonNode visit = call("gridworker", post("/api/fieldwork/visits"), visit(household, false), 201);
        assertThat(visit.get("present").asBoolean()).isFalse();
        assertThat(visit.get("counted").asBoolean()).isFalse();
        assertThat(coverageOfGrid("gridworker").get("covered").asLong()).isEqualTo(covered);
        JsonNode detail = get("gridworker", "/api/fieldwork/visits/households/" + household, 200);
        assertThat(detail.get("household").get("standing").asString()).isEqualTo("DUE");
        assertThat(detail.get("household").get("lastPresent").asBoolean()).isFalse();
        assertThat(detail.get("visits")).hasSize(1);
    }

    @Test
    void aVisitSentTwiceWithOneRequestIdIsOneVisitAndOneOrder() throws Exception {
        Map<String, Object> body = visit(household, true);
        body.put("needs", "老人独居，楼道灯坏了需要维修");
        body.put("needKinds", List.of("SAFETY_HAZARD", "elderly_care"));
        body.put("services", List.of("POLICY_EXPLAINED"));
        body.put("followUp", true);
        long orders = jdbc.sql("select count(*) from workorder_order").query(Long.class).single();
        JsonNode first = call("gridworker", post("/api/fieldwork/visits"), body, 201);
        JsonNode again = call("gridworker", post("/api/fieldwork/visits"), body, 201);
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(first.get("orderNumber").asString()).isNotBlank();
        assertThat(first.get("needKinds").toString()).contains("ELDERLY_CARE", "SAFETY_HAZARD");
        assertThat(jdbc.sql("select count(*) from workorder_order").query(Long.class).single()).isEqualTo(orders + 1);
        assertThat(jdbc.sql("select source from workorder_order where id = :id").param("id", first.get("orderId").asLong())
                .query(String.class).single()).isEqualTo("GRID_PATROL");
        assertThat(jdbc.sql("select count(*) from fieldwork_visit where household_id = :h").param("h", household)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoWorkersRecordingTheSameHouseholdAtOnceCountItOnce() throws Exception {
        long covered = coverageOfGrid("community").get("covered").asLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (String who : List.of("gridworker", "community")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call(who, post("/api/fieldwork/visits"), visit(household, true), 201);
                }));
            }
            start.countDown();
            int counted = 0;
            for (Future<JsonNode> answer : answers) {
                counted += answer.get().get("counted").asBoolean() ? 1 : 0;
            }
            assertThat(counted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from fieldwork_visit where household_id = :h").param("h", household)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from fieldwork_visit_cover where household_id = :h").param("h", household)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(coverageOfGrid("community").get("covered").asLong()).isEqualTo(covered + 1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        Map<String, Object> noPresent = visit(household, true);
        noPresent.remove("present");
        assertThat(call("gridworker", post("/api/fieldwork/visits"), noPresent, 400).get("detail").asString()).contains("present");
        Map<String, Object> badKind = visit(household, true);
        badKind.put("needKinds", List.of("UNICORNS"));
        assertThat(call("gridworker", post("/api/fieldwork/visits"), badKind, 400).get("detail").asString()).contains("needKinds");
        Map<String, Object> absentMet = visit(household, false);
        absentMet.put("metPersonIds", List.of(personOf(household)));
        assertThat(call("gridworker", post("/api/fieldwork/visits"), absentMet, 400).get("detail").asString()).contains("metPersonIds");
        Map<String, Object> stranger = visit(household, true);
        stranger.put("metPersonIds", List.of(personOf(newHousehold(List.of()))));
        assertThat(call("gridworker", post("/api/fieldwork/visits"), stranger, 400).get("detail").asString()).contains("metPersonIds");
        Map<String, Object> followUpWithoutNeed = visit(household, true);
        followUpWithoutNeed.put("followUp", true);
        assertThat(call("gridworker", post("/api/fieldwork/visits"), followUpWithoutNeed, 400).get("detail").asString()).contains("needs");
        Map<String, Object> noRequest = visit(household, true);
        noRequest.remove("requestId");
        assertThat(call("gridworker", post("/api/fieldwork/visits"), noRequest, 400).get("detail").asString()).contains("requestId");
        call("gridworker", post("/api/fieldwork/visits"), "{\"householdId\":\"x\"}", 400);
        assertThat(get("gridworker", "/api/fieldwork/visits/coverage?level=planet", 400).get("detail").asString()).contains("level");
        assertThat(get("gridworker", "/api/fieldwork/visits/due?size=0", 400).get("detail").asString()).contains("size");
        assertThat(get("gridworker", "/api/fieldwork/visits/care?status=soon", 400).get("detail").asString()).contains("status");
        assertThat(get("community", "/api/fieldwork/visits/due?grid=12ab", 400).get("detail").asString()).contains("grid");
        assertThat(jdbc.sql("select count(*) from fieldwork_visit where household_id = :h").param("h", household)
                .query(Long.class).single()).isZero();
        JsonNode zh = json.readTree(mvc.perform(post("/api/fieldwork/visits").with(as("gridworker")).with(csrf())
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(noPresent)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(zh.get("detail").asString()).contains("走访记录", "present");
    }

    @Test
    void eachRoleSeesTheVisitsOfItsOwnTerritory() throws Exception {
        String street = grid.substring(0, 9);
        String community = grid.substring(0, 12);
        // a grid worker: only their own grids
        get("gridworker", "/api/fieldwork/visits/coverage?level=grid", 200)
                .forEach(row -> assertThat(grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()))
                        .anyMatch(g -> g.code().equals(row.get("code").asString())));
        // community staff: their community; the street dispatcher: the street; the leader: all
        get("community", "/api/fieldwork/visits/coverage?level=community", 200)
                .forEach(row -> assertThat(row.get("code").asString()).isEqualTo(community));
        JsonNode streets = get("dispatcher", "/api/fieldwork/visits/coverage?level=street", 200);
        assertThat(streets).hasSize(1);
        assertThat(streets.get(0).get("code").asString()).isEqualTo(street);
        assertThat(get("leader", "/api/fieldwork/visits/coverage?level=street", 200).size()).isGreaterThan(1);
        get("dispatcher-honghua", "/api/fieldwork/visits/households/" + household, 404);
        get("dispatcher-honghua", "/api/fieldwork/visits/coverage?area=" + community, 404);
        get("dispatcher", "/api/fieldwork/visits/households/" + household, 200);
        // readers do not record; handlers and residents see nothing
        call("dispatcher", post("/api/fieldwork/visits"), visit(household, true), 403);
        call("leader", post("/api/fieldwork/visits"), visit(household, true), 403);
        get("handler", "/api/fieldwork/visits/due", 403);
        get("resident", "/api/fieldwork/visits/coverage", 403);
        // another grid's worker cannot record in this grid
        String otherWorker = grids.comprehensiveGridCodes(street).stream().filter(c -> !c.equals(grid)).findFirst()
                .map(c -> grids.workers(c).getFirst().username()).orElseThrow();
        call(otherWorker, post("/api/fieldwork/visits"), visit(household, true), 404);
    }

    @Test
    void aHouseholdVisitThatMetTheCarePersonCountsAsTheirCareVisit() throws Exception {
        long home = newHousehold(List.of("LIVING_ALONE_ELDERLY"));
        long person = personOf(home);
        long dueBefore = get("gridworker", "/api/fieldwork/visits/care/summary?grid=" + grid, 200).get("due").asLong();
        JsonNode due = get("gridworker", "/api/fieldwork/visits/care?grid=" + grid, 200);
        assertThat(due.toString()).contains("\"personId\":" + person + ",");
        JsonNode mine = find(due, person);
        assertThat(mine.get("every").asString()).isEqualTo("P7D");
        assertThat(mine.get("state").asString()).isIn("DUE", "OVERDUE");
        Map<String, Object> body = visit(home, true);
        body.put("metPersonIds", List.of(person));
        body.put("services", List.of("CARE_GIVEN"));
        JsonNode visit = call("gridworker", post("/api/fieldwork/visits"), body, 201);
        assertThat(visit.get("metPersonIds").toString()).isEqualTo("[" + person + "]");
        JsonNode summary = get("gridworker", "/api/fieldwork/visits/care/summary?grid=" + grid, 200);
        assertThat(summary.get("due").asLong()).isEqualTo(dueBefore - 1);
        assertThat(summary.get("people").asLong()).isGreaterThanOrEqualTo(summary.get("due").asLong());
        assertThat(summary.get("due").asLong()).isGreaterThanOrEqualTo(summary.get("overdue").asLong());
        assertThat(find(get("gridworker", "/api/fieldwork/visits/care?status=all&grid=" + grid, 200), person).get("state").asString())
                .isEqualTo("OK");
        assertThat(get("gridworker", "/api/fieldwork/visits/care?grid=" + grid, 200).toString()).doesNotContain("\"personId\":" + person + ",");
    }

    @Test
    void aCareVisitOnItsOwnIsRecordedOnceAndSpecialGroupsStayWithTheRolesThatSeeThem() throws Exception {
        long home = newHousehold(List.of("COMMUNITY_CORRECTION"));
        long special = personOf(home);
        assertThat(get("gridworker", "/api/fieldwork/visits/care?status=all&grid=" + grid, 200).toString())
                .doesNotContain("\"personId\":" + special + ",");
        assertThat(get("community", "/api/fieldwork/visits/care?status=all&grid=" + grid, 200).toString())
                .contains("\"personId\":" + special + ",");
        call("gridworker", post("/api/fieldwork/visits/care"), Map.of("personId", special, "requestId", "care-special-" + home), 404);
        JsonNode member = get("gridworker", "/api/fieldwork/visits/households/" + home, 200).get("members").get(0);
        assertThat(member.get("tags")).isEmpty();
        Map<String, Object> care = Map.of("personId", special, "note", "谈心谈话", "requestId", "care-" + home);
        JsonNode first = call("community", post("/api/fieldwork/visits/care"), care, 201);
        assertThat(call("community", post("/api/fieldwork/visits/care"), care, 201).get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(find(get("community", "/api/fieldwork/visits/care?status=all&grid=" + grid, 200), special).get("state").asString())
                .isEqualTo("OK");
        call("community", post("/api/fieldwork/visits/care"), Map.of("requestId", "x"), 400);
        call("community", post("/api/fieldwork/visits/care"), Map.of("personId", personOf(household), "requestId", "no-tag-" + home), 404);
    }

    @Test
    void communityStaffOrAnAdminSetAGridsOwnCycleAndTheGridWorkerCannot() throws Exception {
        try {
            JsonNode cycle = get("gridworker", "/api/fieldwork/visits/cycles/" + grid, 200);
            assertThat(cycle.get("cycle").asString()).isEqualTo("P2M");
            assertThat(cycle.get("own").asBoolean()).isFalse();
            call("gridworker", put("/api/fieldwork/visits/cycles/" + grid), Map.of("cycle", "P1M"), 403);
            JsonNode monthly = call("community", put("/api/fieldwork/visits/cycles/" + grid), Map.of("cycle", "1m"), 200);
            assertThat(monthly.get("cycle").asString()).isEqualTo("P1M");
            assertThat(monthly.get("own").asBoolean()).isTrue();
            assertThat(monthly.get("current").get("start").asString()).endsWith("-01");
            assertThat(call("admin", put("/api/fieldwork/visits/cycles/" + grid), Map.of("cycle", "P60D", "anchor", "2026-01-01"), 200)
                    .get("cycle").asString()).isEqualTo("P60D");
            assertThat(call("community", put("/api/fieldwork/visits/cycles/" + grid), Map.of("cycle", "P0D"), 400)
                    .get("detail").asString()).contains("cycle");
            call("community", put("/api/fieldwork/visits/cycles/" + grid), Map.of("cycle", "P1M", "anchor", "soon"), 400);
            call("dispatcher-honghua", put("/api/fieldwork/visits/cycles/" + grid), Map.of("cycle", "P1M"), 404);
            get("community", "/api/fieldwork/visits/cycles/123", 400);
        } finally {
            call("admin", delete("/api/fieldwork/visits/cycles/" + grid), null, 200);
        }
        assertThat(get("gridworker", "/api/fieldwork/visits/cycles/" + grid, 200).get("own").asBoolean()).isFalse();
    }

    @Test
    void theWorkerFiguresCountVisitsDoneAgainstTheHouseholdsDue() throws Exception {
        long worker = people.findByUsername("gridworker").orElseThrow().id();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String path = "/api/fieldwork/figures?from=" + today + "&to=" + today + "&grid=" + grid;
        JsonNode before = figuresOf(get("dispatcher", path, 200), worker);
        Map<String, Object> body = visit(household, true);
        body.put("services", List.of("POLICY_EXPLAINED", "SAFETY_CHECKED"));
        call("gridworker", post("/api/fieldwork/visits"), body, 201);
        call("gridworker", post("/api/fieldwork/visits"), visit(newHousehold(List.of()), false), 201);
        JsonNode after = figuresOf(get("dispatcher", path, 200), worker);
        assertThat(after.get("visits").asLong()).isEqualTo(before.get("visits").asLong() + 2);
        assertThat(after.get("presentVisits").asLong()).isEqualTo(before.get("presentVisits").asLong() + 1);
        assertThat(after.get("servicesDone").asLong()).isEqualTo(before.get("servicesDone").asLong() + 2);
        assertThat(after.get("householdsDue").asLong()).isEqualTo(before.get("householdsDue").asLong() + 1);
        assertThat(after.get("householdsCovered").asLong()).isEqualTo(before.get("householdsCovered").asLong() + 1);
        assertThat(after.get("householdsDue").asLong()).isEqualTo(coverageOfGrid("gridworker").get("households").asLong());
    }

    @Test
    void aRoundIsCompletedWhenEveryHouseholdOfTheGridHadAPresentVisitAndAMissedRoundIsOverdue() throws Exception {
        // a comprehensive grid of another street without households yet, registered by an administrator
        String empty = grids.comprehensiveGridCodes("320104003").stream()
                .filter(c -> jdbc.sql("select count(*) from registry_household where grid_code = :g").param("g", c).query(Long.class).single() == 0)
                .findFirst().orElseThrow();
        String worker = grids.workers(empty).getFirst().username();
        VisitFixtures fixtures = new VisitFixtures(mvc, json, users, locator);
        long first = fixtures.household(empty, List.of(), "admin");
        long second = fixtures.household(empty, List.of(), "admin");
        // the second was registered long before this round: with no visit in the previous round it is overdue
        jdbc.sql("update registry_household set created_at = now() - interval '1 year' where id = :id").param("id", second).update();
        JsonNode start = get("leader", "/api/fieldwork/visits/coverage?level=grid&area=" + empty, 200).get(0);
        assertThat(start.get("households").asLong()).isEqualTo(2);
        assertThat(start.get("covered").asLong()).isZero();
        assertThat(start.get("overdue").asLong()).isEqualTo(1);
        assertThat(start.get("roundsCompleted").asLong()).isZero();
        call(worker, post("/api/fieldwork/visits"), visit(first, true), 201);
        call(worker, post("/api/fieldwork/visits"), visit(second, false), 201);
        JsonNode half = get("leader", "/api/fieldwork/visits/coverage?level=grid&area=" + empty, 200).get(0);
        assertThat(half.get("covered").asLong()).isEqualTo(1);
        assertThat(half.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(half.get("overdue").asLong()).isEqualTo(1);
        assertThat(half.get("roundsCompleted").asLong()).isZero();
        call(worker, post("/api/fieldwork/visits"), visit(second, true), 201);
        JsonNode done = get("leader", "/api/fieldwork/visits/coverage?level=grid&area=" + empty, 200).get(0);
        assertThat(done.get("covered").asLong()).isEqualTo(2);
        assertThat(done.get("ratio").asDouble()).isEqualTo(1.0);
        assertThat(done.get("overdue").asLong()).isZero();
        assertThat(done.get("roundsCompleted").asLong()).isEqualTo(1);
        JsonNode community = get("leader", "/api/fieldwork/visits/coverage?level=community&area=" + empty.substring(0, 12), 200).get(0);
        assertThat(community.get("code").asString()).isEqualTo(empty.substring(0, 12));
        assertThat(community.get("covered").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aCarePersonNotVisitedSinceLongAgoIsOverdueInTheListTheSummaryAndTheWorkersFigures() throws Exception {
        String empty = grids.comprehensiveGridCodes("320104003").stream()
                .filter(c -> jdbc.sql("select count(*) from registry_household where grid_code = :g").param("g", c).query(Long.class).single() == 0)
                .findFirst().orElseThrow();
        String worker = grids.workers(empty).getFirst().username();
        long workerId = grids.workers(empty).getFirst().userId();
        long person = personOf(new VisitFixtures(mvc, json, users, locator).household(empty, List.of("LIVING_ALONE_ELDERLY"), "admin"));
        jdbc.sql("update registry_person set created_at = now() - interval '30 days' where id = :id").param("id", person).update();
        assertThat(find(get(worker, "/api/fieldwork/visits/care?status=overdue", 200), person).get("state").asString()).isEqualTo("OVERDUE");
        assertThat(get(worker, "/api/fieldwork/visits/care/summary", 200).get("overdue").asLong()).isEqualTo(1);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String path = "/api/fieldwork/figures?from=" + today + "&to=" + today + "&grid=" + empty;
        assertThat(figuresOf(get("leader", path, 200), workerId).get("careOverdue").asLong()).isEqualTo(1);
        call(worker, post("/api/fieldwork/visits/care"), Map.of("personId", person, "requestId", "overdue-" + person), 201);
        assertThat(get(worker, "/api/fieldwork/visits/care/summary", 200).get("overdue").asLong()).isZero();
        JsonNode figures = figuresOf(get("leader", path, 200), workerId);
        assertThat(figures.get("careOverdue").asLong()).isZero();
        assertThat(figures.get("careVisits").asLong()).isEqualTo(1);
    }

    private static JsonNode figuresOf(JsonNode figures, long userId) {
        for (JsonNode row : figures.get("workers")) {
            if (row.get("userId").asLong() == userId) {
                return row;
            }
        }
        throw new AssertionError("no figures of " + userId);
    }

    private static JsonNode find(JsonNode list, long personId) {
        for (JsonNode row : list) {
            if (row.get("personId").asLong() == personId) {
                return row;
            }
        }
        throw new AssertionError("no person " + personId + " in " + list);
    }
}
