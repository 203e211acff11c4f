package org.yiwang.fieldwork;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 三项清单: the grid worker's three duty lists, ticked per patrol; another role's items cannot be ticked. */
@FieldworkSpringTest
class ChecklistApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @AfterEach
    void stopRunningPatrols() {
        jdbc.sql("update fieldwork_patrol set ended_at = started_at where ended_at is null").update();
    }

    long item(String role, String list, int position) {
        return jdbc.sql("select id from fieldwork_duty_item where role = :r and list = :l and position = :p")
                .param("r", role).param("l", list).param("p", position).query(Long.class).single();
    }

    @Test
    void aGridWorkerSeesTheThreeListsOfTheirRoleAndTicksItemsOnTheirPatrol() throws Exception {
        mvc.perform(get("/api/fieldwork/checklists").with(as("gridworker")))
                .andExpect(jsonPath("$[*].role", everyItem(is("GRID_WORKER"))))
                .andExpect(jsonPath("$[*].list", hasItem("PATROL_VISIT"))).andExpect(jsonPath("$[*].list", hasItem("SUPERVISION")))
                .andExpect(jsonPath("$[*].list", hasItem("HANDLING_SERVICE")));
        String body = mvc.perform(post("/api/fieldwork/patrols").with(as("gridworker")).with(csrf())).andReturn().getResponse().getContentAsString();
        long patrol = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
        long a = item("GRID_WORKER", "PATROL_VISIT", 1);
        long b = item("GRID_WORKER", "SUPERVISION", 1);
        mvc.perform(put("/api/fieldwork/patrols/" + patrol + "/ticks").contentType("application/json")
                        .content("{\"itemIds\":[" + a + "," + b + "," + a + "]}").with(as("gridworker")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(put("/api/fieldwork/patrols/" + patrol + "/ticks").contentType("application/json")
                        .content("{\"itemIds\":[" + b + "]}").with(as("gridworker")).with(csrf()))
                .andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/fieldwork/patrols/" + patrol + "/ticks").with(as("gridworker")))
                .andExpect(jsonPath("$", containsInAnyOrder((int) b)));
        long communityItem = item("COMMUNITY_STAFF", "SUPERVISION", 1);
        mvc.perform(put("/api/fieldwork/patrols/" + patrol + "/ticks").contentType("application/json")
                        .content("{\"itemIds\":[" + communityItem + "]}").with(as("gridworker")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/fieldwork/patrols/" + patrol + "/ticks").with(as("gridworker")))
                .andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/fieldwork/patrols/" + patrol + "/ticks").with(as("community"))).andExpect(status().isNotFound());
    }

    @Test
    void onThePhoneTheWorkerTicksTheListsOfTheRunningPatrol() throws Exception {
        String body = mvc.perform(post("/api/fieldwork/patrols").with(as("gridworker")).with(csrf())).andReturn().getResponse().getContentAsString();
        long patrol = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
        long a = item("GRID_WORKER", "HANDLING_SERVICE", 2);
        mvc.perform(get("/m/patrol").with(as("gridworker")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("调解邻里矛盾纠纷")));
        mvc.perform(post("/m/patrol/ticks").param("item", String.valueOf(a)).with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/fieldwork/patrols/" + patrol + "/ticks").with(as("gridworker")))
                .andExpect(jsonPath("$", containsInAnyOrder((int) a)));
    }
}
