package org.yiwang.enforcement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.Organization;
import org.yiwang.people.People;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 转执法: a patrol finding's page offers its owner the case form prefilled from it; the case opens in the worker's grid. */
@EnforcementSpringTest
class FindingCaseTests {

    @Autowired MockMvc mvc;
    @Autowired tools.jackson.databind.json.JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Organization organization;
    @Autowired People people;
    @Autowired JdbcClient jdbc;

    EnforcementApi api;

    @BeforeEach
    void setUp() {
        api = new EnforcementApi(mvc, json, users, grids, locator, organization);
    }

    @AfterEach
    void stopPatrols() {
        jdbc.sql("update fieldwork_patrol set ended_at = started_at where ended_at is null").update();
    }

    long finding(String text, boolean withPlace) throws Exception {
        long patrol = api.post("gridworker", "/api/fieldwork/patrols", Map.of(), 201).get("id").asLong();
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("requestId", UUID.randomUUID().toString());
        if (withPlace) {
            Point p = locator.grid(grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code()).orElseThrow()
                    .geometry().getInteriorPoint();
            body.put("lat", p.getY());
            body.put("lon", p.getX());
        }
        return api.post("gridworker", "/api/fieldwork/patrols/" + patrol + "/findings", body, 201).get("id").asLong();
    }

    String page(String user, String path, int expected) throws Exception {
        return mvc.perform(get(path).with(api.as(user))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aGridWorkerOpensACaseFromTheirFindingWithTheFormPrefilledFromIt() throws Exception {
        long id = finding("商铺门前违规堆放杂物，占用盲道", true);
        assertThat(page("gridworker", "/m/findings/" + id, 200)).contains("id=\"finding-enforce\"")
                .contains("/m/enforcement/from-finding/" + id);
        String form = page("gridworker", "/m/enforcement/from-finding/" + id, 200);
        assertThat(form).contains("value=\"商铺门前违规堆放杂物，占用盲道\"").contains("name=\"findingId\"");

        long patrol = jdbc.sql("SELECT patrol_id FROM fieldwork_finding WHERE id = :id").param("id", id).query(Long.class).single();
        var opened = api.post("gridworker", "/api/enforcement/cases", Map.of("source", "FINDING", "patrolId", patrol, "findingId", id,
                "scenario", "SHOP", "requestKey", UUID.randomUUID().toString()), 201);
        assertThat(opened.toString()).contains("占用盲道");
        assertThat(page("gridworker", "/m/findings/" + id, 200)).contains("id=\"finding-enforcement-case\"")
                .doesNotContain("id=\"finding-enforce\"");
    }

    @Test
    void theFindingsPhotosAreOnTheCasePageForEveryoneWhoMayReadTheCase() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        String upload = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/photos")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "blind-lane.png", "image/png", png.toByteArray()))
                        .with(api.as("gridworker")).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String photo = json.readTree(upload).get("id").asString();
        long patrol = api.post("gridworker", "/api/fieldwork/patrols", Map.of(), 201).get("id").asLong();
        Point p = locator.grid(grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code()).orElseThrow()
                .geometry().getInteriorPoint();
        long id = api.post("gridworker", "/api/fieldwork/patrols/" + patrol + "/findings", Map.of("text", "店外经营占用盲道",
                "requestId", UUID.randomUUID().toString(), "lat", p.getY(), "lon", p.getX(), "photoIds", java.util.List.of(photo)), 201)
                .get("id").asLong();
        long caseId = api.post("gridworker", "/api/enforcement/cases", Map.of("source", "FINDING", "patrolId", patrol, "findingId", id,
                "scenario", "SHOP", "requestKey", UUID.randomUUID().toString()), 201).get("summary").get("id").asLong();

        assertThat(page("dispatcher", "/enforcement/cases/" + caseId, 200)).contains("id=\"finding-photos\"").contains("/api/photos/" + photo);
        page("dispatcher", "/api/photos/" + photo, 200);
        page("dispatcher-honghua", "/api/photos/" + photo, 404);
        page("resident", "/api/photos/" + photo, 404);
    }

    @Test
    void aFindingWithoutAPlaceOffersNoCaseAndOnlyItsOwnerSeesIt() throws Exception {
        long id = finding("居民反映楼道声控灯不亮", false);
        assertThat(page("gridworker", "/m/findings/" + id, 200)).doesNotContain("finding-enforce");
        page("gridworker", "/m/enforcement/from-finding/" + id, 400);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> page("dispatcher", "/m/findings/" + id, 403))
                .rootCause().hasMessageContaining("error.forbidden");
    }
}
