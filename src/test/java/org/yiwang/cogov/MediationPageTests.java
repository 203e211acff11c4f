package org.yiwang.cogov;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.WorkOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The mediation screens: who may open them, masking, the way from an order, and bad form input. */
@SpringBootTest
@AutoConfigureMockMvc
class MediationPageTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theDemoCommunityHasCasesWithMaskedPartiesAndOutsidersAreTurnedAway() throws Exception {
        Long demoCase = jdbc.sql("select id from cogov_mediation_case where request_id = 'demo-mediation-1'").query(Long.class).single();
        mvc.perform(get("/cogov/mediation").with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("矛盾纠纷调解")))
                .andExpect(content().string(containsString("/cogov/mediation/" + demoCase)));
        mvc.perform(get("/cogov/mediation/{id}", demoCase).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王**")))
                .andExpect(content().string(containsString("139****0001")))
                .andExpect(content().string(not(containsString("13912340001"))))
                .andExpect(content().string(not(containsString("王秀英"))))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/cogov/mediation/{id}", demoCase).with(as("dispatcher-honghua"))).andExpect(status().isNotFound());
        mvc.perform(get("/cogov/mediation").with(as("resident"))).andExpect(status().isForbidden());
        mvc.perform(get("/cogov/mediation").with(as("handler"))).andExpect(status().isForbidden());
    }

    @Test
    void anOrdersPageLeadsToOneCaseAndASecondVisitFindsIt() throws Exception {
        WorkOrder order = demo.dispatchedUnder("L01001", "邻居家狗叫，双方争吵（页面转调解）");
        mvc.perform(get("/cogov/mediation/from-order").param("order", String.valueOf(order.id())).with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())))
                .andExpect(content().string(containsString("value=\"NEIGHBOUR\" selected")));
        mvc.perform(post("/cogov/mediation/from-order").param("order", String.valueOf(order.id())).param("risk", "LOW")
                        .with(as("community")).with(csrf()))
                .andExpect(redirectedUrlPattern("/cogov/mediation/*"));
        long id = jdbc.sql("select id from cogov_mediation_case where order_id = :o").param("o", order.id()).query(Long.class).single();
        mvc.perform(get("/cogov/mediation/from-order").param("order", String.valueOf(order.id())).with(as("community")))
                .andExpect(redirectedUrl("/cogov/mediation/" + id));
        mvc.perform(get("/cogov/mediation/from-order").param("order", String.valueOf(order.id())).with(as("dispatcher-honghua")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFormWithBadInputComesBackWithTheReasonAndChangesNothing() throws Exception {
        Long demoCase = jdbc.sql("select id from cogov_mediation_case where request_id = 'demo-mediation-1'").query(Long.class).single();
        long sessions = jdbc.sql("select count(*) from cogov_mediation_session where case_id = :id").param("id", demoCase).query(Long.class).single();
        mvc.perform(post("/cogov/mediation/{id}/sessions", demoCase).param("heldAt", "not a time").param("note", "x")
                        .with(as("community")).with(csrf()))
                .andExpect(redirectedUrl("/cogov/mediation/" + demoCase))
                .andExpect(flash().attribute("flashError", containsString("heldAt")));
        mvc.perform(post("/cogov/mediation/{id}/sessions", demoCase).param("heldAt", "2026-01-01T10:00").param("note", "x")
                .with(as("community"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from cogov_mediation_session where case_id = :id").param("id", demoCase).query(Long.class).single())
                .isEqualTo(sessions);
        mvc.perform(post("/cogov/mediation/{id}/withdrawal", demoCase).param("note", "撤回").with(as("leader")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
