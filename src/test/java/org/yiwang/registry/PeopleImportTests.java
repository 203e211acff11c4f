package org.yiwang.registry;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.yiwang.registry.RegistryApi.FUZIMIAO;
import static org.yiwang.registry.RegistryApi.idNumber;

/** 人口导入 and 导出: good and bad rows under both policies, CSV and Excel. */
@RegistrySpringTest
class PeopleImportTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired JdbcClient jdbc;

    RegistryApi api;
    String address;

    @BeforeEach
    void aBuildingOfFuzimiao() throws Exception {
        api = new RegistryApi(mvc, json, users, grids, locator);
        address = "瞻园路" + System.nanoTime() + "号";
        api.building("dispatcher", FUZIMIAO, address);
    }

    String csv(String goodId1, String goodId2) {
        return "\uFEFF楼栋地址,房屋,姓名,身份证号,性别,联系电话,人口类型,与户主关系,标签\r\n"
                + address + ",1-101,陈国华," + goodId1 + ",男,13912341001,户籍,户主,LIVING_ALONE_ELDERLY;VETERAN\r\n"
                + address + ",1-101,\"陈, 淑贞\"," + idNumber("19420203", false) + ",女,13912341002,户籍,SPOUSE,\r\n"
                + address + ",1-102,无效号," + "320104194202031234" + ",女,,户籍,HOUSEHOLDER,\r\n"
                + "不存在的路1号,1-101,某某," + idNumber("19700101", true) + ",男,,户籍,HOUSEHOLDER,\r\n"
                + address + ",1-103,林小明," + goodId2 + ",男,,流动,TENANT,NOT_A_TAG\r\n";
    }

    JsonNode upload(String name, byte[] content, String policy, int expected) throws Exception {
        return api.call(multipart("/api/registry/people/import").file(new MockMultipartFile("file", name, "text/csv", content))
                .param("policy", policy).with(api.as("dispatcher")), expected);
    }

    long stored() {
        return jdbc.sql("""
                        select count(*) from registry_person p join registry_house h on h.id = p.house_id
                        join registry_building b on b.id = h.building_id where b.address = :a""")
                .param("a", address).query(Long.class).single();
    }

    @Test
    void allOrNothingStoresNothingWhenARowIsBadAndNamesEachLineAndField() throws Exception {
        JsonNode report = upload("people.csv", csv(idNumber("19400101", true), idNumber("19950505", true)).getBytes(StandardCharsets.UTF_8),
                "ALL_OR_NOTHING", 200);
        assertThat(report.get("rows").asLong()).isEqualTo(5);
        assertThat(report.get("imported").asLong()).isZero();
        assertThat(report.get("problems")).hasSize(3);
        assertThat(report.get("problems").get(0).get("line").asLong()).isEqualTo(4);
        assertThat(report.get("problems").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(report.get("problems").get(1).get("line").asLong()).isEqualTo(5);
        assertThat(report.get("problems").get(1).get("field").asString()).isEqualTo("address");
        assertThat(report.get("problems").get(2).get("field").asString()).isEqualTo("tags");
        assertThat(report.get("problems").get(2).get("message").asString()).contains("NOT_A_TAG");
        assertThat(stored()).isZero();
    }

    @Test
    void perRowStoresExactlyTheGoodRows() throws Exception {
        String first = idNumber("19400101", true);
        JsonNode report = upload("people.csv", csv(first, idNumber("19950505", true)).getBytes(StandardCharsets.UTF_8), "PER_ROW", 200);
        assertThat(report.get("imported").asLong()).isEqualTo(2);
        assertThat(report.get("problems")).hasSize(3);
        assertThat(stored()).isEqualTo(2);
        JsonNode found = api.get("dispatcher", "/api/registry/people?idNumber=" + first, 200).get("items").get(0);
        assertThat(found.get("tags").toString()).contains("LIVING_ALONE_ELDERLY", "VETERAN");
        assertThat(found.get("relation").asString()).isEqualTo("HOUSEHOLDER");

        // the same file again: the two good rows are now duplicates, nothing is stored twice
        JsonNode again = upload("people.csv", csv(first, idNumber("19950505", true)).getBytes(StandardCharsets.UTF_8), "PER_ROW", 200);
        assertThat(again.get("problems").toString()).contains("idNumber");
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void excelWorkbooksImportLikeCsv() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("人口");
            List<List<String>> rows = List.of(List.of("address", "room", "name", "idNumber", "phone", "residence"),
                    List.of(address, "3-301", "吴桂兰", idNumber("19360606", false), "13912341003", "REGISTERED"),
                    List.of(address, "3-301", "坏行", "abc", "", "REGISTERED"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(bytes);
        }
        JsonNode report = upload("people.xlsx", bytes.toByteArray(), "PER_ROW", 200);
        assertThat(report.get("imported").asLong()).isEqualTo(1);
        assertThat(report.get("problems").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotATableOrLacksColumnsIsA400() throws Exception {
        upload("people.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), "PER_ROW", 400);
        assertThat(upload("people.csv", "name,phone\n张三,13912345678\n".getBytes(StandardCharsets.UTF_8), "PER_ROW", 400)
                .get("detail").asString()).contains("address");
        upload("people.csv", csv(idNumber("19400101", true), idNumber("19950505", true)).getBytes(StandardCharsets.UTF_8), "SOMETIMES", 400);
        assertThat(stored()).isZero();
    }

    @Test
    void exportListsTheSearchMasked() throws Exception {
        String id = idNumber("19480909", true);
        upload("people.csv", ("address,room,name,idNumber,phone,residence\n" + address + ",9-901,=HYPERLINK(\"x\")," + id
                + ",13912341004,REGISTERED\n").getBytes(StandardCharsets.UTF_8), "PER_ROW", 200);
        String body = mvc.perform(get("/api/registry/people/export.csv").param("address", address).with(api.as("dispatcher")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("139****1004", id.substring(0, 6) + "********" + id.substring(14), "\"'=HYPERLINK(\"\"x\"\")\"")
                .doesNotContain(id).doesNotContain("13912341004");
    }
}
