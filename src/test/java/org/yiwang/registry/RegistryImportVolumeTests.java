package org.yiwang.registry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.platform.IdNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * 人口导入 at volume: {@code registry.import.rows} people (2,000 in the everyday suite; 50,000 when measured) in one
 * CSV file through the import API, per-row policy, into the houses of 50 buildings; prints rows per second and checks
 * that every row was stored once.
 */
@RegistrySpringTest
class RegistryImportVolumeTests {

    static final int ROWS = Integer.getInteger("registry.import.rows", 2_000);
    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired JdbcClient jdbc;

    @Test
    void aLargePeopleFileIsImportedRowByRowAndCountedOnce() throws Exception {
        RegistryApi api = new RegistryApi(mvc, json, users, grids, locator);
        String run = Long.toString(System.nanoTime());
        String[] addresses = new String[50];
        for (int b = 0; b < addresses.length; b++) {
            addresses[b] = "导入量测路" + run + "-" + b + "号";
            api.building("dispatcher", RegistryApi.FUZIMIAO, addresses[b]);
        }
        StringBuilder csv = new StringBuilder("楼栋地址,房屋,姓名,身份证号,性别,联系电话,人口类型,与户主关系,标签\r\n");
        LocalDate first = LocalDate.of(1940, 1, 1);
        int salt = (int) (System.nanoTime() % 400);
        for (int i = 0; i < ROWS; i++) {
            // born in Beijing (110101): the demo register's people are from 秦淮区, so no number is taken already
            LocalDate born = first.plusDays(i % 20_000);
            int seq = (i / 20_000 + salt) % 500 * 2 + (i % 2);
            String id = IdNumbers.withCheckCharacter("110101" + born.format(DAY) + "%03d".formatted(seq));
            csv.append(addresses[i % addresses.length]).append(',').append(1 + i / 200 % 6).append('-').append(100 + i % 200)
                    .append(",测试").append(i).append(',').append(id).append(',').append(i % 2 == 1 ? "男" : "女")
                    .append(",139").append("%08d".formatted(i)).append(",户籍,").append(i % 3 == 0 ? "户主" : "TENANT")
                    .append(',').append(i % 50 == 0 ? "ADVANCED_AGE" : "").append("\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        try {
            importAndCount(api, file, run);
        } finally {
            // the suite's other register tests count the demo register in this shared context: take the rows back
            String like = "导入量测路" + run + "-%";
            jdbc.sql("""
                    delete from registry_history where record_type = 'person' and record_id in (select p.id from registry_person p
                      join registry_house h on h.id = p.house_id join registry_building b on b.id = h.building_id where b.address like :a)""")
                    .param("a", like).update();
            jdbc.sql("delete from registry_person where house_id in (select h.id from registry_house h join registry_building b"
                    + " on b.id = h.building_id where b.address like :a)").param("a", like).update();
            jdbc.sql("delete from registry_household where house_id in (select h.id from registry_house h join registry_building b"
                    + " on b.id = h.building_id where b.address like :a)").param("a", like).update();
            jdbc.sql("delete from registry_house where building_id in (select id from registry_building where address like :a)")
                    .param("a", like).update();
            jdbc.sql("delete from registry_building where address like :a").param("a", like).update();
        }
    }

    private void importAndCount(RegistryApi api, byte[] file, String run) throws Exception {
        long t0 = System.nanoTime();
        JsonNode report = api.call(multipart("/api/registry/people/import")
                .file(new MockMultipartFile("file", "people.csv", "text/csv", file))
                .param("policy", "PER_ROW").with(api.as("dispatcher")), 200);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("registry import: %,d rows (%,d bytes) in %,d ms -> %,.0f rows/s, %d problems%n",
                ROWS, file.length, millis, ROWS * 1000.0 / Math.max(1, millis), report.get("problems").size());
        assertThat(report.get("problems")).as(report.get("problems").toString()).isEmpty();
        assertThat(report.get("imported").asLong()).isEqualTo(ROWS);
        assertThat(jdbc.sql("select count(*) from registry_person p join registry_house h on h.id = p.house_id"
                        + " join registry_building b on b.id = h.building_id where b.address like :a")
                .param("a", "导入量测路" + run + "-%").query(Long.class).single()).isEqualTo(ROWS);
    }
}
