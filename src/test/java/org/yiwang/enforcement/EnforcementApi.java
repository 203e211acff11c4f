package org.yiwang.enforcement;

import org.locationtech.jts.geom.Point;
import org.springframework.http.MediaType;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The enforcement API as the demo users call it, and the demo territory's orders and departments (秦淮区). */
record EnforcementApi(MockMvc mvc, JsonMapper json, UserDetailsService users, Grids grids, GridLocator locator, Organization organization) {

    static final String DISTRICT = "320104";
    static final String FUZIMIAO = "320104002";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    JsonNode post(String user, String path, Map<String, ?> body, int expected) throws Exception {
        return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), expected);
    }

    JsonNode get(String user, String path, int expected) throws Exception {
        return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(as(user)), expected);
    }

    String grid(String street) {
        return grids.comprehensiveGridCodes(street).getFirst();
    }

    /** A resident's report at a point inside a comprehensive grid of the street; returns the order's id and number. */
    JsonNode orderIn(String streetCode, String description) throws Exception {
        IndexedGrid grid = locator.grid(grid(streetCode)).orElseThrow();
        Point p = grid.geometry().getInteriorPoint();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lat", p.getY());
        body.put("lon", p.getX());
        body.put("description", description);
        body.put("address", "贡院街 18 号");
        return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/work-orders").with(as("resident"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), 201);
    }

    long department(DepartmentType type) {
        return organization.department(DISTRICT, type).map(OrgUnit::id).orElseThrow();
    }

    /** A case opened directly by the district's law-enforcement officer in the street's first grid. */
    JsonNode directCase(String street, String scenario) throws Exception {
        return post("handler-enforcement", "/api/enforcement/cases", Map.of("source", "DIRECT", "gridCode", grid(street),
                "scenario", scenario, "title", "沿街商铺出店经营", "address", "中华路 100 号", "requestKey", UUID.randomUUID().toString()), 201);
    }

    String photo(String user) throws Exception {
        return call(multipart("/api/photos").file(new MockMultipartFile("file", "a.jpg", "image/jpeg", JPEG)).with(as(user)), 201)
                .get("id").asString();
    }

    static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(n -> n.get(field).asString()).toList();
    }


}
