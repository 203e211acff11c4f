package org.yiwang.geo.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.Divisions;
import org.yiwang.geo.GeoActors;
import org.yiwang.geo.GeoJsonFixtures;
import org.yiwang.geo.GeoSpringTest;
import org.yiwang.geo.Grids;
import org.yiwang.geo.TestGridWorkers;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GeoSpringTest
class GridExportApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Grids grids;
    @Autowired
    Divisions divisions;

    byte[] export(String community) throws Exception {
        return mvc.perform(get("/api/geo/grids.geojson").param("community", community)
                        .with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("application/geo+json")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void anExportedCommunityImportsBackUnchanged() throws Exception {
        String community = divisions.children(GeoActors.FUZIMIAO).get(1).code();
        List<String> codes = grids.comprehensiveGridCodes(community);
        for (int i = 0; i < codes.size(); i++) {
            grids.assignWorker(codes.get(i), TestGridWorkers.fullTime(2000 + i));
        }
        byte[] exported = export(community);
        JsonNode json = GeoJsonFixtures.JSON.readTree(exported);
        assertThat(json.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode first = json.get("features").get(0);
        assertThat(first.get("properties").get("kind").asString()).isEqualTo("community");
        assertThat(first.get("properties").get("code").asString()).isEqualTo(community);
        JsonNode grid = json.get("features").get(1);
        assertThat(grid.get("properties").get("community").asString()).isEqualTo(community);
        assertThat(grid.get("properties").get("gridWorkers").values()).extracting(JsonNode::asString).contains("gw.2000");
        assertThat(grid.get("geometry").get("type").asString()).isEqualTo("Polygon");

        mvc.perform(post("/api/geo/grids/import").contentType(MediaType.parseMediaType("application/geo+json")).content(exported)
                        .with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.removed").value(0))
                .andExpect(jsonPath("$.updated").value(json.get("features").size() - 1));
        assertThat(export(community)).isEqualTo(exported);
    }

    @Test
    void theExportHoldsOnlyWhatTheCallerMaySee() throws Exception {
        byte[] exported = mvc.perform(get("/api/geo/grids.geojson").with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode features = GeoJsonFixtures.JSON.readTree(exported).get("features");
        assertThat(features.size()).isGreaterThan(20);
        for (JsonNode feature : features) {
            assertThat(feature.get("properties").get("code").asString()).startsWith(GeoActors.FUZIMIAO);
        }
        JsonNode none = GeoJsonFixtures.JSON.readTree(mvc.perform(get("/api/geo/grids.geojson")
                        .with(authentication(GeoActors.resident())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(none.get("features").size()).isZero();
    }

    @Test
    void aStreetOfTheExportCanBeChosen() throws Exception {
        byte[] exported = mvc.perform(get("/api/geo/grids.geojson").param("street", GeoActors.HONGHUA)
                        .with(authentication(GeoActors.citywideAdmin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode features = GeoJsonFixtures.JSON.readTree(exported).get("features");
        assertThat(features.size()).isGreaterThan(20);
        features.forEach(f -> assertThat(f.get("properties").get("code").asString()).startsWith(GeoActors.HONGHUA));
        mvc.perform(get("/api/geo/grids.geojson").param("street", "3201").with(authentication(GeoActors.citywideAdmin())))
                .andExpect(status().isBadRequest());
    }
}
