package org.yiwang.cogov;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 党建联盟: units and projects by the street's staff, progress forward only, the public display for residents. */
@SpringBootTest
@AutoConfigureMockMvc
class AllianceApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    ResultActions postJson(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "en"));
    }

    @Test
    void aUnitsProjectMovesForwardToDoneAndResidentsSeeIt() throws Exception {
        String street = DemoOrders.of(context).grid().street().code().substring(0, 9);
        String unit = postJson("dispatcher", "/api/cogov/alliance/units", """
                {"streetCode":"%s","name":"测试单位 %s","kind":"企业"}""".formatted(street, UUID.randomUUID()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Number unitId = JsonPath.read(unit, "$.id");
        String project = postJson("community", "/api/cogov/alliance/projects", """
                {"unitId":%s,"title":"楼道扶手安装","description":"为老楼加装扶手","due":"2099-06-30"}""".formatted(unitId))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.progress").value(0)).andReturn().getResponse().getContentAsString();
        Number id = JsonPath.read(project, "$.id");
        postJson("community", "/api/cogov/alliance/projects/" + id + "/progress", "{\"progress\":40,\"note\":\"已装 4 栋\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.progress").value(40));
        postJson("community", "/api/cogov/alliance/projects/" + id + "/progress", "{\"progress\":30,\"note\":\"倒退\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("progress")));
        postJson("community", "/api/cogov/alliance/projects/" + id + "/progress", "{\"progress\":101,\"note\":\"过头\"}")
                .andExpect(status().isBadRequest());
        postJson("community", "/api/cogov/alliance/projects/" + id + "/progress", "{\"progress\":100}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("note")));
        postJson("community", "/api/cogov/alliance/projects/" + id + "/progress", "{\"progress\":100,\"note\":\"全部完成\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(true));
        mvc.perform(get("/api/cogov/alliance/projects/{id}/updates", id).with(as("resident")))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/m/projects").with(as("resident")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("楼道扶手安装")));
        postJson("dispatcher-honghua", "/api/cogov/alliance/projects/" + id + "/progress", "{\"progress\":100,\"note\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("projectId")));
        postJson("resident", "/api/cogov/alliance/units", "{\"streetCode\":\"%s\",\"name\":\"x\",\"kind\":\"y\"}".formatted(street))
                .andExpect(status().isForbidden());
        postJson("dispatcher-honghua", "/api/cogov/alliance/units", "{\"streetCode\":\"%s\",\"name\":\"x\",\"kind\":\"y\"}".formatted(street))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("streetCode")));
        assertThat(jdbc.sql("select count(*) from cogov_project_update where project_id = :p").param("p", id.longValue()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void theDemoAllianceIsShownToStaffAndResidents() throws Exception {
        mvc.perform(get("/cogov/alliance").with(as("community")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("街道机关党委")));
        mvc.perform(get("/m/projects").with(as("resident")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("老旧小区楼道照明改造")))
                .andExpect(content().string(containsString("60%")));
        mvc.perform(get("/cogov/alliance").with(as("resident"))).andExpect(status().isForbidden());
    }

    @Test
    void theProjectsAreShownWithoutSignInAndWithoutAnyonesName() throws Exception {
        String reporter = jdbc.sql("SELECT by_name FROM cogov_project_update ORDER BY id LIMIT 1").query(String.class).single();
        String note = jdbc.sql("SELECT note FROM cogov_project_update WHERE note <> '' ORDER BY id LIMIT 1").query(String.class).single();
        mvc.perform(get("/public/projects"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("老旧小区楼道照明改造")))
                .andExpect(content().string(containsString("60%")))
                .andExpect(content().string(not(containsString(reporter))))
                .andExpect(content().string(not(containsString(note))))
                .andExpect(content().string(not(containsString("退出登录"))));
        mvc.perform(get("/m/projects")).andExpect(status().is3xxRedirection());
    }
}
