package org.yiwang.fieldwork;

import org.junit.jupiter.api.AfterEach;
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

import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The assessment figures per grid worker, limited to the reader's scope. */
@FieldworkSpringTest
class FiguresApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @AfterEach
    void stopRunningPatrols() {
        jdbc.sql("update fieldwork_patrol set ended_at = started_at where ended_at is null").update();
    }

    @Test
    void theStreetsDispatcherSeesTheWorkersPatrolHoursDaysMetAndFindings() throws Exception {
        long worker = people.findByUsername("gridworker").orElseThrow().id();
        IndexedGrid grid = locator.grid(grids.gridsOf(worker).getFirst().code()).orElseThrow();
        Point p = grid.geometry().getInteriorPoint();
        String body = mvc.perform(post("/api/fieldwork/patrols").with(as("gridworker")).with(csrf())).andReturn().getResponse().getContentAsString();
        long patrol = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
        jdbc.sql("update fieldwork_patrol set started_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(12)))).param("id", patrol).update();
        LocalDate day = LocalDate.now(ChinaTime.ZONE).minusDays(8);
        Instant eight = day.atTime(8, 0).atZone(ChinaTime.ZONE).toInstant();
        List<String> points = new ArrayList<>();
        for (int i = 0; i <= 200; i++) {
            points.add(String.format(Locale.ROOT, "{\"seq\":%d,\"at\":%d,\"lat\":%.7f,\"lon\":%.7f}", i + 1,
                    eight.plus(Duration.ofMinutes(i)).toEpochMilli(), p.getY(), p.getX()));
        }
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/points").contentType("application/json")
                .content("{\"points\":[" + String.join(",", points) + "]}").with(as("gridworker")).with(csrf())).andExpect(status().isOk());
        String street = grid.street().code();
        mvc.perform(get("/api/fieldwork/figures").param("from", day.toString()).param("to", day.toString()).param("street", street)
                        .with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workers[?(@.userId == " + worker + ")].patrolMinutes").value(200))
                .andExpect(jsonPath("$.workers[?(@.userId == " + worker + ")].daysMet").value(1))
                .andExpect(jsonPath("$.workers[?(@.userId == " + worker + ")].days").value(1));

        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        String before = mvc.perform(get("/api/fieldwork/figures").param("from", today.toString()).param("to", today.toString())
                .param("grid", grid.code()).with(as("dispatcher"))).andReturn().getResponse().getContentAsString();
        long findingsBefore = count(before, "findings");
        long closedBefore = count(before, "closedOnSpot");
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/findings").contentType("application/json")
                .content("{\"text\":\"巡查记录：楼道整洁\",\"requestId\":\"figures-1\"}").with(as("gridworker")).with(csrf()))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/fieldwork/figures").param("from", today.toString()).param("to", today.toString())
                        .param("grid", grid.code()).with(as("dispatcher")))
                .andExpect(jsonPath("$.workers[0].findings", is((int) findingsBefore + 1)))
                .andExpect(jsonPath("$.workers[0].closedOnSpot", is((int) closedBefore)));
    }

    static long count(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void anotherStreetsDispatcherGetsNothingAndBadAreasAreProblems() throws Exception {
        long worker = people.findByUsername("gridworker").orElseThrow().id();
        IndexedGrid grid = locator.grid(grids.gridsOf(worker).getFirst().code()).orElseThrow();
        mvc.perform(get("/api/fieldwork/figures").param("from", "2026-11-01").param("to", "2026-11-30")
                        .param("street", grid.street().code()).with(as("dispatcher-honghua")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/fieldwork/figures").param("from", "2026-11-01").param("to", "2026-11-30")
                        .param("street", grid.street().code()).param("grid", grid.code()).with(as("dispatcher")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/fieldwork/figures").param("from", "2026-11-01").param("to", "2026-11-30")
                        .param("community", "12ab").with(as("dispatcher")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/fieldwork/figures").param("from", "2026-11-30").param("to", "2026-11-01")
                        .param("grid", grid.code()).with(as("dispatcher")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/fieldwork/figures").param("from", "2026-11-01").param("to", "2026-11-30")
                        .param("grid", grid.code()).with(as("gridworker")))
                .andExpect(status().isForbidden());
    }
}
