package org.yiwang.geo.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GeoActors;
import org.yiwang.geo.GeoSpringTest;
import org.yiwang.geo.Grids;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Someone of 夫子庙街道 (320104002) neither sees nor changes the grids of 红花街道 (320104003). */
@GeoSpringTest
class GridScopeApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Grids grids;

    String fuzimiaoGrid() {
        return grids.comprehensiveGridCodes(GeoActors.FUZIMIAO).getFirst();
    }

    String honghuaGrid() {
        return grids.comprehensiveGridCodes(GeoActors.HONGHUA).getFirst();
    }

    @Test
    void aStreetDispatcherReadsTheirGridsButOtherStreetsGridsDoNotExistForThem() throws Exception {
        mvc.perform(get("/api/geo/grids/{code}", fuzimiaoGrid()).with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(fuzimiaoGrid()))
                .andExpect(jsonPath("$.street.name").value("夫子庙街道"))
                .andExpect(jsonPath("$.geometry.type").value("Polygon"))
                .andExpect(jsonPath("$.households").isNumber());
        mvc.perform(get("/api/geo/grids/{code}", honghuaGrid()).header("Accept-Language", "en")
                        .with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no grid " + honghuaGrid() + " in your area"));
        mvc.perform(get("/api/geo/grids/{code}", "320104003999999").header("Accept-Language", "en")
                        .with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no grid 320104003999999 in your area"));
    }

    @Test
    void theGridListHoldsOnlyTheCallersGrids() throws Exception {
        mvc.perform(get("/api/geo/grids").param("size", "500").with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].code").value(everyItem(startsWith(GeoActors.FUZIMIAO))))
                .andExpect(jsonPath("$.totalElements").value(grids.comprehensiveGridCodes(GeoActors.FUZIMIAO).size()
                        + grids.dedicatedGridCodes(GeoActors.FUZIMIAO).size()));
        mvc.perform(get("/api/geo/grids").param("street", GeoActors.HONGHUA).with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void theGridListFiltersAndPages() throws Exception {
        String community = fuzimiaoGrid().substring(0, 12);
        mvc.perform(get("/api/geo/grids").param("community", community).param("kind", "comprehensive")
                        .param("size", "2").param("page", "1").with(authentication(GeoActors.citywideAdmin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].code").value(grids.comprehensiveGridCodes(community).get(2)))
                .andExpect(jsonPath("$.content[0].kind").value("comprehensive"))
                .andExpect(jsonPath("$.content[0].community.code").value(community))
                .andExpect(jsonPath("$.totalPages").isNumber())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.totalElements").value(grids.comprehensiveGridCodes(community).size()));
        mvc.perform(get("/api/geo/grids").param("kind", "big").header("Accept-Language", "en")
                        .with(authentication(GeoActors.citywideAdmin())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("\"kind\"")));
        mvc.perform(get("/api/geo/grids").param("size", "501").header("Accept-Language", "en")
                        .with(authentication(GeoActors.citywideAdmin())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("\"size\"")));
        mvc.perform(get("/api/geo/grids").param("community", "3201").header("Accept-Language", "en")
                        .with(authentication(GeoActors.citywideAdmin())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("\"community\"")));
    }

    @Test
    void aStreetAdminCannotChangeOrDeleteAnotherStreetsGrids() throws Exception {
        mvc.perform(patch("/api/geo/grids/{code}", honghuaGrid()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"改名\"}").with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isNotFound());
        String honghuaSchool = grids.dedicatedGridCodes(GeoActors.HONGHUA).getFirst();
        mvc.perform(delete("/api/geo/grids/{code}", honghuaSchool)
                        .with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/geo/grids/{code}", honghuaSchool).with(authentication(GeoActors.citywideAdmin())))
                .andExpect(status().isOk());
    }

    @Test
    void onlyAdministratorsChangeGrids() throws Exception {
        mvc.perform(patch("/api/geo/grids/{code}", fuzimiaoGrid()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"改名\"}").with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminChangesTheirGridsFacts() throws Exception {
        String code = grids.comprehensiveGridCodes(GeoActors.FUZIMIAO).get(1);
        mvc.perform(patch("/api/geo/grids/{code}", code).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"夫子庙新网格\", \"households\": 312}")
                        .with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("夫子庙新网格"))
                .andExpect(jsonPath("$.households").value(312));
        mvc.perform(patch("/api/geo/grids/{code}", code).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"households\": -1}").header("Accept-Language", "en")
                        .with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("households")));
        mvc.perform(patch("/api/geo/grids/{code}", code).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"   \"}").with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void dedicatedGridsMayBeDeletedComprehensiveOnesOnlyByReimport() throws Exception {
        mvc.perform(delete("/api/geo/grids/{code}", fuzimiaoGrid())
                        .with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isConflict());
        String school = grids.dedicatedGridCodes(GeoActors.FUZIMIAO).getLast();
        mvc.perform(delete("/api/geo/grids/{code}", school).with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/geo/grids/{code}", school).with(authentication(GeoActors.admin(GeoActors.FUZIMIAO))))
                .andExpect(status().isNotFound());
    }
}
