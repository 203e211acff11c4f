package org.yiwang.people.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.PeopleIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.yiwang.people.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who sees which users, and how much of their personal data. */
@PeopleIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UserScopeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Organization organization;

    final JsonMapper json = new JsonMapper();

    @Test
    void aStreetDispatcherSeesOnlyUsersOfTheirStreet() throws Exception {
        JsonNode page = read(mvc.perform(get("/api/people/users").param("size", "200").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].orgUnit.divisionCode", everyItem(startsWith("320104002"))))
                .andExpect(jsonPath("$.items[*].username", hasItem("dispatcher")))
                .andExpect(jsonPath("$.items[*].username", hasItem("gridworker")))
                .andExpect(jsonPath("$.items[*].username", hasItem("community")))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("dispatcher-honghua"))))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("handler"))))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("leader"))))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("admin"))))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("resident")))));
        assertThat(page.get("total").asLong()).isGreaterThan(3);
    }

    @Test
    void aStreetDispatcherCannotReadAUserOfAnotherStreet() throws Exception {
        long honghua = people.findByUsername("dispatcher-honghua").orElseThrow().id();
        mvc.perform(get("/api/people/users/{id}", honghua).with(as("dispatcher")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("people.error.userNotFound"));
        mvc.perform(get("/api/people/users/{id}", honghua).with(as("dispatcher-honghua")))
                .andExpect(status().isOk());
    }

    @Test
    void aStreetDispatcherCannotChangeAnyUser() throws Exception {
        long honghua = people.findByUsername("dispatcher-honghua").orElseThrow().id();
        long gridworker = people.findByUsername("gridworker").orElseThrow().id();
        for (long id : new long[]{honghua, gridworker}) {
            mvc.perform(patch("/api/people/users/{id}", id).with(as("dispatcher"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"改名\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/people/users/{id}/disable", id).with(as("dispatcher")))
                    .andExpect(status().isForbidden());
            mvc.perform(put("/api/people/users/{id}/password", id).with(as("dispatcher"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Copper-Mantis-Fjord\"}"))
                    .andExpect(status().isForbidden());
        }
        assertThat(people.find(honghua).orElseThrow().displayName()).isNotEqualTo("改名");
    }

    @Test
    void aHandlerSeesNoUsersOfOtherDepartments() throws Exception {
        long market = organization.department("320104", DepartmentType.MARKET_REGULATION).orElseThrow().id();
        long urban = organization.department("320104", DepartmentType.URBAN_MANAGEMENT).orElseThrow().id();
        String created = mvc.perform(post("/api/people/users").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"market-inspector","displayName":"孙丽","password":"Wren-Basalt-Oboe-9",
                                 "orgUnitId":%d,"roles":["HANDLER"]}""".formatted(market)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long inspector = json.readTree(created).get("id").asLong();

        mvc.perform(get("/api/people/users").param("size", "200").with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].orgUnit.id", everyItem(org.hamcrest.Matchers.is((int) urban))))
                .andExpect(jsonPath("$.items[*].username", hasItem("handler")))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("market-inspector"))));
        mvc.perform(get("/api/people/users/{id}", inspector).with(as("handler"))).andExpect(status().isNotFound());
        // the district leader sees both departments
        mvc.perform(get("/api/people/users/{id}", inspector).with(as("leader"))).andExpect(status().isOk());
    }

    @Test
    void phoneAndIdNumbersAreMaskedForEveryoneButTheOwnerAndShownToAnAdministratorOnlyWithAReason() throws Exception {
        long gridworker = people.findByUsername("gridworker").orElseThrow().id();
        JsonNode seenByDispatcher = read(mvc.perform(get("/api/people/users/{id}", gridworker).with(as("dispatcher")))
                .andExpect(status().isOk()));
        JsonNode maskedForAdmin = read(mvc.perform(get("/api/people/users/{id}", gridworker).with(as("admin")))
                .andExpect(status().isOk()));
        mvc.perform(post("/api/people/users/{id}/personal-data", gridworker).with(as("dispatcher")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"回访\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/people/users/{id}/personal-data", gridworker).with(as("admin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}")).andExpect(status().isBadRequest());
        JsonNode seenByAdmin = read(mvc.perform(post("/api/people/users/{id}/personal-data", gridworker).with(as("admin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核对网格员联系方式\"}")).andExpect(status().isOk()));
        assertThat(maskedForAdmin.get("phone").asString()).isEqualTo(seenByDispatcher.get("phone").asString());
        JsonNode seenBySelf = read(mvc.perform(get("/api/me").with(as("gridworker"))).andExpect(status().isOk()));

        String phone = seenByAdmin.get("phone").asString();
        String idNumber = seenByAdmin.get("idNumber").asString();
        assertThat(phone).matches("1[3-9][0-9]{9}");
        assertThat(idNumber).matches("[0-9]{17}[0-9X]");
        assertThat(seenByDispatcher.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(seenByDispatcher.get("idNumber").asString()).isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        assertThat(seenBySelf.get("phone").asString()).isEqualTo(phone);
        assertThat(seenBySelf.get("idNumber").asString()).isEqualTo(idNumber);

        String list = mvc.perform(get("/api/people/users").param("q", "gridworker").with(as("dispatcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(phone).doesNotContain(idNumber).contains(phone.substring(7));
    }

    @Test
    void personalDataNeverReachesTheLogUnmasked(CapturedOutput output) throws Exception {
        long community = people.findByUsername("community").orElseThrow().orgUnitId();
        mvc.perform(post("/api/people/users").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"log-check","displayName":"吴刚","password":"Quill-Nectar-Jib-7",
                                 "phone":"13987654321","idNumber":"%s","orgUnitId":%d,"roles":["COMMUNITY_STAFF"]}"""
                                .formatted(org.yiwang.platform.IdNumbers.withCheckCharacter("32010419900101123"), community)))
                .andExpect(status().isCreated());
        assertThat(output.getOut()).contains("created user log-check").contains("139****4321")
                .doesNotContain("13987654321").doesNotContain("3201041990010112");
    }

    @Test
    void orgUnitsAreListedWithinTheCallersTerritory() throws Exception {
        mvc.perform(get("/api/people/org-units").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].divisionCode", everyItem(startsWith("320104002"))))
                .andExpect(jsonPath("$[*].name", hasItem("夫子庙街道指挥中心")))
                .andExpect(jsonPath("$[0].department").doesNotExist());
        mvc.perform(get("/api/people/org-units").param("kind", "DEPARTMENT").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].departmentType", hasItem("URBAN_MANAGEMENT")))
                .andExpect(jsonPath("$[*].kind", everyItem(org.hamcrest.Matchers.is("DEPARTMENT"))));
        long honghuaUnit = people.findByUsername("dispatcher-honghua").orElseThrow().orgUnitId();
        mvc.perform(get("/api/people/org-units/{id}", honghuaUnit).with(as("dispatcher"))).andExpect(status().isNotFound());
    }

    @Test
    void listsFilterByRoleAndOrgUnitAndPage() throws Exception {
        long unit = people.findByUsername("gridworker").orElseThrow().orgUnitId();
        mvc.perform(get("/api/people/users").param("role", "grid_worker").param("orgUnitId", String.valueOf(unit))
                        .param("size", "2").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items[*].roles[*]", everyItem(org.hamcrest.Matchers.is("GRID_WORKER"))))
                .andExpect(jsonPath("$.items[*].orgUnit.id", everyItem(org.hamcrest.Matchers.is((int) unit))));
        mvc.perform(get("/api/people/users").param("role", "MAYOR").with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.roleUnknown"));
        mvc.perform(get("/api/people/users").param("size", "1000").with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.pageSize"));
    }

    JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
