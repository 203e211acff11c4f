package org.yiwang.fieldwork;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.platform.ChinaTime;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The patrol API: start and stop, idempotent batches of points, refusals, and the days against the 3-hour rule. */
@FieldworkSpringTest
class PatrolApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /**
     * Each test counts the minutes of the demo grid worker's days: another test's points on the same day (a track
     * of "the last 15 minutes" falls on yesterday shortly after midnight in Shanghai) must not count.
     */
    @BeforeEach
    void forgetTheGridWorkersEarlierPoints() {
        jdbc.sql("update fieldwork_patrol set ended_at = started_at where ended_at is null").update();
        jdbc.sql("""
                delete from fieldwork_patrol_point where patrol_id in (
                    select p.id from fieldwork_patrol p join people_user u on u.id = p.user_id where u.username = 'gridworker')""").update();
    }

    @AfterEach
    void stopRunningPatrols() {
        jdbc.sql("update fieldwork_patrol set ended_at = started_at where ended_at is null").update();
    }

    long start(String username) throws Exception {
        String body = mvc.perform(post("/api/fieldwork/patrols").with(as(username)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
    }

    /** The patrol began {@code ago}: points of the past can then belong to it. */
    void begunAgo(long patrol, Duration ago) {
        jdbc.sql("update fieldwork_patrol set started_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(ago))).param("id", patrol).update();
    }

    IndexedGrid gridWorkersGrid() {
        return locator.grid(grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code()).orElseThrow();
    }

    IndexedGrid anotherStreetsGrid() {
        return locator.grid(grids.comprehensiveGridCodes("320104003").getFirst()).orElseThrow();
    }

    static String point(int seq, Instant at, IndexedGrid grid) {
        Point p = grid.geometry().getInteriorPoint();
        return String.format(Locale.ROOT, "{\"seq\":%d,\"at\":%d,\"lat\":%.7f,\"lon\":%.7f,\"accuracy\":12.5}",
                seq, at.toEpochMilli(), p.getY(), p.getX());
    }

    static String batch(List<String> points) {
        return "{\"points\":[" + String.join(",", points) + "]}";
    }

    @Test
    void aSecondStartAnswersTheRunningPatrolAndStopEndsIt() throws Exception {
        long id = start("gridworker");
        mvc.perform(post("/api/fieldwork/patrols").with(as("gridworker")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id", is((int) id)));
        mvc.perform(get("/api/fieldwork/patrols/current").with(as("gridworker")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.running", is(true)));
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/stop").with(as("gridworker")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.running", is(false)));
        mvc.perform(get("/api/fieldwork/patrols/current").with(as("gridworker"))).andExpect(status().isNoContent());
    }

    @Test
    void pointsSentTwiceOutOfOrderOrFromTheFutureAreStoredOnceOrRefused() throws Exception {
        long id = start("gridworker");
        begunAgo(id, Duration.ofHours(1));
        Instant now = Instant.now();
        IndexedGrid grid = gridWorkersGrid();
        String body = batch(List.of(point(3, now.minusSeconds(60), grid), point(1, now.minusSeconds(180), grid),
                point(2, now.minusSeconds(120), grid), point(2, now.minusSeconds(120), grid),
                point(4, now.plus(Duration.ofMinutes(10)), grid), point(5, now.minus(Duration.ofHours(2)), grid)));
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/points").contentType("application/json").content(body)
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored", is(3))).andExpect(jsonPath("$.duplicates", is(1)))
                .andExpect(jsonPath("$.refused", hasSize(2)))
                .andExpect(jsonPath("$.refused[0].seq", is(4))).andExpect(jsonPath("$.refused[0].reason", is("FUTURE")))
                .andExpect(jsonPath("$.refused[1].reason", is("BEFORE_START")));
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/points").contentType("application/json").content(body)
                        .with(as("gridworker")).with(csrf()))
                .andExpect(jsonPath("$.stored", is(0))).andExpect(jsonPath("$.duplicates", is(4)));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from fieldwork_patrol_point where patrol_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select distinct district_code from fieldwork_patrol_point where patrol_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo(grid.district().code());
    }

    @Test
    void threeAndAHalfHoursInsideTheOwnGridMeetTheTargetAndTimeOutsideDoesNotCount() throws Exception {
        long id = start("gridworker");
        begunAgo(id, Duration.ofDays(3));
        LocalDate yesterday = LocalDate.now(ChinaTime.ZONE).minusDays(1);
        Instant nine = yesterday.atTime(9, 0).atZone(ChinaTime.ZONE).toInstant();
        List<String> points = new ArrayList<>();
        for (int i = 0; i <= 210; i++) {
            points.add(point(i + 1, nine.plus(Duration.ofMinutes(i)), gridWorkersGrid()));
        }
        for (int i = 0; i <= 60; i++) {
            points.add(point(300 + i, nine.plus(Duration.ofMinutes(300 + i)), anotherStreetsGrid()));
        }
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/points").contentType("application/json").content(batch(points))
                        .with(as("gridworker")).with(csrf()))
                .andExpect(jsonPath("$.stored", is(272)));
        mvc.perform(get("/api/fieldwork/patrols/days").param("from", yesterday.toString()).param("to", yesterday.toString())
                        .with(as("gridworker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].minutesInGrid", is(210)))
                .andExpect(jsonPath("$[0].status", is("MET")))
                .andExpect(jsonPath("$[0].statusText", is("达标")));
    }

    @Test
    void aPatrolAcrossMidnightCountsForBothShanghaiDays() throws Exception {
        long id = start("gridworker");
        begunAgo(id, Duration.ofDays(4));
        LocalDate day = LocalDate.now(ChinaTime.ZONE).minusDays(2);
        Instant evening = day.atTime(23, 0).atZone(ChinaTime.ZONE).toInstant();
        List<String> points = new ArrayList<>();
        for (int i = 0; i <= 90; i++) {
            points.add(point(i + 1, evening.plus(Duration.ofMinutes(i)), gridWorkersGrid()));
        }
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/points").contentType("application/json").content(batch(points))
                .with(as("gridworker")).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/fieldwork/patrols/days").param("from", day.toString()).param("to", day.plusDays(1).toString())
                        .with(as("gridworker")))
                .andExpect(jsonPath("$[0].minutesInGrid", is(60))).andExpect(jsonPath("$[0].status", is("NOT_MET")))
                .andExpect(jsonPath("$[1].minutesInGrid", is(30)));
    }

    @Test
    void badPointsAreRefusedWholeWithAProblemNamingTheField() throws Exception {
        long id = start("gridworker");
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/points").contentType("application/json")
                        .content("{\"points\":[{\"seq\":1,\"at\":1767225600000,\"lat\":32.0,\"lon\":118.8},{\"seq\":2,\"at\":1767225600000,\"lat\":95,\"lon\":118.8}]}")
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("lat")));
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/points").contentType("application/json").content("{}")
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/fieldwork/patrols/days").param("from", "2026-03-02").param("to", "2026-03-01").with(as("gridworker")))
                .andExpect(status().isBadRequest());
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from fieldwork_patrol_point where patrol_id = :id")
                .param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void nobodyElseSendsPointsToAWorkersPatrolAndOnlyGridWorkersPatrol() throws Exception {
        long id = start("gridworker");
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/points").contentType("application/json").content("{\"points\":[]}")
                        .with(as("community")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/stop").with(as("dispatcher")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/fieldwork/patrols").with(as("resident")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void thePatrolPageOffersStartAndLoadsItsScriptFromAFile() throws Exception {
        mvc.perform(get("/m/patrol").with(as("gridworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"patrol-start\"")))
                .andExpect(content().string(containsString("/js/fieldwork/patrol.js")))
                .andExpect(content().string(containsString("今日在格时长")));
        mvc.perform(get("/m/patrol").with(as("resident"))).andExpect(status().isForbidden());
    }

    @Test
    void theCommandMapSeesAWorkersFreshPositionInItsScopeOnly() throws Exception {
        long id = start("gridworker");
        begunAgo(id, Duration.ofHours(1));
        IndexedGrid grid = gridWorkersGrid();
        mvc.perform(post("/api/fieldwork/patrols/" + id + "/points").contentType("application/json")
                .content(batch(List.of(point(1, Instant.now().minus(Duration.ofMinutes(20)), anotherStreetsGrid()),
                        point(2, Instant.now().minusSeconds(30), grid))))
                .with(as("gridworker")).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/fieldwork/positions").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.patrolId == " + id + ")].gridCode").value(grid.code()));
        mvc.perform(get("/api/fieldwork/positions").with(as("dispatcher-honghua")))
                .andExpect(jsonPath("$[?(@.patrolId == " + id + ")]", hasSize(0)));
        mvc.perform(get("/api/fieldwork/positions").with(as("gridworker"))).andExpect(status().isForbidden());
    }

    @Test
    void todaysTrackIsThinnedForTheMapAndShownOnlyInItsStreetsScope() throws Exception {
        // the track spans the last 15 minutes of today (China time): not within the first 20 minutes after midnight
        org.junit.jupiter.api.Assumptions.assumeTrue(Duration.between(LocalDate.now(ChinaTime.ZONE).atStartOfDay(ChinaTime.ZONE).toInstant(),
                Instant.now()).toMinutes() > 20, "too close to midnight in Shanghai for a 15-minute track of today");
        long id = start("gridworker");
        begunAgo(id, Duration.ofMinutes(20));
        IndexedGrid grid = gridWorkersGrid();
        Instant first = Instant.now().minus(Duration.ofMinutes(15));
        for (int b = 0; b < 2; b++) {
            List<String> points = new ArrayList<>();
            for (int i = 0; i < 350; i++) {
                int seq = b * 350 + i + 1;
                points.add(point(seq, first.plusSeconds(seq), grid));
            }
            mvc.perform(post("/api/fieldwork/patrols/" + id + "/points").contentType("application/json").content(batch(points))
                    .with(as("gridworker")).with(csrf())).andExpect(status().isOk());
        }
        String name = people.findByUsername("gridworker").orElseThrow().displayName();
        String tracks = mvc.perform(get("/api/fieldwork/tracks/today").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.patrolId == " + id + ")].name").value(name))
                .andExpect(jsonPath("$[?(@.patrolId == " + id + ")].running").value(true))
                .andReturn().getResponse().getContentAsString();
        List<List<List<Double>>> shown = com.jayway.jsonpath.JsonPath.read(tracks, "$[?(@.patrolId == " + id + ")].points");
        List<List<Double>> track = shown.getFirst();
        // 700 points thinned to every third one (1, 4, … 700, the last always kept): the line keeps its shape within the limit
        org.assertj.core.api.Assertions.assertThat(track).hasSize(234);
        Point inside = grid.geometry().getInteriorPoint();
        org.assertj.core.api.Assertions.assertThat(track.getLast().get(0)).isCloseTo(inside.getY(), org.assertj.core.api.Assertions.within(1e-6));
        mvc.perform(get("/api/fieldwork/tracks/today").with(as("dispatcher-honghua")))
                .andExpect(jsonPath("$[?(@.patrolId == " + id + ")]", hasSize(0)));
        mvc.perform(get("/api/fieldwork/tracks/today").with(as("gridworker"))).andExpect(status().isForbidden());
    }
}
