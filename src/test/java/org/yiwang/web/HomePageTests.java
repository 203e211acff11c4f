package org.yiwang.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class HomePageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    @WithUserDetails("dispatcher")
    void dispatcherSeesTheirStreetAndItsGridsInChinese() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您好")))
                .andExpect(content().string(containsString("指挥中心派遣员")))
                .andExpect(content().string(containsString("320104002")))
                .andExpect(content().string(containsString("我负责范围内的综合网格")));
    }

    @Test
    @WithUserDetails("gridworker")
    void gridWorkerSeesTheGridsTheyPatrolInEnglishWhenAsked() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My grids")))
                .andExpect(content().string(containsString("320104002")))
                .andExpect(content().string(not(containsString("您好"))));
    }

    @Test
    @WithUserDetails("resident")
    void residentsGetNoTerritoryFigures() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("综合网格"))));
    }

    @Autowired
    org.yiwang.workorder.WorkOrderQueries queries;

    @Autowired
    org.yiwang.people.People people;

    /** The figure of the 工作台 card that links to {@code href}, as the page shows it. */
    static String figure(String html, String href) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a href=\"" + java.util.regex.Pattern.quote(href.replace("&", "&amp;"))
                + "\" class=\"card[^\"]*\">\\s*<div class=\"figure\">([^<]*)</div>").matcher(html);
        org.assertj.core.api.Assertions.assertThat(m.find()).as("a card linking to " + href).isTrue();
        return m.group(1);
    }

    @Test
    @WithUserDetails("dispatcher")
    void dispatchersWorkbenchCountsWhatWaitsInTheirQueueAndLinksThere() throws Exception {
        String html = mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("待立案"))).andExpect(content().string(containsString("已超期")))
                .andReturn().getResponse().getContentAsString();
        org.yiwang.platform.Actor dispatcher = people.actorOf("dispatcher").orElseThrow();
        java.util.Map<org.yiwang.workorder.WorkOrderStatus, Long> open = queries.countByStatus(new org.yiwang.workorder.OrderFilter(
                null, Boolean.TRUE, null, null, null, null, null, null, null, null), dispatcher);
        org.assertj.core.api.Assertions.assertThat(figure(html, "/console/queue?tab=reported"))
                .isEqualTo(String.valueOf(open.getOrDefault(org.yiwang.workorder.WorkOrderStatus.REPORTED, 0L)));
        org.assertj.core.api.Assertions.assertThat(figure(html, "/console/queue?tab=registered"))
                .isEqualTo(String.valueOf(open.getOrDefault(org.yiwang.workorder.WorkOrderStatus.REGISTERED, 0L)));
        figure(html, "/console/overdue");
    }

    @Test
    @WithUserDetails("gridworker")
    void gridWorkersWorkbenchShowsTheirInboxTodaysPatrolAndTheirRegister() throws Exception {
        String html = mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("待签收")))
                .andExpect(content().string(containsString("今日在格时长")))
                .andExpect(content().string(containsString("辖区实有人口")))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(figure(html, "/m/patrol")).matches("\\d+:\\d{2} / 3:00");
        figure(html, "/console/inbox?tab=dispatched");
    }

    @Test
    @WithUserDetails("community")
    void communityStaffSeeTheirRegisterAndTheirGridWorkersPatrolsToday() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("辖区实有人口")))
                .andExpect(content().string(containsString("今日巡查达标网格员")))
                .andExpect(content().string(containsString("待签收")));
    }

    @Test
    void aContributorThatFailsIsLeftOutAndThePageStillOpens() {
        org.yiwang.platform.WorkbenchCard ok = new org.yiwang.platform.WorkbenchCard("x.ok", "1", "/ok",
                org.yiwang.platform.WorkbenchCard.Tone.NORMAL, 2);
        org.yiwang.platform.WorkbenchCard first = new org.yiwang.platform.WorkbenchCard("x.first", "0", null, null, 1);
        HomeController home = new HomeController(null, java.util.List.of(
                actor -> java.util.List.of(ok),
                actor -> { throw new IllegalStateException("database away"); },
                actor -> java.util.List.of(first)));
        org.assertj.core.api.Assertions.assertThat(home.cards(null)).containsExactly(first, ok);
    }

    @Test
    @WithUserDetails("gridworker")
    void aGridWorkersPhoneBarHoldsFourPagesAndMoreWhichListsTheRest() throws Exception {
        String today = mvc.perform(get("/m/today")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String bar = today.substring(today.indexOf("<nav class=\"m-tabs\""), today.indexOf("</nav>", today.indexOf("<nav class=\"m-tabs\"")));
        org.assertj.core.api.Assertions.assertThat(bar)
                .contains("id=\"tab-today\"", "id=\"tab-patrol\"", "id=\"tab-visits\"", "id=\"tab-report\"", "id=\"tab-more\"")
                .doesNotContain("id=\"tab-campaigns\"", "id=\"tab-services\"");
        mvc.perform(get("/m/more"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"more-campaigns\"")))
                .andExpect(content().string(containsString("id=\"more-services\"")))
                .andExpect(content().string(containsString("id=\"more-services-proxy\"")))
                .andExpect(content().string(containsString("id=\"more-grid\"")))
                .andExpect(content().string(not(containsString("id=\"more-follows\""))));
    }

    @Test
    @WithUserDetails("resident")
    void aResidentsPhoneBarShowsReportingServicesAndFollowsFirstAndTheRestUnderMore() throws Exception {
        String page = mvc.perform(get("/m/reports")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String bar = page.substring(page.indexOf("<nav class=\"m-tabs\""), page.indexOf("</nav>", page.indexOf("<nav class=\"m-tabs\"")));
        org.assertj.core.api.Assertions.assertThat(bar)
                .contains("id=\"tab-report\"", "id=\"tab-reports\"", "id=\"tab-services\"", "id=\"tab-follows\"", "id=\"tab-more\"")
                .doesNotContain("tab-patrol", "tab-council");
        mvc.perform(get("/m/more"))
                .andExpect(content().string(containsString("id=\"more-council\"")))
                .andExpect(content().string(containsString("id=\"more-volunteer\"")))
                .andExpect(content().string(not(containsString("id=\"more-patrol\""))));
    }
}
