package org.yiwang.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yiwang.registry.RegistryApi.FUZIMIAO;
import static org.yiwang.registry.RegistryApi.idNumber;

/** 基础信息 screens: masked by default, 显示 with a reason, forms that name the field, the import report. */
@RegistrySpringTest
class RegistryScreenTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;

    RegistryApi api;

    @BeforeEach
    void demoUsersOfQinhuai() {
        api = new RegistryApi(mvc, json, users, grids, locator);
    }

    String page(String user, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        return mvc.perform(request.with(api.as(user)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(status))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommunitySearchesSeesMaskedNumbersAndShowsThemWithAReason() throws Exception {
        String community = api.firstGrid(FUZIMIAO).substring(0, 12);
        String id = idNumber("19390315", false);
        long person = api.personIn("community", community, "屏幕测试人", id, "13912342001", List.of("LIVING_ALONE_ELDERLY"));

        String list = page("community", get("/registry").param("name", "屏幕测试"), 200);
        assertThat(list).contains("屏幕测试人", "139****2001", "独居老人", "基础信息").doesNotContain(id).doesNotContain("13912342001");

        String refused = page("community", post("/registry/people/" + person + "/reveal").param("reason", ""), 400);
        assertThat(refused).contains("原因").doesNotContain("13912342001");
        String shown = page("community", post("/registry/people/" + person + "/reveal").param("reason", "独居老人电话回访"), 200);
        assertThat(shown).contains(id, "13912342001", "本次查看已记录");
    }

    @Test
    void theFormNamesTheBadFieldAndKeepsWhatWasTyped() throws Exception {
        long building = api.building("dispatcher", FUZIMIAO, "表单路" + System.nanoTime());
        long house = api.house("dispatcher", building, "1-1");
        String again = page("dispatcher", post("/registry/people/new").param("houseId", String.valueOf(house)).param("name", "表单人")
                .param("idNumber", "123").param("residence", "REGISTERED"), 400);
        assertThat(again).contains("idNumber", "表单人");
        String created = mvc.perform(post("/registry/people/new").with(api.as("dispatcher")).with(csrf())
                        .param("houseId", String.valueOf(house)).param("name", "表单人").param("idNumber", idNumber("19850505", true))
                        .param("residence", "REGISTERED").param("tags", "VETERAN"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(created).startsWith("/registry/people/");
        // editing without retyping the numbers keeps them
        page("dispatcher", post(created + "/edit").param("houseId", String.valueOf(house)).param("name", "表单人改")
                .param("residence", "REGISTERED").param("relation", "HOUSEHOLDER").param("living", "AWAY"), 302);
        String detail = page("dispatcher", get(created), 200);
        assertThat(detail).contains("表单人改", "外出", "320104********");
    }

    @Test
    void otherRolesHaveNoRegisterScreens() throws Exception {
        page("handler", get("/registry"), 403);
        page("leader", get("/registry/buildings"), 403);
    }

    @Test
    void theImportPageReportsEachBadLine() throws Exception {
        String address = "导入页路" + System.nanoTime();
        api.building("dispatcher", FUZIMIAO, address);
        String csv = "楼栋地址,房屋,姓名,身份证号,人口类型\n" + address + ",1,好人," + idNumber("19600101", true) + ",户籍\n"
                + address + ",1,坏人,999,户籍\n";
        String report = page("dispatcher", multipart("/registry/import").file(new MockMultipartFile("file", "p.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).param("policy", "PER_ROW"), 422);
        assertThat(report).contains("共读取 2 行，导入 1 行，问题 1 个", "idNumber", "<td>3</td>");
        assertThat(page("dispatcher", get("/registry/buildings").param("address", address), 200)).contains(address);
    }
}
