package org.yiwang.people.web.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.people.People;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class UserAdminScreensTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired People people;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theAdministratorListsUsersWithTheirRolesAndOnlyAdministratorsMay() throws Exception {
        mvc.perform(get("/admin/users").param("q", "dispatcher").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户与角色")))
                .andExpect(content().string(containsString("dispatcher-honghua")))
                .andExpect(content().string(containsString("指挥中心派遣员")));
        mvc.perform(get("/admin/users").with(as("dispatcher"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/org-units").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("秦淮区城市管理局")));
    }

    @Test
    void aBadUsernameShowsTheFormAgainWithTheReasonAndCreatesNothing() throws Exception {
        long unit = people.findByUsername("handler").orElseThrow().orgUnitId();
        mvc.perform(post("/admin/users/new").with(as("admin")).with(csrf())
                        .param("username", "Bad Name!").param("displayName", "测试").param("password", "Larch-Quiver-42x")
                        .param("orgUnitId", String.valueOf(unit)).param("roles", "HANDLER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Bad Name!")))
                .andExpect(content().string(containsString("form-error")));
        assertThat(people.findByUsername("bad name!")).isEmpty();
    }

    @Test
    void theAdministratorCreatesAUserChangesTheirRolesAndDisablesThem() throws Exception {
        long unit = people.findByUsername("handler").orElseThrow().orgUnitId();
        mvc.perform(post("/admin/users/new").with(as("admin")).with(csrf())
                        .param("username", "handler-2").param("displayName", "李四").param("password", "Larch-Quiver-42x")
                        .param("phone", "13912345678").param("orgUnitId", String.valueOf(unit)).param("roles", "HANDLER"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/admin/users/*"))
                .andExpect(flash().attribute("flashSuccess", containsString("handler-2")));
        long id = people.findByUsername("handler-2").orElseThrow().id();
        mvc.perform(get("/admin/users/{id}", id).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("13912345678"))))
                .andExpect(content().string(matchesPattern("(?s).*139\\*+5678.*")));
        mvc.perform(post("/admin/users/{id}", id).with(as("admin")).with(csrf())
                        .param("displayName", "李四").param("orgUnitId", String.valueOf(unit)).param("roles", "HANDLER", "LEADER"))
                .andExpect(status().isFound());
        assertThat(people.findByUsername("handler-2").orElseThrow().roles()).hasSize(2);
        mvc.perform(post("/admin/users/{id}/password", id).with(as("admin")).with(csrf()).param("password", "short"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/users/{id}/disable", id).with(as("admin")).with(csrf())).andExpect(status().isFound());
        assertThat(people.findByUsername("handler-2").orElseThrow().enabled()).isFalse();
    }
}
