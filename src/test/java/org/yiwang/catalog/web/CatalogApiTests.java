package org.yiwang.catalog.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yiwang.catalog.DutyList;
import org.yiwang.catalog.WorkingCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yiwang.catalog.CatalogFixtures.admin;
import static org.yiwang.catalog.CatalogFixtures.dispatcher;
import static org.yiwang.catalog.CatalogFixtures.resident;

/**
 * The catalog API on a fresh database: the shipped catalog, the generated duty list, time limits and the
 * calendar as first start leaves them, and what administrators may change. Tests share one context and
 * leave the active duty list, time limits and calendar as they found them.
 */
@SpringBootTest(properties = "yiwang.demo-data=false")
@AutoConfigureMockMvc
class CatalogApiTests {

    static final String HEADER = "category_code,level,department_type,assisting_department_types,rule_id,note\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DutyList dutyList;
    @Autowired
    WorkingCalendar calendar;

    final JsonMapper json = new JsonMapper();

    JsonNode read(MvcResult result) throws java.io.UnsupportedEncodingException {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    // categories

    @Test
    void anyoneSignedInSeesTheCatalogTreeByKindAndMajorClass() throws Exception {
        JsonNode tree = read(mvc.perform(get("/api/catalog/categories").with(resident()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kinds[0].kind").value("COMPONENT"))
                .andExpect(jsonPath("$.kinds[1].kind").value("MATTER"))
                .andExpect(jsonPath("$.kinds[2].kind").value("LOCAL"))
                .andExpect(jsonPath("$.kinds[1].majorClasses[8].majorClass.code").value("M09"))
                .andExpect(jsonPath("$.kinds[1].majorClasses[8].majorClass.nameEn").value("Street order"))
                .andReturn());
        int components = 0;
        int matters = 0;
        for (JsonNode majorClass : tree.get("kinds").get(0).get("majorClasses")) {
            components += majorClass.get("categories").size();
        }
        for (JsonNode majorClass : tree.get("kinds").get(1).get("majorClasses")) {
            matters += majorClass.get("categories").size();
        }
        assertThat(components).isEqualTo(153);
        assertThat(matters).isEqualTo(250);
    }

    @Test
    void searchFindsCategoriesByNameKeywordOrCode() throws Exception {
        mvc.perform(get("/api/catalog/categories").param("q", "井盖").with(resident()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kinds[0].majorClasses[0].categories[0].code").value("C01001"))
                .andExpect(jsonPath("$.kinds[1].majorClasses[0].categories[0].code").value("M01001"));
        mvc.perform(get("/api/catalog/categories").param("q", "小区门口有人摆摊").with(resident()))
                .andExpect(jsonPath("$.categories").value(1))
                .andExpect(jsonPath("$.kinds[0].majorClasses[0].categories[0].name").value("占道经营"));
        mvc.perform(get("/api/catalog/categories").param("q", "m09").with(dispatcher()))
                .andExpect(jsonPath("$.categories").value(21));
    }

    @Test
    void aCategoryShowsItsComponentAndRoutingPrinciple() throws Exception {
        mvc.perform(get("/api/catalog/categories/m01001").with(dispatcher()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("供水井盖异常"))
                .andExpect(jsonPath("$.component").value("C01001"))
                .andExpect(jsonPath("$.principle").value("OWNER_FIRST"))
                .andExpect(jsonPath("$.principleText").value("部件先属主后属地"))
                .andExpect(jsonPath("$.standard").value("GB/T 47678.5-2026"));
        mvc.perform(get("/api/catalog/categories/C01001").with(resident()))
                .andExpect(jsonPath("$.ownerDepartment").value("UTILITIES"))
                .andExpect(jsonPath("$.keywords", hasItem("井盖")));
        mvc.perform(get("/api/catalog/categories/X00000").with(resident()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("没有编码为“X00000”的案件类别"));
    }

    @Test
    void anAdministratorAddsAndChangesLocalCategories() throws Exception {
        mvc.perform(post("/api/catalog/categories").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"L01090","name":"楼道堆物","nameEn":"Clutter in stairwells","keywords":["楼道","堆物"," 楼道 "],
                                 "smallMatter":true}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/catalog/categories/L01090"))
                .andExpect(jsonPath("$.kind").value("LOCAL"))
                .andExpect(jsonPath("$.majorClass").value("L01"))
                .andExpect(jsonPath("$.keywords.length()").value(2));
        mvc.perform(get("/api/catalog/categories").param("q", "楼道堆物").with(resident()))
                .andExpect(jsonPath("$..categories[*].code", hasItem("L01090")));

        mvc.perform(post("/api/catalog/categories").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"L01090\",\"name\":\"另一个\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/catalog/categories").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"L01091\",\"name\":\"邻里纠纷\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/catalog/categories").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("{\"code\":\"M09999\",\"name\":\"冒充\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("Field \"code\"")));
        mvc.perform(post("/api/catalog/categories").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"L09001\",\"name\":\"无大类\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("catalog.category.majorClassMissing"));

        mvc.perform(patch("/api/catalog/categories/L01090").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false,\"ownerDepartment\":\"CIVIL_AFFAIRS\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.ownerDepartment").value("CIVIL_AFFAIRS"));
        mvc.perform(get("/api/catalog/categories/L01090").with(resident())).andExpect(status().isNotFound());
        mvc.perform(patch("/api/catalog/categories/M06010").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"垃圾\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("catalog.category.standardName"));
    }

    @Test
    void onlyAdministratorsChangeCategories() throws Exception {
        mvc.perform(post("/api/catalog/categories").with(dispatcher()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"L01095\",\"name\":\"不许\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(patch("/api/catalog/categories/M06010").with(resident()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"keywords\":[\"x\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/catalog/categories")).andExpect(status().isUnauthorized());
    }

    // duty list

    @Test
    void theGeneratedDutyListIsActiveAndOrdersCandidatesByTheRule() throws Exception {
        mvc.perform(get("/api/catalog/duty-list/candidates").param("category", "C01001").with(dispatcher()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.principle").value("OWNER_FIRST"))
                .andExpect(jsonPath("$.candidates[0].level").value("DISTRICT"))
                .andExpect(jsonPath("$.candidates[0].department").value("UTILITIES"))
                .andExpect(jsonPath("$.candidates[0].basis").value("OWNER"))
                .andExpect(jsonPath("$.candidates[1].department").value("OFFICE"))
                .andExpect(jsonPath("$.candidates[1].office").value("街道综合指挥中心"));
        mvc.perform(get("/api/catalog/duty-list/candidates").param("category", "L01001").with(dispatcher()))
                .andExpect(jsonPath("$.principle").value("TERRITORY_FIRST"))
                .andExpect(jsonPath("$.ruleIds[0]").value("DL-L01001-COMMUNITY"))
                .andExpect(jsonPath("$.ruleIds[1]").value("DL-L01001-STREET"));
        mvc.perform(get("/api/catalog/duty-list").with(dispatcher()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.status").value("ACTIVE"))
                .andExpect(jsonPath("$.entries.length()", greaterThanOrEqualTo(420)));
        mvc.perform(get("/api/catalog/duty-list").with(resident())).andExpect(status().isForbidden());
    }

    @Test
    void anExportedVersionImportsAsADraftThatCanBeActivatedAndRolledBack() throws Exception {
        int active = dutyList.active().orElseThrow().number();
        MvcResult exported = mvc.perform(get("/api/catalog/duty-list/export").with(dispatcher()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("duty-list-v" + active + ".csv")))
                .andReturn();
        byte[] file = exported.getResponse().getContentAsByteArray();
        assertThat(new String(file, StandardCharsets.UTF_8)).startsWith("\uFEFF" + HEADER.strip());

        JsonNode imported = read(mvc.perform(multipart("/api/catalog/duty-list/import")
                        .file(new MockMultipartFile("file", "duty-list.csv", "text/csv", file))
                        .param("note", "round trip").with(admin()).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.status").value("DRAFT"))
                .andReturn());
        int draft = imported.get("version").get("number").asInt();
        assertThat(dutyList.active().orElseThrow().number()).as("a draft changes nothing").isEqualTo(active);

        byte[] again = mvc.perform(get("/api/catalog/duty-list/versions/" + draft + "/export").with(admin()))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(file);

        mvc.perform(post("/api/catalog/duty-list/versions/" + draft + "/activate").with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.activatedBy").value("catalog.admin"));
        assertThat(dutyList.active().orElseThrow().number()).isEqualTo(draft);
        mvc.perform(get("/api/catalog/duty-list/versions/" + active).with(dispatcher()))
                .andExpect(jsonPath("$.version.status").value("RETIRED"));
        mvc.perform(get("/api/catalog/duty-list/candidates").param("category", "M09015").with(dispatcher()))
                .andExpect(jsonPath("$.version").value(draft));

        mvc.perform(post("/api/catalog/duty-list/versions/" + active + "/activate").with(admin()).with(csrf()))
                .andExpect(status().isOk());
        assertThat(dutyList.active().orElseThrow().number()).as("rolled back").isEqualTo(active);
        mvc.perform(delete("/api/catalog/duty-list/versions/" + draft).with(admin()).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryLineNamed() throws Exception {
        int versions = versionCount();
        String bad = HEADER
                + "M09006,GRID,OFFICE,,,\n"
                + "X12345,STREET,LAW_ENFORCEMENT,,,\n"
                + "M09006,PROVINCE,OFFICE,,,\n"
                + "M06010,STREET,SANITATION;HEALTH,,,\n"
                + "M06010,STREET,CITY_HALL,,,\n"
                + "M09006,GRID,OFFICE,,again,\n"
                + "L01001,COMMUNITY,OFFICE,,,\"unclosed\n";
        mvc.perform(post("/api/catalog/duty-list/import").with(admin()).with(csrf()).header("Accept-Language", "zh-CN")
                        .contentType("text/csv").content(bad.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("catalog.dutyList.import.rejected"))
                .andExpect(jsonPath("$.allOrNothing").value(true))
                .andExpect(jsonPath("$.changed").value(false))
                .andExpect(jsonPath("$.problemCount").value(6))
                .andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].reason").value("第 3 行：未知的类别编码“X12345”"))
                .andExpect(jsonPath("$.problems[1].line").value(4))
                .andExpect(jsonPath("$.problems[2].line").value(5))
                .andExpect(jsonPath("$.problems[2].key").value("catalog.dutyList.import.departmentUnknown"))
                .andExpect(jsonPath("$.problems[3].line").value(6))
                .andExpect(jsonPath("$.problems[4].line").value(7))
                .andExpect(jsonPath("$.problems[4].key").value("catalog.dutyList.import.duplicate"))
                .andExpect(jsonPath("$.problems[5].line").value(8))
                .andExpect(jsonPath("$.problems[5].key").value("catalog.dutyList.import.unterminatedQuote"));
        mvc.perform(post("/api/catalog/duty-list/import").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .contentType("text/csv").content(new byte[0]))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("nothing was imported")))
                .andExpect(jsonPath("$.problems[0].line").value(0))
                .andExpect(jsonPath("$.problems[0].key").value("catalog.dutyList.import.empty"));
        assertThat(versionCount()).as("nothing changed").isEqualTo(versions);
    }

    @Test
    void onlyAdministratorsImportAndActivate() throws Exception {
        int versions = versionCount();
        mvc.perform(post("/api/catalog/duty-list/import").with(dispatcher()).with(csrf())
                        .contentType("text/csv").content((HEADER + "M09006,GRID,OFFICE,,,\n").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/catalog/duty-list/versions/1/activate").with(dispatcher()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/catalog/duty-list/versions/1/activate").with(admin()))
                .andExpect(status().isForbidden());
        assertThat(versionCount()).isEqualTo(versions);
    }

    @Test
    void aDraftThatWasNeverActiveCanBeDeleted() throws Exception {
        JsonNode imported = read(mvc.perform(post("/api/catalog/duty-list/import").with(admin()).with(csrf())
                        .contentType("text/csv").content((HEADER + "M09006,GRID,OFFICE,,,\n").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.entries").value(1))
                .andReturn());
        int draft = imported.get("version").get("number").asInt();
        mvc.perform(delete("/api/catalog/duty-list/versions/" + draft).with(admin()).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/catalog/duty-list/versions/" + draft).with(admin())).andExpect(status().isNotFound());
    }

    int versionCount() {
        return jdbc.sql("SELECT count(*) FROM catalog_duty_list_version").query(Integer.class).single();
    }

    // time limits

    @Test
    void theMostSpecificTimeLimitAppliesAndNamesItsRow() throws Exception {
        mvc.perform(get("/api/catalog/time-limits/resolve").param("category", "M09015").param("stage", "HANDLE")
                        .param("start", "2026-09-30T16:00").with(dispatcher()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(4))
                .andExpect(jsonPath("$.unit").value("WORKING_HOURS"))
                .andExpect(jsonPath("$.scope").value("M09"))
                .andExpect(jsonPath("$.matchedBy").value("MAJOR_CLASS"))
                .andExpect(jsonPath("$.ruleKey").value("TL-M09-NORMAL-HANDLE"))
                .andExpect(jsonPath("$.due").value("2026-10-08T03:00:00Z"));
        mvc.perform(get("/api/catalog/time-limits/resolve").param("category", "M09015").param("stage", "handle")
                        .param("urgency", "critical").with(dispatcher()))
                .andExpect(jsonPath("$.scope").value("*"))
                .andExpect(jsonPath("$.unit").value("MINUTES"));
        mvc.perform(get("/api/catalog/time-limits/resolve").param("category", "M09015").param("stage", "LATER").with(dispatcher()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("catalog.param.oneOf"));
    }

    @Test
    void anAdministratorSetsAndRemovesATimeLimitButNotTheDefaults() throws Exception {
        JsonNode set = read(mvc.perform(put("/api/catalog/time-limits").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"m09015\",\"urgency\":\"NORMAL\",\"stage\":\"HANDLE\",\"amount\":2,\"unit\":\"WORKING_DAYS\",\"note\":\"试行\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("M09015"))
                .andReturn());
        long id = set.get("id").asLong();
        mvc.perform(get("/api/catalog/time-limits/resolve").param("category", "M09015").param("stage", "HANDLE").with(dispatcher()))
                .andExpect(jsonPath("$.ruleId").value(id))
                .andExpect(jsonPath("$.matchedBy").value("CATEGORY"));
        mvc.perform(delete("/api/catalog/time-limits/" + id).with(admin()).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/catalog/time-limits/resolve").param("category", "M09015").param("stage", "HANDLE").with(dispatcher()))
                .andExpect(jsonPath("$.matchedBy").value("MAJOR_CLASS"));

        long defaultRow = jdbc.sql("SELECT id FROM catalog_time_limit WHERE scope = '*' AND urgency = 'NORMAL' AND stage = 'HANDLE'")
                .query(Long.class).single();
        mvc.perform(delete("/api/catalog/time-limits/" + defaultRow).with(admin()).with(csrf())).andExpect(status().isConflict());
        mvc.perform(put("/api/catalog/time-limits").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"Q1\",\"urgency\":\"NORMAL\",\"stage\":\"HANDLE\",\"amount\":2,\"unit\":\"WORKING_DAYS\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/catalog/time-limits").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"M77\",\"urgency\":\"NORMAL\",\"stage\":\"HANDLE\",\"amount\":2,\"unit\":\"WORKING_DAYS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("catalog.timeLimit.scopeUnknown"));
        mvc.perform(put("/api/catalog/time-limits").with(dispatcher()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"*\",\"urgency\":\"NORMAL\",\"stage\":\"HANDLE\",\"amount\":1,\"unit\":\"MINUTES\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/catalog/time-limits").with(dispatcher()))
                .andExpect(jsonPath("$[0].scope").value("*"));
    }

    // calendar

    @Test
    void theCalendarShowsTheSeededYearsAndTheProvisionalOne() throws Exception {
        mvc.perform(get("/api/catalog/calendar").param("year", "2026").with(dispatcher()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.workingHours[0]").value("08:30-12:00"))
                .andExpect(jsonPath("$.workingDayMinutes").value(450))
                .andExpect(jsonPath("$.years[0].year").value(2026))
                .andExpect(jsonPath("$.years[0].provisional").value(false))
                .andExpect(jsonPath("$.years[1].year").value(2027))
                .andExpect(jsonPath("$.years[1].provisional").value(true))
                .andExpect(jsonPath("$.days[0].date").value("2026-01-01"))
                .andExpect(jsonPath("$.days[3].kind").value("MAKEUP_WORKDAY"));
    }

    @Test
    void anAdministratorEditsDaysAndTheCalendarInMemoryFollows() throws Exception {
        LocalDate monday = LocalDate.parse("2030-03-04");
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        mvc.perform(put("/api/catalog/calendar/days/2030-03-04").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\",\"name\":\"临时停工\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weekday").value("MONDAY"));
        assertThat(calendar.isWorkingDay(monday)).isFalse();
        mvc.perform(get("/api/catalog/calendar/due").param("start", "2030-03-01T16:00").param("amount", "1")
                        .param("unit", "WORKING_DAYS").with(dispatcher()))
                .andExpect(jsonPath("$.due").value(LocalDateTime.parse("2030-03-05T16:00").atZone(WorkingCalendar.ZONE).toInstant().toString()));
        mvc.perform(get("/api/catalog/calendar").param("year", "2030").with(dispatcher()))
                .andExpect(jsonPath("$.years[2].year").value(2030))
                .andExpect(jsonPath("$.years[2].provisional").value(true));

        mvc.perform(delete("/api/catalog/calendar/days/2030-03-04").with(admin()).with(csrf())).andExpect(status().isNoContent());
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        mvc.perform(delete("/api/catalog/calendar/days/2030-03-04").with(admin()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(put("/api/catalog/calendar/days/2030-13-01").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/catalog/calendar/days/2030-03-04").with(dispatcher()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void workingHoursCanChangeButNotToNonsense() throws Exception {
        mvc.perform(put("/api/catalog/calendar/hours").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workingHours\":[\"09:00-12:00\",\"11:00-17:00\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("catalog.calendar.hoursInvalid"));
        mvc.perform(put("/api/catalog/calendar/hours").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workingHours\":[\"9-5\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("catalog.calendar.periodInvalid"));
        try {
            mvc.perform(put("/api/catalog/calendar/hours").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"workingHours\":[\"09:00-12:00\",\"14:00-18:00\"],\"weekend\":[\"SUNDAY\"]}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.workingDayMinutes").value(420));
            assertThat(calendar.isWorkingDay(LocalDate.parse("2030-03-02"))).as("a Saturday").isTrue();
        } finally {
            mvc.perform(put("/api/catalog/calendar/hours").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"workingHours\":[\"08:30-12:00\",\"13:30-17:30\"],\"weekend\":[\"SATURDAY\",\"SUNDAY\"]}"))
                    .andExpect(status().isOk());
        }
        assertThat(calendar.workingDayLength().toMinutes()).isEqualTo(450);
    }
}
