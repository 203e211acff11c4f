package org.yiwang.intake;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.geo.IndexedGrid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChannelSpringTest
class ImportApiTests {

    static final String HEADER = "工单编号,来电时间,诉求人,联系电话,诉求内容,地址,诉求类型,紧急程度,办理时限\n";

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;

    IntakeFixtures fixtures;
    IndexedGrid grid;
    String street;

    @BeforeEach
    void aKnownAddress() {
        fixtures = new IntakeFixtures(context);
        grid = fixtures.dispatchersGrid();
        street = "瞻园路" + IntakeFixtures.unique("").replace("-", "") + "号";
        fixtures.address(grid, street);
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    MockHttpServletRequestBuilder csv(String kind, String content, Charset charset, String... params) {
        MockHttpServletRequestBuilder request = post("/api/intake/" + kind + "/imports").with(fixtures.as("dispatcher"))
                .contentType("text/csv").content(content.getBytes(charset)).param("fileName", "orders.csv");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    @Test
    void goodRowsLandBadRowsAreListedByLineAndTheSameFileAgainCreatesNothing() throws Exception {
        String p = IntakeFixtures.unique("IMP");
        String file = HEADER
                + p + "-1,2026-05-06 09:00,张三,13912345678,路灯不亮," + street + ",投诉,一般,3个工作日\n"
                + p + "-2,昨天,李四,13812345678,井盖缺失," + street + ",投诉,一般,\n"                     // line 3: no time
                + p + "-3,2026-05-06 09:10,王五,,\"垃圾堆放, 无人清理\",无名巷" + p + "号,投诉,紧急,\n"   // pending
                + p + "-4,2026-05-06 09:20,赵六,12,占道经营," + street + ",投诉,十万火急,2天\n"           // line 5: phone, urgency
                + ",2026-05-06 09:30,钱七,,无编号," + street + ",投诉,一般,\n";                           // line 6: no number
        JsonNode summary = call(csv("hotline", file, StandardCharsets.UTF_8, "wait", "true"), 200);

        assertThat(summary.get("status").asString()).isEqualTo("DONE");
        assertThat(summary.get("policy").asString()).isEqualTo("PER_ROW");
        assertThat(summary.get("policyDescription").asString()).isNotBlank();
        assertThat(summary.get("rows").asInt()).isEqualTo(5);
        assertThat(summary.get("created").asInt()).isEqualTo(1);
        assertThat(summary.get("pending").asInt()).isEqualTo(1);
        assertThat(summary.get("rejected").asInt()).isEqualTo(3);
        JsonNode problems = summary.get("problems");
        assertThat(problems.findValues("line").stream().map(JsonNode::asInt).distinct().toList()).containsExactly(3, 5, 6);
        assertThat(problems.get(0).get("field").asString()).isEqualTo("来电时间");
        assertThat(problems.get(0).get("externalNo").asString()).isEqualTo(p + "-2");
        assertThat(problems.findValuesAsString("field")).contains("联系电话", "紧急程度", "工单编号");
        assertThat(summary.toString()).doesNotContain("13912345678");

        // the corrected file again: the rows that landed are duplicates, the corrected ones land now
        String corrected = file.replace("昨天", "2026-05-06 08:55").replace(",12,", ",13712345678,").replace("十万火急", "紧急");
        JsonNode again = call(csv("hotline", corrected, StandardCharsets.UTF_8, "wait", "true"), 200);
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.get("created").asInt()).isEqualTo(2);
        assertThat(again.get("rejected").asInt()).isEqualTo(1);
        assertThat(again.get("pending").asInt()).isZero();
    }

    @Test
    void aGbkFileIsReadWithItsCharsetAndRefusedWithout() throws Exception {
        String p = IntakeFixtures.unique("GBK");
        String file = HEADER + p + "-1,2026-05-06 09:00,张三,,井盖缺失," + street + ",投诉,一般,\n";
        JsonNode refused = call(csv("hotline", file, Charset.forName("GBK"), "wait", "true"), 200);
        assertThat(refused.get("status").asString()).isEqualTo("FAILED");
        assertThat(refused.get("failure").asString()).contains("line 1");

        JsonNode read = call(csv("hotline", file, Charset.forName("GBK"), "wait", "true", "charset", "GBK"), 200);
        assertThat(read.get("status").asString()).isEqualTo("DONE");
        assertThat(read.get("created").asInt()).isEqualTo(1);
    }

    @Test
    void aFileWithoutARequiredColumnFailsAsAWhole() throws Exception {
        JsonNode summary = call(csv("hotline", "工单编号,诉求内容\nX1,路灯不亮\n", StandardCharsets.UTF_8, "wait", "true"), 200);
        assertThat(summary.get("status").asString()).isEqualTo("FAILED");
        assertThat(summary.get("failure").asString()).contains("intake.error.missingColumns").contains("来电时间");
        assertThat(summary.get("rows").asInt()).isZero();
    }

    @Test
    void anExcelWorkbookIsReadWithItsDateCellsAndNumbers() throws Exception {
        String p = IntakeFixtures.unique("XLS");
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("工单");
            String[] header = {"工单编号", "来电时间", "诉求人", "联系电话", "诉求内容", "地址", "诉求类型", "紧急程度"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yy h:mm"));
            for (int r = 1; r <= 3; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(p + "-" + r);
                row.createCell(1).setCellValue(LocalDateTime.of(2026, 5, 6, 9, r));
                row.getCell(1).setCellStyle(date);
                row.createCell(2).setCellValue("孙" + r);
                row.createCell(3).setCellValue(13900000000d + r);
                row.createCell(4).setCellValue("噪音扰民");
                row.createCell(5).setCellValue(street);
                row.createCell(6).setCellValue("投诉");
                row.createCell(7).setCellValue("一般");
            }
            book.write(out);
            workbook = out.toByteArray();
        }
        JsonNode summary = call(multipart("/api/intake/hotline/imports").file(new MockMultipartFile("file", "orders.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook)).param("wait", "true")
                .with(fixtures.as("dispatcher")), 200);
        assertThat(summary.get("format").asString()).isEqualTo("XLSX");
        assertThat(summary.get("created").asInt()).as(summary.toString()).isEqualTo(3);
        assertThat(summary.get("rejected").asInt()).isZero();
    }

    @Test
    void anImportRunsInTheBackgroundAndIsPolledUntilDone() throws Exception {
        String p = IntakeFixtures.unique("BG");
        JsonNode started = call(csv("hotline", HEADER + p + ",2026-05-06 09:00,周八,,路灯不亮," + street + ",投诉,一般,\n",
                StandardCharsets.UTF_8), 202);
        long id = started.get("id").asLong();
        JsonNode summary = started;
        for (int i = 0; i < 100 && summary.get("status").asString().equals("RUNNING"); i++) {
            Thread.sleep(100);
            summary = call(get("/api/intake/imports/" + id).with(fixtures.as("dispatcher")), 200);
        }
        assertThat(summary.get("status").asString()).isEqualTo("DONE");
        assertThat(summary.get("created").asInt()).isEqualTo(1);
        // someone else's import is not theirs to see; administrators see all
        call(get("/api/intake/imports/" + id).with(fixtures.as("admin")), 200);
        assertThat(call(get("/api/intake/imports").with(fixtures.as("dispatcher")), 200).findValues("id").stream()
                .map(JsonNode::asLong)).contains(id);
    }

    @Test
    void urbanCasesImportWithTheirStandardCodes() throws Exception {
        String p = IntakeFixtures.unique("DCM");
        String file = "案件编号,上报时间,案件类型,类别代码,问题描述,单元网格码,部件标识码,案件来源\n"
                + p + "-1,2026-05-06 10:00,事件,06001,暴露垃圾,\"" + grid.code() + "\",,监督员上报\n"
                + p + "-2,2026-05-06 10:05,部件,99999,不存在的部件,\"" + grid.code() + "\",,监督员上报\n";
        JsonNode summary = call(csv("urban-cases", file, StandardCharsets.UTF_8, "wait", "true"), 200);
        assertThat(summary.get("kind").asString()).isEqualTo("URBAN_CASE");
        assertThat(summary.get("created").asInt()).isEqualTo(1);
        assertThat(summary.get("rejected").asInt()).isEqualTo(1);
        assertThat(summary.get("problems").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(summary.get("problems").get(0).get("field").asString()).isEqualTo("类别代码");
    }

    @Test
    void onlyDispatchersAndAdministratorsImport() throws Exception {
        call(post("/api/intake/hotline/imports").with(fixtures.as("resident")).contentType("text/csv").content(HEADER), 403);
        call(post("/api/intake/nonsense/imports").with(fixtures.as("dispatcher")).contentType("text/csv").content(HEADER), 404);
        call(post("/api/intake/hotline/imports").with(fixtures.as("dispatcher")).contentType("text/csv").content(new byte[0]), 400);
    }
}
