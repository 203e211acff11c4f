package org.yiwang.geo.web.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.people.PeopleIntegrationTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@PeopleIntegrationTest
class GridPreviewEscapingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void aFeatureNameCannotEndThePreviewScriptAndRunItsOwn() throws Exception {
        String file = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "320104002001998", "name": "</script><script>alert(1)</script>",
                   "kind": "comprehensive", "community": "320104002001", "households": 10, "population": 20},
                   "geometry": {"type": "Polygon", "coordinates": [[[118.79, 32.02], [118.80, 32.02], [118.80, 32.03], [118.79, 32.02]]]}}
                ]}""";
        String page = mvc.perform(multipart("/admin/grids/import/check")
                        .file(new MockMultipartFile("file", "xss.geojson", "application/geo+json", file.getBytes(StandardCharsets.UTF_8)))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"grid-preview\"")
                .contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e")
                .doesNotContain("<script>alert(1)");
        // the map's script is a file of this server, not inline (the Content-Security-Policy allows no inline scripts)
        assertThat(page).contains("/js/staff/grids.js").doesNotContain("<script>\n");
    }
}
