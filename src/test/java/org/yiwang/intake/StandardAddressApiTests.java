package org.yiwang.intake;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.geo.IndexedGrid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChannelSpringTest
class StandardAddressApiTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;

    IntakeFixtures fixtures;
    IndexedGrid grid;

    @BeforeEach
    void demoTerritory() {
        fixtures = new IntakeFixtures(context);
        grid = fixtures.dispatchersGrid();
    }

    JsonNode call(MockHttpServletRequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    @Test
    void anAdministratorKeepsStandardAddressesThatStaffLocateAndSearch() throws Exception {
        Point p = grid.geometry().getInteriorPoint();
        JsonNode saved = call(put("/api/intake/addresses/SA-API-1").with(fixtures.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("address", "标准地址测试路 8 号", "lon", p.getX(), "lat", p.getY()))), 200);
        assertThat(saved.get("code").asString()).isEqualTo("SA-API-1");
        assertThat(saved.get("gridCode").asString()).isEqualTo(grid.code());
        assertThat(saved.get("updatedAt").asString()).endsWith("+08:00");
        assertThat(saved.has("exact")).as("only the answer to locate says how it matched").isFalse();

        JsonNode located = call(get("/api/intake/addresses/locate").param("address", "标准地址测试路8号2单元").with(fixtures.as("dispatcher")), 200);
        assertThat(located.get("code").asString()).isEqualTo("SA-API-1");
        assertThat(located.get("exact").asBoolean()).isFalse();

        JsonNode page = call(get("/api/intake/addresses").param("q", "标准地址测试路").with(fixtures.as("dispatcher")), 200);
        assertThat(page.get("content").findValuesAsString("code")).containsExactly("SA-API-1");
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);

        String csv = "地址编码,标准地址,经度,纬度\nSA-API-2,标准地址测试路 9 号," + p.getX() + "," + p.getY() + "\nSA-API-3,北极,0,89\n";
        JsonNode imported = call(post("/api/intake/addresses/import").with(fixtures.as("admin")).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(imported.get("policy").asString()).isEqualTo("PER_ROW");
        assertThat(imported.get("rows").asLong()).isEqualTo(2);
        assertThat(imported.get("saved").asLong()).isEqualTo(1);
        assertThat(imported.get("rejected").asLong()).isEqualTo(1);
        assertThat(imported.get("problems").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(imported.get("problems").get(0).get("message").asString()).isNotBlank();

        call(delete("/api/intake/addresses/SA-API-2").with(fixtures.as("admin")), 204);
        call(get("/api/intake/addresses/SA-API-2").with(fixtures.as("dispatcher")), 404);
        call(get("/api/intake/addresses/SA-API-1").with(fixtures.as("dispatcher")), 200);
    }
}
