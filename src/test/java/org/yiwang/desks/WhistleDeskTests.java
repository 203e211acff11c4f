package org.yiwang.desks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;
import org.yiwang.whistle.BlowWhistle;
import org.yiwang.whistle.ReportIn;
import org.yiwang.whistle.Summons;
import org.yiwang.whistle.Whistle;
import org.yiwang.whistle.WhistleActions;
import org.yiwang.whistle.WhistleKind;
import org.yiwang.whistle.WhistleQueries;
import org.yiwang.whistle.WhistleStats;
import org.yiwang.whistle.WhistleStatus;
import org.yiwang.workorder.WorkOrder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class WhistleDeskTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired WhistleActions whistles;
    @Autowired WhistleQueries queries;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    Whistle blownOnTheHandlersDepartment(String what) {
        WorkOrder order = demo.reported(what);
        long department = demo.actor("handler").orgUnitId();
        return whistles.blow(order.id(), new BlowWhistle(WhistleKind.ROUTINE, "多部门联合整治，联系人 13912345678", List.of(department)),
                demo.actor("dispatcher"));
    }

    @Test
    void theSummonedDepartmentReportsInOnTheWhistlePage() throws Exception {
        Whistle whistle = blownOnTheHandlersDepartment("贡院街占道经营反复出现（报到）");
        mvc.perform(get("/whistles/{id}", whistle.id()).with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(whistle.number())))
                .andExpect(content().string(containsString("/whistles/" + whistle.id() + "/report-in")))
                .andExpect(content().string(containsString("待报到")))
                .andExpect(content().string(containsString("139****5678")))
                .andExpect(content().string(not(containsString("13912345678"))));
        mvc.perform(post("/whistles/{id}/report-in", whistle.id()).with(as("handler")).with(csrf())
                        .param("response", "ARRIVED").param("note", "已到场，联合执法"))
                .andExpect(redirectedUrl("/whistles/" + whistle.id()));
        Whistle after = queries.get(whistle.id(), demo.actor("dispatcher"));
        assertThat(after.summons()).singleElement().extracting(Summons::state).isEqualTo(Summons.State.ARRIVED);
        mvc.perform(get("/whistles/{id}", whistle.id()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已报到")))
                .andExpect(content().string(containsString(demo.actor("handler").displayName())))
                .andExpect(content().string(containsString("/whistles/" + whistle.id() + "/outcome")))
                .andExpect(content().string(not(containsString("/whistles/" + whistle.id() + "/report-in"))));
    }

    @Test
    void aReportInWithoutANoteShowsTheFormAgainWithTheReason() throws Exception {
        Whistle whistle = blownOnTheHandlersDepartment("贡院街占道经营反复出现（无说明）");
        mvc.perform(post("/whistles/{id}/report-in", whistle.id()).with(as("handler")).with(csrf()).param("note", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("note")));
        mvc.perform(post("/whistles/{id}/report-in", whistle.id()).with(as("handler")).with(csrf()).param("note", "x").param("lang", "en"))
                .andExpect(redirectedUrl("/whistles/" + whistle.id()));
        mvc.perform(get("/whistles/{id}", whistle.id()).param("lang", "en").with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Departments summoned and their answers")));
    }

    @Test
    void aReportInWithoutTheFormsTokenIsRefused() throws Exception {
        Whistle whistle = blownOnTheHandlersDepartment("贡院街占道经营反复出现（令牌）");
        mvc.perform(post("/whistles/{id}/report-in", whistle.id()).with(as("handler")).param("note", "已到场"))
                .andExpect(status().isForbidden());
        assertThat(queries.get(whistle.id(), demo.actor("dispatcher")).summons().getFirst().state()).isEqualTo(Summons.State.PENDING);
    }

    @Test
    void theDepartmentCannotCloseTheWhistleButTheStreetCan() throws Exception {
        Whistle whistle = blownOnTheHandlersDepartment("贡院街占道经营反复出现（结果）");
        mvc.perform(post("/whistles/{id}/outcome", whistle.id()).with(as("handler")).with(csrf()).param("outcome", "RESOLVED").param("note", "已整治"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/whistles/{id}/outcome", whistle.id()).with(as("dispatcher")).with(csrf()).param("outcome", "RESOLVED")
                        .param("note", "已整治"))
                .andExpect(redirectedUrl("/whistles/" + whistle.id()));
        assertThat(queries.get(whistle.id(), demo.actor("dispatcher")).status()).isEqualTo(WhistleStatus.CLOSED);
    }

    @Test
    void theAssessmentTabGradesTheSummonedDepartmentsAndTheStreetsForTheChosenPeriod() throws Exception {
        Whistle whistle = blownOnTheHandlersDepartment("贡院街占道经营反复出现（考核）");
        whistles.reportIn(whistle.id(), ReportIn.of(demo.actor("handler").orgUnitId(), "ARRIVED", "已到场", List.of()), demo.actor("handler"));
        WhistleStats stats = queries.stats(null, null, demo.actor("dispatcher"));
        WhistleStats.DepartmentFigures mine = stats.departments().stream()
                .filter(d -> d.departmentId() == demo.actor("handler").orgUnitId()).findFirst().orElseThrow();
        assertThat(mine.reportedOnTime()).isPositive();

        String page = mvc.perform(get("/desks/whistles").param("tab", "stats").with(as("dispatcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("部门报到考核", "街道吹哨考核", mine.name(), "grade-" + mine.grade());

        mvc.perform(get("/desks/whistles").param("tab", "stats").param("from", "2026-12-31").param("to", "2026-01-01")
                        .with(as("dispatcher")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/desks/whistles").param("tab", "stats").param("from", "2020-01-01").param("to", "2020-01-31")
                        .with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本期没有数据")));
    }

    @Test
    void aWhistleOfAnotherStreetIsNotFoundAndResidentsHaveNoWhistleDesk() throws Exception {
        Whistle whistle = blownOnTheHandlersDepartment("贡院街占道经营反复出现（范围）");
        mvc.perform(get("/whistles/{id}", whistle.id()).with(as("dispatcher-honghua")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(whistle.number()))));
        mvc.perform(get("/desks/whistles").with(as("resident"))).andExpect(status().isForbidden());
        mvc.perform(get("/whistles/{id}", whistle.id()).with(as("resident"))).andExpect(status().isForbidden());
    }

    @Test
    void theDepartmentsInboxShowsTheWhistlesWaitingForItsReportIn() throws Exception {
        Whistle whistle = blownOnTheHandlersDepartment("贡院街占道经营反复出现（待办）");
        mvc.perform(get("/desks/whistles/summoned").with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(whistle.number())));
        mvc.perform(get("/desks/whistles/summoned").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(whistle.number()))));
        mvc.perform(get("/console/inbox").with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/desks/whistles/summoned")));
        mvc.perform(get("/desks/whistles").with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(whistle.number())));
    }

    @Test
    void theDepartmentsWorkbenchCountsTheWhistlesItHasNotReportedInTo() throws Exception {
        blownOnTheHandlersDepartment("贡院街占道经营反复出现（工作台）");
        mvc.perform(get("/").with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("吹哨待报到")))
                .andExpect(content().string(containsString("href=\"/desks/whistles\"")));
        mvc.perform(get("/").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("吹哨待报到"))))
                .andExpect(content().string(containsString("href=\"/desks/pending\"")))
                .andExpect(content().string(containsString("待回访")));
    }
}
