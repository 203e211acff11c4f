package org.yiwang.fieldwork;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.People;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The phone's visit and today pages: lists of my grids, the visit form with camera photos, care visits. */
@FieldworkSpringTest
class VisitPageTests {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;

    String grid;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @BeforeEach
    void gridOfTheGridWorker() {
        grid = grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code();
    }

    @Test
    void theGridWorkerRecordsAVisitWithAPhotoFromTheVisitsPage() throws Exception {
        long household = new VisitFixtures(mvc, json, users, locator).household(grid, List.of("LIVING_ALONE_ELDERLY"));
        long person = jdbc.sql("select id from registry_person where household_id = :h").param("h", household).query(Long.class).single();
        mvc.perform(get("/m/visits").with(as("gridworker")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-household=\"" + household + "\"")))
                .andExpect(content().string(containsString("data-person=\"" + person + "\"")))
                .andExpect(content().string(containsString("入户走访")));
        mvc.perform(get("/m/visits/households/" + household).with(as("gridworker")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Was anybody at home?")))
                .andExpect(content().string(containsString("name=\"met\" value=\"" + person + "\" checked")));
        mvc.perform(multipart("/m/visits").file(new MockMultipartFile("photos", "door.jpg", "image/jpeg", JPEG))
                        .param("householdId", String.valueOf(household)).param("present", "true").param("met", String.valueOf(person))
                        .param("needs", "家中燃气灶老化").param("needKinds", "SAFETY_HAZARD").param("services", "SAFETY_CHECKED")
                        .param("requestId", UUID.randomUUID().toString())
                        .with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/m/visits"));
        assertThat(jdbc.sql("select cardinality(photo_ids) from fieldwork_visit where household_id = :h").param("h", household)
                .query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/m/visits").with(as("gridworker")))
                .andExpect(content().string(not(containsString("data-household=\"" + household + "\""))))
                .andExpect(content().string(not(containsString("data-person=\"" + person + "\""))));
    }

    @Test
    void aCareVisitIsRecordedFromTheList() throws Exception {
        long household = new VisitFixtures(mvc, json, users, locator).household(grid, List.of("DISABLED"));
        long person = jdbc.sql("select id from registry_person where household_id = :h").param("h", household).query(Long.class).single();
        mvc.perform(post("/m/visits/care").param("personId", String.valueOf(person)).param("requestId", "page-care-" + person)
                        .with(as("community")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from fieldwork_care_visit where person_id = :p").param("p", person)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aVisitWithoutPresentIsRefusedOnThePageAndStoresNoPhoto() throws Exception {
        long household = new VisitFixtures(mvc, json, users, locator).household(grid, List.of());
        mvc.perform(multipart("/m/visits").file(new MockMultipartFile("photos", "door.jpg", "image/jpeg", JPEG))
                        .param("householdId", String.valueOf(household)).param("requestId", "no-present")
                        .header("Accept-Language", "en").with(as("gridworker")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("present")));
        mvc.perform(multipart("/m/visits").param("householdId", String.valueOf(household)).param("present", "false")
                        .param("services", "CARE_GIVEN").param("requestId", "absent-ok").with(as("gridworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from fieldwork_visit where household_id = :h and not present").param("h", household)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theTodayPageShowsOrdersVisitsCareAndPatrolForTheGridWorkerAndListsForCommunityStaff() throws Exception {
        mvc.perform(get("/m/today").with(as("gridworker")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"today-patrol\"")))
                .andExpect(content().string(containsString("id=\"today-orders\"")))
                .andExpect(content().string(containsString("id=\"today-visits\"")))
                .andExpect(content().string(containsString("逾期关爱走访")))
                .andExpect(content().string(containsString("href=\"/m/visits\"")));
        mvc.perform(get("/m/today").with(as("community"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"today-patrol\""))));
        mvc.perform(get("/m/visits").with(as("community"))).andExpect(status().isOk());
        mvc.perform(get("/").with(as("gridworker")).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(containsString("本轮已走访住户")))
                .andExpect(content().string(containsString("逾期关爱走访")));
        mvc.perform(get("/").with(as("dispatcher")).header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Households visited this round")));
        mvc.perform(get("/").with(as("community"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/m/visits\"")))
                .andExpect(content().string(containsString("href=\"/m/today\"")));
        mvc.perform(get("/m/visits").with(as("dispatcher"))).andExpect(status().isForbidden());
        mvc.perform(get("/m/today").with(as("resident"))).andExpect(status().isForbidden());
    }
}
