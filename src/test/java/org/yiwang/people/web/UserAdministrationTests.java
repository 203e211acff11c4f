package org.yiwang.people.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.PeopleIntegrationTest;
import org.yiwang.platform.IdNumberCipher;
import org.yiwang.platform.IdNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.yiwang.people.Fixtures.as;
import static org.yiwang.people.Fixtures.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PeopleIntegrationTest
class UserAdministrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    People people;
    @Autowired
    Organization organization;
    @Autowired
    IdNumberCipher cipher;

    final JsonMapper json = new JsonMapper();

    @Test
    void anAdminCreatesAUserWithHashedPasswordAndEncryptedIdNumber() throws Exception {
        String idNumber = IdNumbers.withCheckCharacter("32010419780808456");
        JsonNode created = read(create("""
                {"username":"Chen.Ming","displayName":"陈明","password":"chen-ming-2026","phone":"13811112222",
                 "idNumber":"%s","orgUnitId":%d,"roles":["dispatcher","leader"]}""".formatted(idNumber, fuzimiao()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost/api/people/users/")))
                .andExpect(jsonPath("$.username").value("chen.ming"))
                .andExpect(jsonPath("$.phone").value("13811112222"))
                .andExpect(jsonPath("$.idNumber").value(idNumber))
                .andExpect(jsonPath("$.orgUnit.name").value("夫子庙街道指挥中心")));
        long id = created.get("id").asLong();

        var row = jdbc.sql("SELECT password_hash, id_number_cipher FROM people_user WHERE id = :id").param("id", id)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getBytes(2)}).single();
        assertThat((String) row[0]).startsWith("{bcrypt}").doesNotContain("chen-ming-2026");
        byte[] sealed = (byte[]) row[1];
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14));
        assertThat(cipher.decrypt(sealed)).isEqualTo(idNumber);

        mvc.perform(get("/api/me").with(httpBasic("chen.ming", "chen-ming-2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.length()").value(2));
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        create("{\"username\":\"x\",\"displayName\":\"某人\",\"password\":\"long-enough\",\"orgUnitId\":%d,\"roles\":[\"HANDLER\"]}"
                .formatted(fuzimiao()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.username"))
                .andExpect(jsonPath("$.detail", containsString("username")));
        create("{\"username\":\"dispatcher\",\"displayName\":\"某人\",\"password\":\"long-enough\",\"orgUnitId\":%d,\"roles\":[\"HANDLER\"]}"
                .formatted(fuzimiao()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("people.error.usernameTaken"));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"long-enough\",\"orgUnitId\":%d,\"roles\":[\"MAYOR\"]}"
                .formatted(fuzimiao()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.roleUnknown"))
                .andExpect(jsonPath("$.detail", containsString("MAYOR")));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"long-enough\",\"orgUnitId\":987654,\"roles\":[\"HANDLER\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.orgUnitUnknown"));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"short\",\"orgUnitId\":%d,\"roles\":[\"HANDLER\"]}"
                .formatted(fuzimiao()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.passwordTooShort"))
                .andExpect(jsonPath("$.detail", containsString("password")));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"long-enough\",\"roles\":[\"HANDLER\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.orgUnitRequired"));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"long-enough\",\"idNumber\":\"320104197808084560\","
                + "\"orgUnitId\":%d,\"roles\":[\"HANDLER\"]}".formatted(fuzimiao()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.idNumber"));
        assertThat(people.findByUsername("someone")).isEmpty();
    }

    @Test
    void onlyAdministratorsCreateUsers() throws Exception {
        mvc.perform(post("/api/people/users").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"helper\",\"displayName\":\"帮手\",\"password\":\"long-enough\",\"orgUnitId\":%d,\"roles\":[\"ADMIN\"]}"
                                .formatted(fuzimiao())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("您无权进行此操作"));
    }

    @Test
    void anAdministratorChangesRolesWithOptimisticLocking() throws Exception {
        long id = read(create("""
                {"username":"zhou.jie","displayName":"周杰","password":"zhou-jie-2026","orgUnitId":%d,"roles":["GRID_WORKER"]}"""
                .formatted(fuzimiao())).andExpect(status().isCreated())).get("id").asLong();
        int version = read(mvc.perform(get("/api/people/users/{id}", id).with(as("admin")))).get("version").asInt();

        mvc.perform(patch("/api/people/users/{id}", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"GRID_WORKER\",\"COMMUNITY_STAFF\"],\"fullTimeGridWorker\":true,\"phone\":\"025-84561234\",\"version\":%d}"
                                .formatted(version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullTimeGridWorker").value(true))
                .andExpect(jsonPath("$.phone").value("025-84561234"))
                .andExpect(jsonPath("$.roles.length()").value(2));
        mvc.perform(patch("/api/people/users/{id}", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"周杰伦\",\"version\":%d}".formatted(version)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("error.concurrentChange"));
        mvc.perform(patch("/api/people/users/{id}", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullTimeGridWorker\":true,\"roles\":[\"HANDLER\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.fullTimeNeedsGridWorker"));
    }

    @Test
    void aDisabledUserCanNoLongerSignInNorUseTokens() throws Exception {
        long id = read(create("""
                {"username":"leaving.soon","displayName":"离职人员","password":"leaving-2026","orgUnitId":%d,"roles":["HANDLER"]}"""
                .formatted(urbanManagement())).andExpect(status().isCreated())).get("id").asLong();
        String token = read(mvc.perform(post("/api/me/tokens").with(httpBasic("leaving.soon", "leaving-2026"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"脚本\"}"))).get("token").asString();

        mvc.perform(post("/api/people/users/{id}/disable", id).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/api/people/users/{id}/disable", id).with(as("admin")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("people.error.alreadyDisabled"));

        mvc.perform(get("/api/me").with(httpBasic("leaving.soon", "leaving-2026")).with(from("10.50.0.1")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("people.auth.disabled"));
        // whoever lacks the password does not learn that the account is disabled
        mvc.perform(get("/api/me").with(httpBasic("leaving.soon", "a-guess-123")).with(from("10.50.0.1")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("people.auth.badCredentials"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token).with(from("10.50.0.1")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("people.auth.invalidToken"));

        mvc.perform(post("/api/people/users/{id}/enable", id).with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/me").with(httpBasic("leaving.soon", "leaving-2026"))).andExpect(status().isOk());
    }

    @Test
    void administratorsCannotDisableThemselves() throws Exception {
        long admin = people.findByUsername("admin").orElseThrow().id();
        mvc.perform(post("/api/people/users/{id}/disable", admin).with(as("admin")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("people.error.cannotDisableSelf"));
    }

    @Test
    void passwordsAreResetByAnAdminOrChangedByTheirOwner() throws Exception {
        long id = read(create("""
                {"username":"forgetful","displayName":"健忘","password":"first-password","orgUnitId":%d,"roles":["LEADER"]}"""
                .formatted(fuzimiao())).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(put("/api/people/users/{id}/password", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"second-password\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic("forgetful", "first-password")).with(from("10.50.1.1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/me/password").with(httpBasic("forgetful", "second-password")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong-one\",\"newPassword\":\"third-password\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.currentPasswordWrong"));
        mvc.perform(put("/api/me/password").with(httpBasic("forgetful", "second-password")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"second-password\",\"newPassword\":\"third-password\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic("forgetful", "third-password"))).andExpect(status().isOk());
    }

    @Test
    void administratorsAddDepartmentsWithinTheirScope() throws Exception {
        long qinhuai = organization.officeOf("320104").orElseThrow().id();
        mvc.perform(post("/api/people/org-units").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":%d,\"kind\":\"DEPARTMENT\",\"departmentType\":\"LANDSCAPING\",\"name\":\"秦淮区园林绿化中心\"}"
                                .formatted(qinhuai)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.divisionCode").value("320104"))
                .andExpect(jsonPath("$.departmentType").value("LANDSCAPING"));
        mvc.perform(post("/api/people/org-units").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":%d,\"kind\":\"DEPARTMENT\",\"departmentType\":\"LANDSCAPING\",\"name\":\"秦淮区园林绿化中心\"}"
                                .formatted(qinhuai)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("people.error.orgUnitNameTaken"));
        mvc.perform(post("/api/people/org-units").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":%d,\"kind\":\"DIVISION\",\"divisionCode\":\"320104\",\"name\":\"重复\"}"
                                .formatted(qinhuai)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.divisionNotBelowParent"));
        mvc.perform(post("/api/people/org-units").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":%d,\"kind\":\"DEPARTMENT\",\"departmentType\":\"OTHER\",\"name\":\"领导小组\"}"
                                .formatted(qinhuai)))
                .andExpect(status().isForbidden());
    }

    ResultActions create(String body) throws Exception {
        return mvc.perform(post("/api/people/users").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long fuzimiao() {
        return organization.officeOf("320104002").orElseThrow().id();
    }

    long urbanManagement() {
        return organization.department("320104", DepartmentType.URBAN_MANAGEMENT).orElseThrow().id();
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
