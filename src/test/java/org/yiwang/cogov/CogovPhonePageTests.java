package org.yiwang.cogov;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The residents' phone pages of co-governance and the staff pages for councils and volunteers, from the demo data. */
@SpringBootTest
@AutoConfigureMockMvc
class CogovPhonePageTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theResidentSeesTheDemoActivitiesAndTheirPointsAndSignsUpFromThePhone() throws Exception {
        mvc.perform(get("/m/volunteer").with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("小区环境清洁日")))
                .andExpect(content().string(containsString("红色服务队·家电义务维修")))
                .andExpect(content().string(containsString("id=\"my-points\"")));
        long activity = jdbc.sql("select id from cogov_activity where title = '红色服务队·家电义务维修'").query(Long.class).single();
        mvc.perform(post("/m/volunteer/activities/{id}/signup", activity).with(as("resident")).with(csrf()))
                .andExpect(redirectedUrl("/m/volunteer")).andExpect(flash().attribute("flashSuccess", "报名成功"));
        mvc.perform(post("/m/volunteer/activities/{id}/signup", activity).with(as("resident")).with(csrf()))
                .andExpect(redirectedUrl("/m/volunteer")).andExpect(flash().attribute("flashError", containsString("已报名")));
        mvc.perform(post("/m/volunteer/redemptions").param("points", "abc").param("item", "x").with(as("resident")).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theResidentProposesAndVotesOnThePhoneAndStaffSeeTheCouncil() throws Exception {
        long topic = jdbc.sql("select id from cogov_topic where request_id = 'demo-topic-1'").query(Long.class).single();
        mvc.perform(get("/m/council").with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("零距离家园理事会")))
                .andExpect(content().string(containsString("小区增设电动自行车充电棚")));
        mvc.perform(get("/m/council/topics/{id}", topic).with(as("resident")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"m-vote-form\"")));
        mvc.perform(get("/m/council/topics/{id}", topic).with(as("handler"))).andExpect(status().isNotFound());
        mvc.perform(get("/cogov/councils").with(as("community")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("零距离家园理事会")));
        mvc.perform(get("/cogov/topics/{id}", topic).with(as("community")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"close-vote\"")));
        mvc.perform(get("/cogov/volunteers").with(as("community")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("敬老院陪伴老人")))
                .andExpect(content().string(not(containsString("13912345"))));
        mvc.perform(get("/cogov/volunteers").with(as("resident"))).andExpect(status().isForbidden());
        mvc.perform(get("/cogov/councils").with(as("resident"))).andExpect(status().isForbidden());
    }

    @Test
    void aVoteRefusedToSomeoneWhoIsNotAMemberIsShownOnTheTopicPageNotAsAnErrorPage() throws Exception {
        long topic = jdbc.sql("select id from cogov_topic where request_id = 'demo-topic-1'").query(Long.class).single();
        mvc.perform(post("/cogov/topics/{id}/vote", topic).param("choice", "FOR").with(as("dispatcher")).with(csrf()))
                .andExpect(redirectedUrl("/cogov/topics/" + topic))
                .andExpect(flash().attribute("flashError", containsString("只有议事会成员可以投票")));
        mvc.perform(post("/cogov/topics/{id}/vote", topic).param("choice", "MAYBE").with(as("dispatcher")).with(csrf()))
                .andExpect(redirectedUrl("/cogov/topics/" + topic))
                .andExpect(flash().attribute("flashError", containsString("choice")));
    }
}
