package org.yiwang.assessment;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly report's two documents from hand-made tables: the PDF has a chart and a ranking per level and
 * the formulas in Chinese, the workbook a sheet per level. Both are left in {@code target/assessment-report.*}
 * to look at ({@code pdftoppm -png}).
 */
class MonthlyReportRenderingTests {

    static final YearMonth MONTH = YearMonth.of(2026, 11);

    static MonthlyReports reports() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/assessment");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new MonthlyReports(null, null, null, null, messages, null,
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    }

    static List<AssessmentTable> tables() {
        String[] streets = {"夫子庙街道", "秦虹街道", "中华门街道", "双塘街道", "大光路街道", "瑞金路街道", "月牙湖街道", "光华路街道",
                "朝天宫街道", "五老村街道", "洪武路街道", "红花街道"};
        List<AssessmentTable> tables = new ArrayList<>();
        for (Level level : Level.values()) {
            List<AssessmentTable.Row> rows = new ArrayList<>();
            for (int i = 0; i < streets.length; i++) {
                Map<Indicator, Indicator.Figure> figures = new EnumMap<>(Indicator.class);
                figures.put(Indicator.FILING, Indicator.Figure.of(90 - i, 100));
                figures.put(Indicator.HANDLED_ON_TIME, Indicator.Figure.of(95 - 3 * i, 100));
                figures.put(Indicator.REWORK, Indicator.Figure.of(i, 100));
                figures.put(Indicator.HOTLINE_RESPONSE, Indicator.Figure.of(0, 0));
                double score = 95 - 4.5 * i;
                rows.add(new AssessmentTable.Row("320104" + String.format("%03d", i + 1), streets[i], 100 + i, figures,
                        level == Level.WORKER ? 80.5 : null, score, AssessmentTable.Grade.of(score), i + 1, i % 3 == 0 ? i + 2 : i + 1,
                        i % 3 == 0 ? 1 : 0));
            }
            tables.add(new AssessmentTable(level, MONTH, 2, rows));
        }
        return tables;
    }

    @Test
    void thePdfHasAChartAndARankingPerLevelAndTheFormulasInChinese() throws Exception {
        Scheme scheme = new Scheme(2, Map.of(Indicator.FILING, 10, Indicator.HANDLED_ON_TIME, 20), "", 0, Instant.EPOCH);
        byte[] pdf = reports().pdf(MONTH, "秦淮区", scheme, tables());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/assessment-report.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(Level.values().length + 1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("秦淮区2026年11月考核评价通报", "街道考核排名", "网格员考核排名", "夫子庙街道", "按期处置率", "指标、公式与权重");
        }
    }

    @Test
    void theWorkbookHasTheFormulasAndASheetPerLevelWithEveryRate() throws Exception {
        Scheme scheme = new Scheme(2, Map.of(Indicator.FILING, 10), "", 0, Instant.EPOCH);
        byte[] book = reports().workbook(MONTH, "秦淮区", scheme, tables());
        Files.write(Path.of("target/assessment-report.xlsx"), book);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1 + Level.values().length);
            assertThat(workbook.getSheetName(2)).isEqualTo("街道");
            var first = workbook.getSheet("街道").getRow(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("夫子庙街道");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(95.0);
            // 立案率 of the first street: 90 of 100
            assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(0.9);
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("90/100");
        }
    }
}
