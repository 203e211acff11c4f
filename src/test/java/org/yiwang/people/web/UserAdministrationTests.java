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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
                {"username":"Chen.Ming","displayName":"陈明","password":"Opal-Thistle-Drum-3","phone":"13811112222",
                 "idNumber":"%s","orgUnitId":%d,"roles":["dispatcher","leader"]}""".formatted(idNumber, fuzimiao()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost/api/people/users/")))
                .andExpect(jsonPath("$.username").value("chen.ming"))
                .andExpect(jsonPath("$.phone").value("138****2222"))
                .andExpect(jsonPath("$.idNumber").value(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .andExpect(jsonPath("$.orgUnit.name").value("夫子庙街道指挥中心")));
        long id = created.get("id").asLong();
        mvc.perform(post("/api/people/users/{id}/personal-data", id).with(as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核对新账号信息\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("13811112222"))
                .andExpect(jsonPath("$.idNumber").value(idNumber));

        var row = jdbc.sql("SELECT password_hash, id_number_cipher FROM people_user WHERE id = :id").param("id", id)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getBytes(2)}).single();
        assertThat((String) row[0]).startsWith("{bcrypt}").doesNotContain("Opal-Thistle-Drum-3");
        byte[] sealed = (byte[]) row[1];
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14));
        assertThat(cipher.decrypt(sealed)).isEqualTo(idNumber);

        mvc.perform(get("/api/me").with(httpBasic("chen.ming", "Opal-Thistle-Drum-3")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.length()").value(2));
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        create("{\"username\":\"x\",\"displayName\":\"某人\",\"password\":\"Larch-Quiver-42x\",\"orgUnitId\":%d,\"roles\":[\"HANDLER\"]}"
                .formatted(fuzimiao()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.username"))
                .andExpect(jsonPath("$.detail", containsString("username")));
        create("{\"username\":\"dispatcher\",\"displayName\":\"某人\",\"password\":\"Larch-Quiver-42x\",\"orgUnitId\":%d,\"roles\":[\"HANDLER\"]}"
                .formatted(fuzimiao()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("people.error.usernameTaken"));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"Larch-Quiver-42x\",\"orgUnitId\":%d,\"roles\":[\"MAYOR\"]}"
                .formatted(fuzimiao()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.roleUnknown"))
                .andExpect(jsonPath("$.detail", containsString("MAYOR")));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"Larch-Quiver-42x\",\"orgUnitId\":987654,\"roles\":[\"HANDLER\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.orgUnitUnknown"));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"short\",\"orgUnitId\":%d,\"roles\":[\"HANDLER\"]}"
                .formatted(fuzimiao()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.passwordTooShort"))
                .andExpect(jsonPath("$.detail", containsString("password")));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"Larch-Quiver-42x\",\"roles\":[\"HANDLER\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.orgUnitRequired"));
        create("{\"username\":\"someone\",\"displayName\":\"某人\",\"password\":\"Larch-Quiver-42x\",\"idNumber\":\"320104197808084560\","
                + "\"orgUnitId\":%d,\"roles\":[\"HANDLER\"]}".formatted(fuzimiao()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.idNumber"));
        assertThat(people.findByUsername("someone")).isEmpty();
    }

    @Test
    void onlyAdministratorsCreateUsers() throws Exception {
        mvc.perform(post("/api/people/users").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"helper\",\"displayName\":\"帮手\",\"password\":\"Larch-Quiver-42x\",\"orgUnitId\":%d,\"roles\":[\"ADMIN\"]}"
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
                .andExpect(jsonPath("$.phone").value("025*****1234"))
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
                {"username":"leaving.soon","displayName":"离职人员","password":"Leaving-Kestrel-Moss","orgUnitId":%d,"roles":["HANDLER"]}"""
                .formatted(urbanManagement())).andExpect(status().isCreated())).get("id").asLong();
        String token = read(mvc.perform(post("/api/me/tokens").with(httpBasic("leaving.soon", "Leaving-Kestrel-Moss"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"脚本\"}"))).get("token").asString();

        mvc.perform(post("/api/people/users/{id}/disable", id).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/api/people/users/{id}/disable", id).with(as("admin")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("people.error.alreadyDisabled"));

        mvc.perform(get("/api/me").with(httpBasic("leaving.soon", "Leaving-Kestrel-Moss")).with(from("10.50.0.1")))
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
        mvc.perform(get("/api/me").with(httpBasic("leaving.soon", "Leaving-Kestrel-Moss"))).andExpect(status().isOk());
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
                {"username":"forgetful","displayName":"健忘","password":"Pine-Cobalt-Heron","orgUnitId":%d,"roles":["LEADER"]}"""
                .formatted(fuzimiao())).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(put("/api/people/users/{id}/password", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"Quartz-Lynx-Meadow\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic("forgetful", "Pine-Cobalt-Heron")).with(from("10.50.1.1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/me/password").with(httpBasic("forgetful", "Quartz-Lynx-Meadow")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong-one\",\"newPassword\":\"Saffron-Otter-Vale\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.currentPasswordWrong"));
        mvc.perform(put("/api/me/password").with(httpBasic("forgetful", "Quartz-Lynx-Meadow")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Quartz-Lynx-Meadow\",\"newPassword\":\"Saffron-Otter-Vale\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic("forgetful", "Saffron-Otter-Vale"))).andExpect(status().isOk());
    }

    @Test
    void guessablePasswordsAreRefusedWhereverAPasswordIsSet() throws Exception {
        create("""
                {"username":"weak.one","displayName":"弱口令","password":"resident123","orgUnitId":%d,"roles":["HANDLER"]}"""
                .formatted(fuzimiao()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.passwordGuessable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("字段“password”（密码）：该密码太容易被猜中")));
        long id = read(create("""
                {"username":"strong.one","displayName":"强口令","password":"Opal-Thistle-Drum-3","orgUnitId":%d,"roles":["HANDLER"]}"""
                .formatted(fuzimiao())).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(put("/api/people/users/{id}/password", id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("{\"password\":\"aaaaaaaa\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.passwordGuessable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Field \"password\": this password is too easy to guess")));
        mvc.perform(put("/api/me/password").with(httpBasic("strong.one", "Opal-Thistle-Drum-3")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Opal-Thistle-Drum-3\",\"newPassword\":\"password\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("people.error.passwordGuessable"));
        mvc.perform(get("/api/me").with(httpBasic("strong.one", "Opal-Thistle-Drum-3"))).andExpect(status().isOk());
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
