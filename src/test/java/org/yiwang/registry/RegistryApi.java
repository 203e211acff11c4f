package org.yiwang.registry;

import org.locationtech.jts.geom.Point;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.platform.IdNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registry API as the demo users of 秦淮区 call it. */
record RegistryApi(MockMvc mvc, JsonMapper json, UserDetailsService users, Grids grids, GridLocator locator) {

    static final String FUZIMIAO = "320104002";
    static final String HONGHUA = "320104003";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    JsonNode send(String user, AbstractMockHttpServletRequestBuilder<?> request, Object body, int expected) throws Exception {
        return call(request.with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), expected);
    }

    JsonNode post(String user, String path, Object body, int expected) throws Exception {
        return send(user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path), body, expected);
    }

    JsonNode get(String user, String path, int expected) throws Exception {
        return call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(as(user)), expected);
    }

    /** An inside point of the first comprehensive grid of the division whose code starts so. */
    Point pointIn(String divisionPrefix) {
        return locator.grid(grids.comprehensiveGridCodes(divisionPrefix).getFirst()).orElseThrow().geometry().getInteriorPoint();
    }

    String firstGrid(String divisionPrefix) {
        return grids.comprehensiveGridCodes(divisionPrefix).getFirst();
    }

    /** A fresh valid ID number born on that date (yyyyMMdd), female when the sequence digit is even. */
    static String idNumber(String yyyymmdd, boolean male) {
        int seq = SEQUENCE.incrementAndGet() % 500 * 2 + (male ? 1 : 0);
        return IdNumbers.withCheckCharacter("320104" + yyyymmdd + "%03d".formatted(seq % 1000));
    }

    long building(String user, String divisionPrefix, String address) throws Exception {
        Point p = pointIn(divisionPrefix);
        return post(user, "/api/registry/buildings", Map.of("name", address, "address", address, "lon", p.getX(), "lat", p.getY(),
                "floors", 6), 201).get("id").asLong();
    }

    long house(String user, long building, String room) throws Exception {
        return post(user, "/api/registry/houses", Map.of("buildingId", building, "room", room, "use", "RESIDENTIAL",
                "occupancy", "OWNER_OCCUPIED", "areaM2", "86.5"), 201).get("id").asLong();
    }

    Map<String, Object> person(long house, String name, String idNumber, String phone, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("houseId", house);
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        body.put("residence", "REGISTERED");
        body.put("relation", "HOUSEHOLDER");
        body.put("living", "PRESENT");
        body.put("tags", tags);
        return body;
    }

    /** A person in a new building and house of the division; returns the person id. */
    long personIn(String user, String divisionPrefix, String name, String idNumber, String phone, List<String> tags) throws Exception {
        long building = building(user, divisionPrefix, "测试路" + SEQUENCE.incrementAndGet() + "号");
        long house = house(user, building, "1-101");
        return post(user, "/api/registry/people", person(house, name, idNumber, phone, tags), 201).get("id").asLong();
    }
}
