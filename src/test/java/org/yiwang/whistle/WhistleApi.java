package org.yiwang.whistle;

import org.locationtech.jts.geom.Point;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The whistle API as the demo users call it, and the demo territory's orders and departments (秦淮区). */
record WhistleApi(MockMvc mvc, JsonMapper json, UserDetailsService users, Grids grids, GridLocator locator,
                  Organization organization, JdbcClient jdbc) {

    static final String DISTRICT = "320104";
    static final String FUZIMIAO = "320104002";
    static final String HONGHUA = "320104003";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    JsonNode postJson(String user, String path, Map<String, ?> body, int expected) throws Exception {
        return call(post(path).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), expected);
    }

    JsonNode getJson(String user, String path, int expected) throws Exception {
        return call(get(path).with(as(user)), expected);
    }

    /** A resident's report at a point inside a comprehensive grid of the street; returns the order id. */
    long orderIn(String streetCode) throws Exception {
        IndexedGrid grid = locator.grid(grids.comprehensiveGridCodes(streetCode).getFirst()).orElseThrow();
        Point p = grid.geometry().getInteriorPoint();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lat", p.getY());
        body.put("lon", p.getX());
        body.put("description", "秦淮河沿岸占道经营反复回潮，夜间噪音扰民");
        body.put("address", "贡院街");
        JsonNode created = call(post("/api/work-orders").with(as("resident"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), 201);
        assertThat(created.get("grid").get("streetCode").asString()).isEqualTo(streetCode);
        return created.get("id").asLong();
    }

    /** The enabled department of 秦淮区 of that type. */
    long department(DepartmentType type) {
        return organization.department(DISTRICT, type).map(OrgUnit::id).orElseThrow();
    }

    JsonNode blow(String user, long orderId, String kind, List<Long> departments, int expected) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("reason", "多部门职责交叉，需联合整治");
        body.put("departmentIds", departments);
        return postJson(user, "/api/work-orders/" + orderId + "/whistles", body, expected);
    }

    String photo(String user) throws Exception {
        return call(multipart("/api/photos").file(new MockMultipartFile("file", "a.jpg", "image/jpeg", JPEG)).with(as(user)), 201)
                .get("id").asString();
    }

    /** Waits (the notices go out after commit) until the user has one notice of this template about the whistle. */
    void awaitNotice(String username, String templateKey, long whistleId) {
        awaitNotices(username, templateKey, whistleId, 1);
    }

    void awaitNotices(String username, String templateKey, long whistleId, long expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notices(username, templateKey, whistleId)).isEqualTo(expected));
    }

    long notices(String username, String templateKey, long whistleId) {
        return jdbc.sql("""
                        SELECT count(*) FROM notify_inbox i JOIN people_user u ON u.id = i.user_id
                         WHERE u.username = :user AND i.template_key = :key AND i.link = :link""")
                .param("user", username).param("key", templateKey).param("link", "/whistles/" + whistleId)
                .query(Long.class).single();
    }

    static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(n -> n.get(field).asString()).toList();
    }

    static JsonNode departmentOf(JsonNode whistle, long departmentId) {
        return whistle.get("departments").valueStream().filter(d -> d.get("departmentId").asLong() == departmentId)
                .findFirst().orElseThrow();
    }
}
