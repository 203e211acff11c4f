package org.yiwang.workorder.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.people.PeopleIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What used to end in a 500: texts too long for their columns, NUL characters, a huge note, a missing body. */
@PeopleIntegrationTest
class WorkOrderInputLimitsTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired People people;
    @Autowired JdbcClient jdbc;

    IndexedGrid grid;

    @BeforeEach
    void findAGrid() {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        grid = locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    Map<String, Object> report(Object... fields) {
        Point p = grid.geometry().getInteriorPoint();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("lat", p.getY(), "lon", p.getX(), "description", "路灯不亮"));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    ResultActions send(Map<String, Object> body, String language) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/work-orders")
                .with(as("resident")).with(csrf()).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    @Test
    void aReporterNameOrPhoneTooLongForItsColumnIsRefusedNamingTheField() throws Exception {
        send(report("reporterName", "张".repeat(101)), "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("workorder.error.reporterNameTooLong"))
                .andExpect(jsonPath("$.detail").value("字段“reporterName”：上报人姓名超过 100 个字符"));
        send(report("reporterPhone", "1".repeat(31)), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("workorder.error.reporterPhoneTooLong"))
                .andExpect(jsonPath("$.detail").value("Field \"reporterPhone\": the reporter phone number is longer than 30 characters"));
        send(report("reporterName", "张".repeat(100), "reporterPhone", "1".repeat(30)), "zh-CN").andExpect(status().isCreated());
    }

    @Test
    void aNulCharacterInAnyJsonTextIsRefusedNamingTheField() throws Exception {
        send(report("description", "井盖\u0000缺失"), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.nulCharacter"))
                .andExpect(jsonPath("$.detail").value(containsString("\"description\"")));
        send(report("address", "贡院街\u0000"), "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("“address”")));
    }

    @Test
    void aNulCharacterInAQueryOrFormParameterIsRefused() throws Exception {
        mvc.perform(get("/api/work-orders").param("q", "\u0000").with(as("dispatcher")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("error.nulCharacter"))
                .andExpect(jsonPath("$.detail").value(containsString("“q”")));
        mvc.perform(get("/api/work-orders").param("category", "C01\u0000").with(as("dispatcher")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("“category”")));
    }

    @Test
    void aHugeNoteIsRefusedBeforeAnythingIsWritten() throws Exception {
        long id = json.readTree(send(report(), "zh-CN").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("id").asLong();
        int before = transitions(id);
        mvc.perform(post("/api/work-orders/{id}/supervise", id).with(as("dispatcher")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("note", "催".repeat(1_000_000)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.textTooLong"));
        mvc.perform(post("/api/work-orders/{id}/supervise", id).with(as("dispatcher")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("note", "催".repeat(2001)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("workorder.error.noteTooLong"));
        assertThat(transitions(id)).isEqualTo(before);
    }

    @Test
    void aMissingOrBrokenBodyIsTold_withoutTheControllersInternals() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/work-orders")
                        .with(as("resident")).with(csrf()).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.bodyMissing"))
                .andExpect(content().string(not(containsString("WorkOrderController"))))
                .andExpect(content().string(not(containsString("org.yiwang"))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/work-orders")
                        .with(as("resident")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"lat\": \"north\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.malformedField"))
                .andExpect(jsonPath("$.detail").value(containsString("lat")))
                .andExpect(content().string(not(containsString("java."))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/work-orders")
                        .with(as("resident")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"lat\": 32.0,"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.malformedJson"));
    }

    @Test
    void aRefusedReportWithPhotosLeavesNoneOfItsPhotosBehind() throws Exception {
        byte[] png = png();
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        mvc.perform(multipart("/api/work-orders").file(new MockMultipartFile("photos", "a.png", "image/png", png))
                        .param("description", "x".repeat(5000)).param("lat", "32.02").param("lon", "118.79")
                        .with(as("resident")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("workorder.error.descriptionTooLong"));
        assertThat(jdbc.sql("SELECT count(*) FROM workorder_photo WHERE sha256 = :id").param("id", id).query(Integer.class).single())
                .isZero();
        // a photo uploaded before on its own stays when a report that names it again is refused
        mvc.perform(multipart("/api/photos").file(new MockMultipartFile("file", "a.png", "image/png", png)).with(as("resident")).with(csrf()))
                .andExpect(status().isCreated());
        mvc.perform(multipart("/api/work-orders").file(new MockMultipartFile("photos", "a.png", "image/png", png))
                        .param("description", "x".repeat(5000)).param("lat", "32.02").param("lon", "118.79")
                        .with(as("resident")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM workorder_photo WHERE sha256 = :id").param("id", id).query(Integer.class).single())
                .isOne();
    }

    int transitions(long orderId) {
        return jdbc.sql("SELECT count(*) FROM workorder_transition WHERE order_id = :id").param("id", orderId).query(Integer.class).single();
    }

    /** Bytes a PNG sniffer accepts, unique to this run. */
    static byte[] png() {
        byte[] tail = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = new byte[8 + tail.length];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, bytes, 0, 8);
        System.arraycopy(tail, 0, bytes, 8, tail.length);
        return bytes;
    }
}
