package org.yiwang.geo.web.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.geo.GridExports;
import org.yiwang.geo.Grids;
import org.yiwang.people.People;
import org.yiwang.platform.DataScope;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class GridAdminScreensTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridExports exports;
    @Autowired People people;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theAdministratorListsTheGridsOfAStreet() throws Exception {
        mvc.perform(get("/admin/grids").param("street", "320104002").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("网格管理")))
                .andExpect(content().string(containsString("320104002")))
                .andExpect(content().string(containsString("leaflet.js")));
        mvc.perform(get("/admin/grids").with(as("dispatcher"))).andExpect(status().isForbidden());
    }

    @Test
    void aBrokenFileIsRejectedWithEachProblemByFeature() throws Exception {
        String file = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "320104002001999", "name": "坏网格", "kind": "comprehensive",
                   "community": "320104002001", "households": 10, "population": 20},
                   "geometry": {"type": "Polygon", "coordinates": [[[118.79, 32.02], [118.80, 32.02], [118.80, 32.03]]]}},
                  {"type": "Feature", "properties": {"code": "12", "kind": "grid"}, "geometry": null}
                ]}""";
        mvc.perform(multipart("/admin/grids/import/check").file(new MockMultipartFile("file", "bad.geojson", "application/geo+json",
                        file.getBytes(StandardCharsets.UTF_8))).with(as("admin")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("导入被拒绝")))
                .andExpect(content().string(containsString("320104002001999")))
                .andExpect(content().string(containsString("只有 3 个坐标点")))
                .andExpect(content().string(containsString("id=\"problems\"")));
    }

    @Test
    void aCheckedFileIsImportedOnlyAfterTheDryRun() throws Exception {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        String community = grids.gridsOf(gridWorker).getFirst().communityCode();
        byte[] file = exports.geoJson(DataScope.everything(), community);
        MvcResult checked = mvc.perform(multipart("/admin/grids/import/check")
                        .file(new MockMultipartFile("file", "community.geojson", "application/geo+json", file))
                        .param("crs", "wgs84").with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("校验通过")))
                .andExpect(content().string(containsString("grid-preview")))
                .andReturn();
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(checked.getResponse().getContentAsString());
        assertThat(token.find()).isTrue();
        mvc.perform(post("/admin/grids/import/apply").param("token", token.group(1)).param("crs", "wgs84").with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已导入")));
        mvc.perform(post("/admin/grids/import/apply").param("token", token.group(1)).param("crs", "wgs84").with(as("admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请重新选择文件并校验")));
    }
}
