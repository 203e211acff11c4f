package org.yiwang.fieldwork;

import org.locationtech.jts.geom.Point;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.platform.IdNumbers;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Households made through the registry API, as the community's staff registers them, for the visit tests. */
record VisitFixtures(MockMvc mvc, JsonMapper json, UserDetailsService users, GridLocator locator) {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

    private long created(String who, String path, Object body) throws Exception {
        String text = mvc.perform(post(path).with(user(users.loadUserByUsername(who))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(text).get("id").asLong();
    }

    /** A new household (building, house, household) in the grid, with one woman of those tags; returns the household id. */
    long household(String grid, List<String> tags) throws Exception {
        return household(grid, tags, "community");
    }

    /** The same, registered by {@code who}. */
    long household(String grid, List<String> tags, String who) throws Exception {
        Point p = locator.grid(grid).orElseThrow().geometry().getInteriorPoint();
        int n = SEQUENCE.incrementAndGet();
        String address = "走访测试路" + n + "号";
        long building = created(who, "/api/registry/buildings", Map.of("name", address, "address", address,
                "lon", p.getX(), "lat", p.getY(), "floors", 6));
        long house = created(who, "/api/registry/houses", Map.of("buildingId", building, "room", "1-101",
                "use", "RESIDENTIAL", "occupancy", "OWNER_OCCUPIED", "areaM2", "70"));
        long id = created(who, "/api/registry/households", Map.of("houseId", house));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("houseId", house);
        person.put("householdId", id);
        person.put("name", "走访" + n);
        person.put("gender", "FEMALE");
        person.put("birthDate", "1938-05-01");
        // the sequence digit of a woman's ID number is even
        person.put("idNumber", IdNumbers.withCheckCharacter("32010419380501" + "%03d".formatted(n * 2 % 1000)));
        person.put("residence", "REGISTERED");
        person.put("relation", "HOUSEHOLDER");
        person.put("living", "PRESENT");
        person.put("tags", tags);
        created(who, "/api/registry/people", person);
        return id;
    }
}
