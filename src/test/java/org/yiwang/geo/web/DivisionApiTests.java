package org.yiwang.geo.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GeoActors;
import org.yiwang.geo.GeoSpringTest;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GeoSpringTest
class DivisionApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aStreetUserSeesTheNamesAboveTheirStreetAndNothingBesideIt() throws Exception {
        mvc.perform(get("/api/geo/divisions").with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value("320000"))
                .andExpect(jsonPath("$[0].children.length()").value(1))
                .andExpect(jsonPath("$[0].children[0].code").value("320100"))
                .andExpect(jsonPath("$[0].children[0].children.length()").value(1))
                .andExpect(jsonPath("$[0].children[0].children[0].name").value("秦淮区"))
                .andExpect(jsonPath("$[0].children[0].children[0].children.length()").value(1))
                .andExpect(jsonPath("$[0].children[0].children[0].children[0].name").value("夫子庙街道"))
                .andExpect(jsonPath("$[0].children[0].children[0].children[0].children.length()").value(greaterThanOrEqualTo(4)))
                .andExpect(jsonPath("$[0].children[0].children[0].children[0].children[0].level").value("community"));
    }

    @Test
    void childrenOfADivisionAreListedWhenVisible() throws Exception {
        mvc.perform(get("/api/geo/divisions").param("parent", "320104").with(authentication(GeoActors.dispatcher("320104"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(everyItem(startsWith("320104"))))
                .andExpect(jsonPath("$[*].name").value(hasItem("红花街道")))
                .andExpect(jsonPath("$[0].children").doesNotExist());
        mvc.perform(get("/api/geo/divisions").param("parent", "320104").with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/geo/divisions").param("parent", GeoActors.HONGHUA).with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/geo/divisions").param("parent", "32x").with(authentication(GeoActors.dispatcher(GeoActors.FUZIMIAO))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aCitywideUserSeesEveryDistrict() throws Exception {
        mvc.perform(get("/api/geo/divisions").param("parent", "320100").with(authentication(GeoActors.citywideAdmin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(11));
    }
}
