package org.yiwang.fieldwork;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.People;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 民情日志: a finding is logged, becomes an order through the intake, or is closed on the spot — once per request id. */
@FieldworkSpringTest
class FindingApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Catalog catalog;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @AfterEach
    void stopRunningPatrols() {
        jdbc.sql("update fieldwork_patrol set ended_at = started_at where ended_at is null").update();
    }

    long start() throws Exception {
        String body = mvc.perform(post("/api/fieldwork/patrols").with(as("gridworker")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
    }

    String where() {
        Point p = locator.grid(grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code())
                .orElseThrow().geometry().getInteriorPoint();
        return String.format(Locale.ROOT, "\"lat\":%.7f,\"lon\":%.7f", p.getY(), p.getX());
    }

    long orders(String source) {
        return jdbc.sql("select count(*) from workorder_order where source = :s").param("s", source).query(Long.class).single();
    }

    @Test
    void aFindingReportedTwiceBecomesOneOrderFromThePatrol() throws Exception {
        long patrol = start();
        long before = orders("GRID_PATROL");
        String body = "{\"text\":\"3栋楼道堆放杂物，存在消防隐患\"," + where() + ",\"outcome\":\"REPORTED\",\"requestId\":\"finding-report-1\"}";
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/findings").contentType("application/json").content(body)
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome", is("REPORTED"))).andExpect(jsonPath("$.orderNumber", notNullValue()));
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/findings").contentType("application/json").content(body)
                .with(as("gridworker")).with(csrf())).andExpect(status().isCreated());
        assertThat(orders("GRID_PATROL")).isEqualTo(before + 1);
        mvc.perform(get("/api/fieldwork/patrols/" + patrol + "/findings").with(as("gridworker")))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void aSmallMatterIsClosedOnTheSpotAndAPlainLogEntryMakesNoOrder() throws Exception {
        long patrol = start();
        String small = catalog.categories().stream().filter(c -> c.enabled() && c.smallMatter()).map(Category::code).findFirst().orElseThrow();
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/findings").contentType("application/json")
                        .content("{\"text\":\"路边小广告\"," + where() + ",\"outcome\":\"CLOSED_ON_SPOT\",\"categoryCode\":\"" + small
                                + "\",\"note\":\"已当场清除\",\"requestId\":\"finding-close-1\"}")
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.outcome", is("CLOSED_ON_SPOT")));
        String number = jdbc.sql("select order_number from fieldwork_finding where request_id = 'finding-close-1'").query(String.class).single();
        assertThat(jdbc.sql("select status from workorder_order where number = :n").param("n", number).query(String.class).single())
                .isEqualTo("CLOSED");
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/findings").contentType("application/json")
                        .content("{\"text\":\"走访3户，居民反映路灯已修好\",\"requestId\":\"finding-log-1\"}")
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.outcome", is("LOGGED")))
                .andExpect(jsonPath("$.orderId").doesNotExist());
    }

    @Test
    void onThePhoneAFindingWithACameraPhotoBecomesAnOrder() throws Exception {
        start();
        Point p = locator.grid(grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code())
                .orElseThrow().geometry().getInteriorPoint();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/m/patrol/findings")
                        .file(new org.springframework.mock.web.MockMultipartFile("photos", "camera.jpg", "image/jpeg", jpeg))
                        .param("text", "小区东门路灯不亮").param("lat", String.valueOf(p.getY())).param("lon", String.valueOf(p.getX()))
                        .param("outcome", "REPORTED").param("requestId", "page-finding-1").with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select cardinality(photo_ids) from fieldwork_finding where request_id = 'page-finding-1'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select order_number from fieldwork_finding where request_id = 'page-finding-1'")
                .query(String.class).single()).isNotBlank();
        mvc.perform(get("/m/patrol").with(as("gridworker")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("小区东门路灯不亮")));
    }

    @Test
    void aFindingWithoutTextOrPlaceIsRefusedAndNothingIsWritten() throws Exception {
        long patrol = start();
        long before = jdbc.sql("select count(*) from fieldwork_finding").query(Long.class).single();
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/findings").contentType("application/json")
                        .content("{\"text\":\" \",\"requestId\":\"bad-1\"}").with(as("gridworker")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("text")));
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/findings").contentType("application/json")
                        .content("{\"text\":\"井盖缺失\",\"outcome\":\"REPORTED\",\"requestId\":\"bad-2\"}").with(as("gridworker")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/findings").contentType("application/json")
                        .content("{\"text\":\"井盖缺失\",\"outcome\":\"MAYBE\",\"requestId\":\"bad-3\"}").with(as("gridworker")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/fieldwork/patrols/" + patrol + "/findings").contentType("application/json")
                        .content("{\"text\":\"井盖缺失\",\"requestId\":\"bad-4\"}").with(as("community")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from fieldwork_finding").query(Long.class).single()).isEqualTo(before);
    }
}
