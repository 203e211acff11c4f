package org.yiwang.geo.web;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.GeoActors;
import org.yiwang.geo.GeoSpringTest;
import org.yiwang.geo.Grid;
import org.yiwang.geo.Grids;
import org.yiwang.geo.LonLat;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GeoSpringTest
class LocateApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Grids grids;

    Grid aGridOfFuzimiao() {
        return grids.find(grids.comprehensiveGridCodes(GeoActors.FUZIMIAO).get(3)).orElseThrow();
    }

    @Test
    void aWgs84PointResolvesToItsGridCommunityStreetAndDistrict() throws Exception {
        Grid grid = aGridOfFuzimiao();
        Point p = grid.geometry().getInteriorPoint();
        mvc.perform(get("/api/geo/locate").param("lat", String.valueOf(p.getY())).param("lon", String.valueOf(p.getX()))
                        .with(authentication(GeoActors.resident())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.point.lon").value(p.getX()))
                .andExpect(jsonPath("$.point.lat").value(p.getY()))
                .andExpect(jsonPath("$.point.crs").value("wgs84"))
                .andExpect(jsonPath("$.input").doesNotExist())
                .andExpect(jsonPath("$.grids[0].code").value(grid.code()))
                .andExpect(jsonPath("$.grids[0].kind").value("comprehensive"))
                .andExpect(jsonPath("$.grids[0].name").value(grid.name()))
                .andExpect(jsonPath("$.community.code").value(grid.community().code()))
                .andExpect(jsonPath("$.community.name").value(grid.community().name()))
                .andExpect(jsonPath("$.street.code").value("320104002"))
                .andExpect(jsonPath("$.street.name").value("夫子庙街道"))
                .andExpect(jsonPath("$.district.code").value("320104"))
                .andExpect(jsonPath("$.district.name").value("秦淮区"));
    }

    @Test
    void gcj02AndBd09PointsAreConvertedToWgs84First() throws Exception {
        Grid grid = aGridOfFuzimiao();
        Point p = grid.geometry().getInteriorPoint();
        LonLat wgs = new LonLat(p.getX(), p.getY());
        for (CoordinateSystem system : new CoordinateSystem[]{CoordinateSystem.GCJ02, CoordinateSystem.BD09}) {
            LonLat given = system.fromWgs84(wgs);
            mvc.perform(get("/api/geo/locate").param("lat", String.valueOf(given.lat())).param("lon", String.valueOf(given.lon()))
                            .param("crs", system.id()).with(authentication(GeoActors.dispatcher("320104"))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.point.lon").value(closeTo(wgs.lon(), 1e-6)))
                    .andExpect(jsonPath("$.point.lat").value(closeTo(wgs.lat(), 1e-6)))
                    .andExpect(jsonPath("$.input.crs").value(system.id()))
                    .andExpect(jsonPath("$.grids[0].code").value(grid.code()));
        }
    }

    @Test
    void aPointInADedicatedGridListsBothGrids() throws Exception {
        Grid school = grids.find(grids.dedicatedGridCodes("320104").getFirst()).orElseThrow();
        Point p = school.geometry().getInteriorPoint();
        mvc.perform(get("/api/geo/locate").param("lat", String.valueOf(p.getY())).param("lon", String.valueOf(p.getX()))
                        .with(authentication(GeoActors.resident())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grids.length()").value(2))
                .andExpect(jsonPath("$.grids[0].kind").value("comprehensive"))
                .andExpect(jsonPath("$.grids[1].code").value(school.code()))
                .andExpect(jsonPath("$.grids[1].dedicatedType").value(school.dedicatedType().name()));
    }

    @Test
    void aPointOutsideEveryGridIsNotFoundInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/geo/locate").param("lat", "39.915").param("lon", "116.404")
                        .header("Accept-Language", "en").with(authentication(GeoActors.resident())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The point 116.404000, 39.915000 (WGS-84) lies outside every grid"))
                .andExpect(jsonPath("$.code").value("geo.locate.outside"));
        mvc.perform(get("/api/geo/locate").param("lat", "39.915").param("lon", "116.404")
                        .header("Accept-Language", "zh-CN").with(authentication(GeoActors.resident())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("不在任何网格内")));
    }

    @Test
    void badParametersAreBadRequestsNamingTheField() throws Exception {
        expectBadRequest("abc", "118.79", null, "\"lat\"");
        expectBadRequest("95", "118.79", null, "\"lat\"");
        expectBadRequest("NaN", "118.79", null, "\"lat\"");
        expectBadRequest("32.02", "181", null, "\"lon\"");
        expectBadRequest("32.02", "east", null, "\"lon\"");
        expectBadRequest(null, "118.79", null, "\"lat\"");
        expectBadRequest("32.02", null, null, "\"lon\"");
        expectBadRequest("32.02", "118.79", "utm50", "\"crs\"");
    }

    @Test
    void onlySignedInUsersMayLocate() throws Exception {
        mvc.perform(get("/api/geo/locate").param("lat", "32.02").param("lon", "118.79"))
                .andExpect(status().is4xxClientError());
    }

    private void expectBadRequest(String lat, String lon, String crs, String field) throws Exception {
        var request = get("/api/geo/locate").header("Accept-Language", "en").with(authentication(GeoActors.resident()));
        if (lat != null) {
            request.param("lat", lat);
        }
        if (lon != null) {
            request.param("lon", lon);
        }
        if (crs != null) {
            request.param("crs", crs);
        }
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(field)));
    }
}
