package org.yiwang.geo.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GeoActors;
import org.yiwang.geo.GeoSpringTest;
import org.yiwang.geo.Grids;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yiwang.geo.GeoJsonFixtures.box;
import static org.yiwang.geo.GeoJsonFixtures.bytes;
import static org.yiwang.geo.GeoJsonFixtures.collection;
import static org.yiwang.geo.GeoJsonFixtures.community;
import static org.yiwang.geo.GeoJsonFixtures.comprehensive;
import static org.yiwang.geo.GeoJsonFixtures.dedicated;

/**
 * Imports into 玄武区 (320102), away from the demo territory; each test uses its own street of it.
 */
@GeoSpringTest
class GridImportApiTests {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Grids grids;

    /** A community of the street (e.g. 320102003) tiled by a west, a middle and an east grid, plus a school. */
    static ObjectNode community3(String street, double west) {
        String c = street + "001";
        return collection(
                community(c, "测试社区", box(west, 32.05, west + 0.03, 32.06)),
                comprehensive(c + "001", c, box(west, 32.05, west + 0.01, 32.06), "wang.fang", "li.lei"),
                comprehensive(c + "002", c, box(west + 0.01, 32.05, west + 0.02, 32.06), "zhao.min"),
                comprehensive(c + "003", c, box(west + 0.02, 32.05, west + 0.03, 32.06), "gw.7"),
                dedicated(c + "901", c, "SCHOOL", box(west + 0.005, 32.052, west + 0.015, 32.058)));
    }

    String state() {
        return jdbc.sql("""
                SELECT (SELECT revision FROM geo_revision) || '|' ||
                       (SELECT count(*) FROM geo_grid) || '|' || (SELECT count(*) FROM geo_grid_worker) || '|' ||
                       (SELECT count(*) FROM geo_division) || '|' ||
                       (SELECT coalesce(md5(string_agg(code || name || households || md5(geometry), ',' ORDER BY code)), '') FROM geo_grid)
                """).query(String.class).single();
    }

