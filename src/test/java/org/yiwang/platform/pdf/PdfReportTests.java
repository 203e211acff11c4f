package org.yiwang.platform.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PdfReportTests {

    @Test
    void chineseTextIsWrittenInTheEmbeddedFontAndCanBeReadBack() throws IOException {
        byte[] pdf = PdfReport.a4("责令改正通知书")
                .keyValues(List.of(Map.entry("文书编号", "秦淮综执〔2026〕第12号"), Map.entry("当事人", "某某餐饮店")))
                .heading("一、违法事实")
                .paragraph("经查，你单位在夫子庙街道贡院街占道经营，违反了《城市市容和环境卫生管理条例》第十七条的规定。")
                .table(List.of("事项", "部门", "依据"), List.of(
                        List.of("占道经营", "综合执法", "《城市市容和环境卫生管理条例》第十七条"),
                        List.of("油烟直排", "环保", "《大气污染防治法》第八十一条")))
                .toBytes();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("责令改正通知书", "秦淮综执〔2026〕第12号", "占道经营，违反了", "油烟直排", "— 1 / 1 —");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("WenQuanYi");
        }
        write("pdf-report-notice.pdf", pdf);
    }

    @Test
    void aLongTableRunsOverPagesAndRepeatsItsHeader() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of(String.valueOf(i), "第" + i + "个社区", String.format("%.1f%%", 90 + i % 10 * 0.7)));
        }
        byte[] pdf = PdfReport.a4("月度通报").table(List.of("序号", "社区", "按期结案率"), rows).toBytes();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(document.getNumberOfPages());
            stripper.setEndPage(document.getNumberOfPages());
            String last = stripper.getText(document);
            assertThat(last).contains("按期结案率", "第120个社区");
        }
    }

    @Test
    void charactersTheFontLacksAndControlCharactersPrintAsQuestionMarksInsteadOfFailing() throws IOException {
        byte[] pdf = PdfReport.a4("测试").paragraph("笑脸😀与\u0000空字符").toBytes();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("笑脸?与?空字符");
        }
    }

    @Test
    void longUnbrokenChineseTextWrapsWithinTheMargins() throws IOException {
        PdfReport report = PdfReport.a4("换行");
        List<String> lines = report.wrap("网格化".repeat(100), 10.5f, 300);
        assertThat(lines).hasSizeGreaterThan(5);
        assertThat(String.join("", lines)).isEqualTo("网格化".repeat(100));
        assertThat(report.wrap("grid based governance in every street", 10.5f, 80))
                .allSatisfy(line -> assertThat(line).doesNotStartWith(" "))
                .contains("grid based");
    }

    @Test
    void imagesAreScaledIntoThePage() throws IOException {
        BufferedImage chart = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
        var g = chart.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 600);
        g.setColor(Color.BLUE);
        g.fillRect(100, 100, 300, 400);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(chart, "png", png);

        byte[] pdf = PdfReport.a4Landscape("图表").image(png.toByteArray(), 2000).toBytes();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getResources().getXObjectNames()).hasSize(1);
        }
    }

    private static void write(String name, byte[] pdf) throws IOException {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), pdf);
    }
}
