package org.yiwang.catalog.web.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.catalog.CalendarSettings;
import org.yiwang.catalog.DayKind;
import org.yiwang.catalog.DutyList;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class CatalogAdminScreensTests {

    static final String HEADER = "category_code,level,department_type,assisting_department_types,rule_id,note\n";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DutyList dutyList;
    @Autowired CalendarSettings calendar;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void categoriesAreBrowsedBySearchAndOnlyAdministratorsMay() throws Exception {
        mvc.perform(get("/admin/categories").param("q", "井盖").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("案件类别")))
                .andExpect(content().string(containsString("井盖")));
        mvc.perform(get("/admin/categories").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/categories").with(as("admin")).with(csrf()).param("code", "X1").param("name", "坏编码"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("本地类别编码为 L 加五位数字")));
    }

    @Test
    void aDutyListWithBadLinesIsRejectedWithEachLineAndAGoodOneBecomesADraftThatCanBeActivatedAndRolledBack() throws Exception {
        int before = dutyList.versions().size();
        String bad = HEADER + "M09006,GRID,OFFICE,,,\nX99999,STREET,OFFICE,,,\nM09006,NOWHERE,OFFICE,,,\n";
        mvc.perform(multipart("/admin/duty-list/import").file(new MockMultipartFile("file", "bad.csv", "text/csv",
                        bad.getBytes(StandardCharsets.UTF_8))).with(as("admin")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("第 3 行：未知的类别编码“X99999”")))
                .andExpect(content().string(containsString("第 4 行：未知的层级“NOWHERE”")));
        assertThat(dutyList.versions()).hasSize(before);

        int active = dutyList.active().orElseThrow().number();
        mvc.perform(get("/admin/duty-list/{n}/export", active).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("duty-list-v" + active + ".csv")));
        byte[] exported = dutyList.export(active, true);
        mvc.perform(multipart("/admin/duty-list/import").file(new MockMultipartFile("file", "good.csv", "text/csv", exported))
                        .param("note", "重新导入").with(as("admin")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/admin/duty-list/*"));
        int draft = dutyList.versions().getFirst().number();
        mvc.perform(get("/admin/duty-list/{n}", draft).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("草稿")));
        mvc.perform(post("/admin/duty-list/{n}/activate", draft).with(as("admin")).with(csrf())).andExpect(status().isFound());
        assertThat(dutyList.active().orElseThrow().number()).isEqualTo(draft);
        mvc.perform(post("/admin/duty-list/{n}/activate", active).with(as("admin")).with(csrf())).andExpect(status().isFound());
        assertThat(dutyList.active().orElseThrow().number()).isEqualTo(active);
    }

    @Test
    void timeLimitsAreListedAndABadScopeIsReportedAtTheForm() throws Exception {
        mvc.perform(get("/admin/time-limits").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("全部类别（默认）")));
        mvc.perform(post("/admin/time-limits").with(as("admin")).with(csrf())
                        .param("scope", "nonsense").param("urgency", "NORMAL").param("stage", "HANDLE").param("amount", "3")
                        .param("unit", "WORKING_DAYS"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("字段“scope”")));
        mvc.perform(post("/admin/time-limits").with(as("admin")).with(csrf())
                        .param("scope", "M09").param("urgency", "URGENT").param("stage", "HANDLE").param("amount", "2")
                        .param("unit", "WORKING_HOURS"))
                .andExpect(status().isFound());
    }

    @Test
    void theCalendarShowsTheYearAndTakesAMakeUpDay() throws Exception {
        mvc.perform(get("/admin/calendar").param("year", "2026").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("国庆")))
                .andExpect(content().string(containsString("class=\"holiday\"")));
        mvc.perform(post("/admin/calendar/days").with(as("admin")).with(csrf())
                        .param("date", "2026-12-26").param("kind", "MAKEUP_WORKDAY").param("name", "测试调休"))
                .andExpect(status().isFound());
        assertThat(calendar.schedule().isWorkingDay(LocalDate.of(2026, 12, 26))).isTrue();
        assertThat(calendar.days(2026)).anyMatch(d -> d.kind() == DayKind.MAKEUP_WORKDAY && "测试调休".equals(d.name()));
        mvc.perform(post("/admin/calendar/days/remove").with(as("admin")).with(csrf()).param("date", "2026-12-26"))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/calendar/days").with(as("admin")).with(csrf()).param("date", "2026-13-01").param("kind", "HOLIDAY"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("2026-13-01")));
    }
}
