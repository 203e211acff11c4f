package org.yiwang.enforcement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The screens in both languages for the roles that use them, and their refusals as pages. */
@EnforcementSpringTest
class EnforcementPageTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    String page(String username, String path, String lang, int expected) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(user(users.loadUserByUsername(username))))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyScreenRendersInChineseAndEnglishWithoutMissingLabels() throws Exception {
        long demoCase = jdbc.sql("SELECT id FROM enforcement_case WHERE request_key = 'demo-case-1'").query(Long.class).single();
        for (String lang : new String[]{"zh-CN", "en"}) {
            assertThat(page("dispatcher", "/enforcement/cases?tab=all", lang, 200)).doesNotContain("??").contains("ZF");
            assertThat(page("dispatcher", "/enforcement/cases/" + demoCase, lang, 200)).doesNotContain("??").contains("notice-pdf");
            assertThat(page("handler-enforcement", "/m/enforcement", lang, 200)).doesNotContain("??");
            assertThat(page("handler-enforcement", "/m/enforcement/cases/" + demoCase, lang, 200)).doesNotContain("??");
            assertThat(page("admin", "/enforcement/items", lang, 200)).doesNotContain("??").contains("SJ-001");
            assertThat(page("admin", "/enforcement/items/ZF-001", lang, 200)).doesNotContain("??");
            assertThat(page("dispatcher", "/enforcement/campaigns", lang, 200)).doesNotContain("??");
            assertThat(page("dispatcher", "/enforcement/campaigns/FLOOD_SEASON", lang, 200)).doesNotContain("??");
            assertThat(page("gridworker", "/m/campaigns", lang, 200)).doesNotContain("??");
            assertThat(page("gridworker", "/m/campaigns/EPIDEMIC_RETURN", lang, 200)).doesNotContain("??");
        }
        assertThat(page("dispatcher", "/enforcement/cases?lang=en", "en", 200)).contains("Joint enforcement cases");
    }

    @Test
    void refusalsArePagesInTheReadersLanguage() throws Exception {
        long demoCase = jdbc.sql("SELECT id FROM enforcement_case WHERE request_key = 'demo-case-1'").query(Long.class).single();
        assertThat(page("dispatcher-honghua", "/enforcement/cases/" + demoCase, "en", 404)).contains("Case " + demoCase + " not found");
        page("dispatcher", "/enforcement/cases?tab=nope", "zh-CN", 400);
        page("dispatcher", "/enforcement/items/ZF-001", "zh-CN", 403);
        page("resident", "/m/campaigns", "zh-CN", 403);
        // a refused step or form comes back to its page with the reason (flash), not the error page
        Object refused = mvc.perform(post("/enforcement/cases/" + demoCase + "/steps/CLOSE").param("note", "x").param("lang", "en")
                        .with(user(users.loadUserByUsername("dispatcher"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/enforcement/cases/" + demoCase))
                .andReturn().getFlashMap().get("flashError");
        assertThat(String.valueOf(refused)).contains("CLOSE");
        Object missing = mvc.perform(post("/m/campaigns/EPIDEMIC_RETURN/records").param("subject", "张三").param("address", "a")
                        .param("lang", "en").with(user(users.loadUserByUsername("gridworker"))).with(csrf()))
                .andExpect(redirectedUrl("/m/campaigns/EPIDEMIC_RETURN")).andReturn().getFlashMap().get("flashError");
        assertThat(String.valueOf(missing)).contains("gridCode");
    }
}