    @Test
    void anAdminImportsANewCommunityWhoseGridsThenLocate() throws Exception {
        mvc.perform(post("/api/geo/grids/import").contentType(GEO_JSON).content(bytes(community3("320102003", 118.80)))
                        .with(authentication(GeoActors.admin("320102"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.dryRun").value(false))
                .andExpect(jsonPath("$.features").value(5))
                .andExpect(jsonPath("$.communities[0]").value("320102003001"))
                .andExpect(jsonPath("$.created").value(4))
                .andExpect(jsonPath("$.removed").value(0))
                .andExpect(jsonPath("$.problems.length()").value(0));
        assertThat(grids.workers("320102003001001")).extracting(w -> w.username()).containsExactly("wang.fang", "li.lei");
        mvc.perform(get("/api/geo/locate").param("lat", "32.055").param("lon", "118.825")
                        .with(authentication(GeoActors.resident())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grids[0].code").value("320102003001003"))
                .andExpect(jsonPath("$.street.name").value("新街口街道"))
                .andExpect(jsonPath("$.district.name").value("玄武区"));
    }

    @Test
    void reimportingACommunityRemovesTheGridsTheFileNoLongerHas() throws Exception {
        mvc.perform(post("/api/geo/grids/import").contentType(GEO_JSON).content(bytes(community3("320102007", 118.70)))
                        .with(authentication(GeoActors.citywideAdmin())).with(csrf()))
                .andExpect(status().isOk());
        String c = "320102007001";
        ObjectNode twoGrids = collection(
                community(c, "改名社区", box(118.70, 32.05, 118.73, 32.06)),
                comprehensive(c + "001", c, box(118.70, 32.05, 118.715, 32.06), "wang.fang"),
                comprehensive(c + "002", c, box(118.715, 32.05, 118.73, 32.06), "zhao.min"));
        mvc.perform(post("/api/geo/grids/import").contentType(MediaType.APPLICATION_JSON).content(bytes(twoGrids))
                        .with(authentication(GeoActors.citywideAdmin())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(2))
                .andExpect(jsonPath("$.removed").value(2));
        assertThat(grids.find(c + "003")).isEmpty();
        assertThat(grids.find(c + "901")).isEmpty();
        assertThat(grids.find(c + "002").orElseThrow().community().name()).isEqualTo("改名社区");
        assertThat(grids.workers(c + "001")).extracting(w -> w.username()).containsExactly("wang.fang");
    }

    @Test
    void aRejectedImportReportsEveryProblemAndChangesNothing() throws Exception {
        mvc.perform(post("/api/geo/grids/import").contentType(GEO_JSON).content(bytes(community3("320102005", 118.60)))
                        .with(authentication(GeoActors.admin("320102"))).with(csrf()))
                .andExpect(status().isOk());
        String before = state();
        String c = "320102005001";
        ObjectNode broken = collection(
                community(c, "测试社区", box(118.60, 32.05, 118.63, 32.06)),
                comprehensive(c + "001", c, box(118.60, 32.05, 118.611, 32.06), "wang.fang"),
                comprehensive(c + "002", c, box(118.61, 32.05, 118.62, 32.06), "li.lei"),
                comprehensive(c + "004", "320102005009", box(118.62, 32.05, 118.63, 32.06), "nobody"));
        mvc.perform(post("/api/geo/grids/import").contentType(GEO_JSON).content(bytes(broken))
                        .header("Accept-Language", "en").with(authentication(GeoActors.admin("320102"))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("geo.import.rejected"))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was changed")))
                .andExpect(jsonPath("$.problems[*].key").value(hasItem("geo.import.overlap")))
                .andExpect(jsonPath("$.problems[*].key").value(hasItem("geo.import.noFullTimeWorker")))
                .andExpect(jsonPath("$.problems[*].key").value(hasItem("geo.import.codeNotUnderCommunity")))
                .andExpect(jsonPath("$.problems[*].key").value(hasItem("geo.import.unknownCommunity")))
                .andExpect(jsonPath("$.problems[*].key").value(hasItem("geo.import.unknownWorker")))
                .andExpect(jsonPath("$.problems[?(@.key == 'geo.import.overlap')].feature").value(hasItem(2)))
                .andExpect(jsonPath("$.problems[?(@.key == 'geo.import.overlap')].reason").value(hasItem(containsString("m²"))))
                .andExpect(jsonPath("$.problems[?(@.key == 'geo.import.overlap')].severity").value(hasItem("ERROR")))
                .andExpect(jsonPath("$.report.accepted").value(false));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void problemsAreExplainedInChinese() throws Exception {
        String c = "320102005001";
        ObjectNode gap = collection(community(c, "测试社区", box(118.60, 32.05, 118.63, 32.06)),
                comprehensive(c + "001", c, box(118.60, 32.05, 118.62, 32.06), "wang.fang"));
        mvc.perform(post("/api/geo/grids/import").contentType(GEO_JSON).content(bytes(gap)).param("dryRun", "true")
                        .header("Accept-Language", "zh-CN").with(authentication(GeoActors.admin("320102"))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("导入被拒绝")))
                .andExpect(jsonPath("$.problems[0].reason").value(containsString("未被任何综合网格覆盖")))
                .andExpect(jsonPath("$.problems[0].at.lon").exists());
    }

    @Test
    void aDryRunValidatesAndChangesNothing() throws Exception {
        String before = state();
        mvc.perform(post("/api/geo/grids/import").param("dryRun", "true").contentType(GEO_JSON)
                        .content(bytes(community3("320102008", 118.50)))
                        .with(authentication(GeoActors.admin("320102008"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.created").value(4));
        assertThat(state()).isEqualTo(before);
        assertThat(grids.find("320102008001001")).isEmpty();
    }

    @Test
    void aFileCanBeUploadedAsMultipart() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "grids.geojson", "application/geo+json",
                bytes(community3("320102009", 118.40)));
        mvc.perform(multipart("/api/geo/grids/import").file(file).with(authentication(GeoActors.admin("320102"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(4));
        assertThat(grids.find("320102009001002")).isPresent();
    }

    @Test
    void malformedJsonIsAnUnprocessableFileNotACrash() throws Exception {
        mvc.perform(post("/api/geo/grids/import").contentType(GEO_JSON).content("{\"type\": \"FeatureCollection\", ")
                        .with(authentication(GeoActors.admin("320102"))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].key").value("geo.import.malformedJson"))
                .andExpect(jsonPath("$.problems[0].feature").doesNotExist());
    }

    @Test
    void anUnknownCoordinateSystemIsABadRequestNamingCrs() throws Exception {
        mvc.perform(post("/api/geo/grids/import").param("crs", "epsg3857").contentType(GEO_JSON)
                        .content(bytes(community3("320102010", 118.30))).header("Accept-Language", "en")
                        .with(authentication(GeoActors.admin("320102"))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("\"crs\"")));
    }

    @Test
    void onlyAdministratorsMayImport() throws Exception {
        String before = state();
        mvc.perform(post("/api/geo/grids/import").contentType(GEO_JSON).content(bytes(community3("320102010", 118.30)))
                        .with(authentication(GeoActors.dispatcher("320102"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/geo/grids/import").contentType(GEO_JSON).content(bytes(community3("320102010", 118.30)))
                        .with(csrf()))
                .andExpect(status().is4xxClientError());
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anAdminMayOnlyImportCommunitiesInsideTheirScope() throws Exception {
        String before = state();
        mvc.perform(post("/api/geo/grids/import").contentType(GEO_JSON).content(bytes(community3("320102010", 118.30)))
                        .with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems.length()").value(5))
                .andExpect(jsonPath("$.problems[*].key").value(everyItem(equalTo("geo.import.outsideScope"))))
                .andExpect(jsonPath("$.report.created").value(0)); // says nothing about grids outside the scope
        assertThat(state()).isEqualTo(before);
    }
}
