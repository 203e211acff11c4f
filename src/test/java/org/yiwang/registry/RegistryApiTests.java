package org.yiwang.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.PersonalDataAccess;
import org.yiwang.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.yiwang.registry.RegistryApi.FUZIMIAO;
import static org.yiwang.registry.RegistryApi.HONGHUA;
import static org.yiwang.registry.RegistryApi.idNumber;

/** The registers through the JSON API: scope, masking, the audited show, special groups, bad input. */
@RegistrySpringTest
class RegistryApiTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired JdbcClient jdbc;
    @Autowired PersonalDataAccess access;

    RegistryApi api;

    @BeforeEach
    void demoUsersOfQinhuai() {
        api = new RegistryApi(mvc, json, users, grids, locator);
    }

    @Test
    void workerRegistersAPersonAndSeesIdAndPhoneMasked() throws Exception {
        String id = idNumber("19450302", true);
        long person = api.personIn("dispatcher", FUZIMIAO, "张建国", id, "13912340001", List.of("LIVING_ALONE_ELDERLY"));

        JsonNode detail = api.get("dispatcher", "/api/registry/people/" + person, 200).get("person");
        assertThat(detail.get("name").asString()).isEqualTo("张建国");
        assertThat(detail.get("idNumber").asString()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(detail.get("phone").asString()).isEqualTo("139****0001");
        assertThat(detail.get("gender").asString()).isEqualTo("MALE");
        assertThat(detail.get("tags").get(0).asString()).isEqualTo("LIVING_ALONE_ELDERLY");
        assertThat(detail.get("visitEvery").asString()).isEqualTo("P7D");
        String stored = jdbc.sql("select concat_ws('|', name, phone, id_masked, encode(id_cipher, 'escape'), encode(id_hash, 'hex')) from registry_person where id = :id")
                .param("id", person).query(String.class).single();
        assertThat(stored).doesNotContain(id).doesNotContain(id.substring(6, 14));
    }

    @Test
    void showingTheNumbersNeedsAReasonAndIsRecordedForTheAdministrator() throws Exception {
        String id = idNumber("19800515", false);
        long person = api.personIn("dispatcher", FUZIMIAO, "李秀英", id, "13912340002", List.of());

        JsonNode refused = api.post("dispatcher", "/api/registry/people/" + person + "/reveal", Map.of("reason", " "), 400);
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        JsonNode shown = api.post("dispatcher", "/api/registry/people/" + person + "/reveal", Map.of("reason", "入户走访核实"), 200);
        assertThat(shown.get("idNumber").asString()).isEqualTo(id);
        assertThat(shown.get("phone").asString()).isEqualTo("13912340002");

        Actor admin = new Actor(1, "admin", "admin", Set.of(Role.ADMIN), null, null, DataScope.everything(), true);
        PersonalDataAccess.Shown record = access.recent(admin, "dispatcher", 0, 50).stream()
                .filter(s -> s.id() == shown.get("accessId").asLong()).findFirst().orElseThrow();
        assertThat(record.subjectType()).isEqualTo("registry-person");
        assertThat(record.subjectId()).isEqualTo(String.valueOf(person));
        assertThat(record.reason()).isEqualTo("入户走访核实");
        assertThat(record.districtCode()).isEqualTo("320104");
        assertThat(record.fields()).containsExactly("idNumber", "phone");
    }

    @Test
    void theNeighbouringStreetNeitherSeesNorWritesThePerson() throws Exception {
        String id = idNumber("19900101", true);
        long person = api.personIn("dispatcher", FUZIMIAO, "王强", id, "13912340003", List.of());

        api.get("dispatcher-honghua", "/api/registry/people/" + person, 404);
        api.post("dispatcher-honghua", "/api/registry/people/" + person + "/reveal", Map.of("reason", "核实"), 404);
        JsonNode found = api.get("dispatcher-honghua", "/api/registry/people?idNumber=" + id, 200);
        assertThat(found.get("items")).isEmpty();
        assertThat(api.get("dispatcher", "/api/registry/people?idNumber=" + id, 200).get("items")).hasSize(1);
        JsonNode outside = api.post("dispatcher-honghua", "/api/registry/buildings", Map.of("name", "越界楼", "address", "越界楼",
                "lon", api.pointIn(FUZIMIAO).getX(), "lat", api.pointIn(FUZIMIAO).getY(), "floors", 3), 400);
        assertThat(outside.get("detail").asString()).contains("lon");
    }

    @Test
    void rolesWithoutRegistersAreRefused() throws Exception {
        api.get("handler", "/api/registry/people", 403);
        api.get("resident", "/api/registry/people", 403);
    }

    @Test
    void searchFindsByNamePrefixExactIdPhoneAddressTagAndGrid() throws Exception {
        String id = idNumber("19380808", false);
        long building = api.building("community", api.firstGrid(FUZIMIAO).substring(0, 12), "贡院街99号");
        long house = api.house("community", building, "2-202");
        long person = api.post("community", "/api/registry/people",
                api.person(house, "欧阳淑芬", id, "025-52201234", List.of("ADVANCED_AGE", "DISABLED")), 201).get("id").asLong();

        for (String query : List.of("name=欧阳淑", "idNumber=" + id.toLowerCase(), "phone=02552201234", "address=贡院街99",
                "tag=DISABLED&name=欧阳", "grid=" + api.firstGrid(FUZIMIAO).substring(0, 12) + "&name=欧阳淑芬")) {
            JsonNode items = api.get("community", "/api/registry/people?" + query, 200).get("items");
            assertThat(items).as(query).anySatisfy(p -> assertThat(p.get("id").asLong()).isEqualTo(person));
        }
        assertThat(api.get("community", "/api/registry/people?name=欧阳淑芳", 200).get("items")).isEmpty();
        JsonNode house0 = api.get("community", "/api/registry/buildings/" + building, 200).get("houses").get(0);
        assertThat(house0.get("people").asInt()).isEqualTo(1);
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        long building = api.building("dispatcher", FUZIMIAO, "金沙井" + System.nanoTime());
        long house = api.house("dispatcher", building, "1");
        Map<String, Object> body = new HashMap<>(api.person(house, "赵六", "320104199001011234", "13912340004", List.of()));
        assertThat(api.post("dispatcher", "/api/registry/people", body, 400).get("detail").asString()).contains("idNumber");
        body.put("idNumber", idNumber("19900101", true));
        body.put("residence", "MARTIAN");
        assertThat(api.post("dispatcher", "/api/registry/people", body, 400).get("detail").asString()).contains("residence");
        body.put("residence", "FLOATING");
        body.put("tags", List.of("NOT_A_TAG"));
        assertThat(api.post("dispatcher", "/api/registry/people", body, 400).get("detail").asString()).contains("tags");
        body.put("tags", List.of());
        body.put("phone", "12345");
        assertThat(api.post("dispatcher", "/api/registry/people", body, 400).get("detail").asString()).contains("phone");
        body.put("phone", null);
        body.put("birthDate", "1991-01-01");
        assertThat(api.post("dispatcher", "/api/registry/people", body, 400).get("detail").asString()).contains("birthDate");
        assertThat(api.post("dispatcher", "/api/registry/houses", Map.of("buildingId", building, "room", "1", "use", "RESIDENTIAL",
                "occupancy", "VACANT"), 400).get("detail").asString()).contains("room");
        assertThat(api.post("dispatcher", "/api/registry/businesses", Map.of("name", "老门东茶社", "creditCode", "91320104MA1XXXXXX0",
                "contactName", "钱七", "contactPhone", "13912340005", "risk", "LOW", "address", "箍桶巷1号",
                "lon", api.pointIn(FUZIMIAO).getX(), "lat", api.pointIn(FUZIMIAO).getY()), 400).get("detail").asString()).contains("creditCode");
        assertThat(api.get("dispatcher", "/api/registry/people?size=100000", 400).get("detail").asString()).contains("size");
        long count = jdbc.sql("select count(*) from registry_person where house_id = :h").param("h", house).query(Long.class).single();
        assertThat(count).isZero();
    }

    @Test
    void specialGroupsAreOnlyForTheRolesThatNeedThem() throws Exception {
        String id = idNumber("19751111", true);
        long person = api.personIn("community", FUZIMIAO.length() == 9 ? api.firstGrid(FUZIMIAO).substring(0, 12) : FUZIMIAO,
                "孙某", id, null, List.of("COMMUNITY_CORRECTION", "VETERAN"));

        JsonNode seenByCommunity = api.get("community", "/api/registry/people/" + person, 200).get("person");
        assertThat(seenByCommunity.get("tags").toString()).contains("COMMUNITY_CORRECTION", "VETERAN");
        JsonNode seenByGridWorker = api.get("gridworker", "/api/registry/people/" + person, 200).get("person");
        assertThat(seenByGridWorker.get("tags").toString()).contains("VETERAN").doesNotContain("COMMUNITY_CORRECTION");
        api.get("gridworker", "/api/registry/people?tag=COMMUNITY_CORRECTION", 403);

        // the grid worker edits the person without seeing the special tag: it stays
        Map<String, Object> edit = new HashMap<>(api.person(seenByGridWorker.get("houseId").asLong(), "孙某某", id, "13912340006", List.of("VETERAN")));
        api.send("gridworker", put("/api/registry/people/" + person), edit, 200);
        String tags = jdbc.sql("select array_to_string(tags, ',') from registry_person where id = :id").param("id", person).query(String.class).single();
        assertThat(tags).isEqualTo("VETERAN,COMMUNITY_CORRECTION");
        edit.put("tags", List.of("DRUG_USER"));
        api.send("gridworker", put("/api/registry/people/" + person), edit, 403);

        // the history shows a special tag's change only to the roles that see special groups
        edit.put("tags", List.of("VETERAN", "DISABLED", "COMMUNITY_CORRECTION", "DRUG_USER"));
        api.send("community", put("/api/registry/people/" + person), edit, 200);
        assertThat(api.get("community", "/api/registry/people/" + person, 200).get("history").toString()).contains("DRUG_USER");
        String gridWorkersHistory = api.get("gridworker", "/api/registry/people/" + person, 200).get("history").toString();
        assertThat(gridWorkersHistory).contains("DISABLED").doesNotContain("DRUG_USER").doesNotContain("COMMUNITY_CORRECTION");
    }

    @Test
    void deletingAPersonNeedsAReasonAndEveryChangeIsInTheHistory() throws Exception {
        String id = idNumber("19601010", false);
        long person = api.personIn("dispatcher", FUZIMIAO, "周桂英", id, "13912340007", List.of());
        long house = api.get("dispatcher", "/api/registry/people/" + person, 200).get("person").get("houseId").asLong();
        api.send("dispatcher", put("/api/registry/people/" + person),
                api.person(house, "周桂英", id, "13912340008", List.of("EMPTY_NEST_ELDERLY")), 200);

        JsonNode history = api.get("dispatcher", "/api/registry/people/" + person, 200).get("history");
        assertThat(history.toString()).contains("CREATED", "\"field\":\"phone\"", "139****0007", "139****0008", "EMPTY_NEST_ELDERLY")
                .doesNotContain("13912340007");
        assertThat(history.get(0).get("username").asString()).isEqualTo("dispatcher");

        api.send("dispatcher", delete("/api/registry/people/" + person), Map.of("reason", ""), 400);
        api.send("dispatcher", delete("/api/registry/people/" + person), Map.of("reason", "已迁出本区"), 204);
        api.get("dispatcher", "/api/registry/people/" + person, 404);
        assertThat(api.get("dispatcher", "/api/registry/people?idNumber=" + id, 200).get("items")).isEmpty();
        String reason = jdbc.sql("select deleted_reason from registry_person where id = :id").param("id", person).query(String.class).single();
        assertThat(reason).isEqualTo("已迁出本区");
        // the same person may be registered again once the old record is deleted
        api.personIn("dispatcher", FUZIMIAO, "周桂英", id, null, List.of());
    }

    @Test
    void businessContactIsMaskedUntilShownWithAReason() throws Exception {
        var p = api.pointIn(FUZIMIAO);
        String credit = Fields.withCreditCheck("91320104MA1" + String.format("%06d", System.nanoTime() % 1_000_000).replace('0', 'A'));
        long id = api.post("dispatcher", "/api/registry/businesses", Map.of("name", "老门东茶社" + credit, "creditCode", credit,
                "licences", "食品经营许可证", "contactName", "钱小七", "contactPhone", "13912340009", "risk", "MEDIUM",
                "address", "箍桶巷1号", "lon", p.getX(), "lat", p.getY()), 201).get("id").asLong();
        JsonNode row = api.get("dispatcher", "/api/registry/businesses?name=老门东茶社" + credit, 200).get("items").get(0);
        assertThat(row.get("contactPhone").asString()).isEqualTo("139****0009");
        assertThat(row.get("contactName").asString()).isEqualTo("钱**");
        JsonNode shown = api.post("dispatcher", "/api/registry/businesses/" + id + "/reveal", Map.of("reason", "安全检查预约"), 200);
        assertThat(shown.get("contactPhone").asString()).isEqualTo("13912340009");
        api.post("dispatcher", "/api/registry/businesses", Map.of("name", "重复", "creditCode", credit, "contactName", "某",
                "contactPhone", "13912340010", "risk", "LOW", "address", "x", "lon", p.getX(), "lat", p.getY()), 400);
    }

    @Test
    void componentsComeFromTheCatalog() throws Exception {
        var p = api.pointIn(FUZIMIAO);
        JsonNode created = api.post("dispatcher", "/api/registry/components", Map.of("categoryCode", "C01001", "identifier",
                "JG-" + System.nanoTime(), "owner", "南京水务集团", "lon", p.getX(), "lat", p.getY()), 201);
        assertThat(created.get("categoryName").asString()).isEqualTo("供水井盖");
        assertThat(api.post("dispatcher", "/api/registry/components", Map.of("categoryCode", "M01001", "identifier", "x",
                "owner", "x", "lon", p.getX(), "lat", p.getY()), 400).get("detail").asString()).contains("categoryCode");
    }
}
