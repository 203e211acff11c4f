package org.yiwang.assessment;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The charts of the monthly report, drawn as PNG with the vendored CJK font (the PDF embeds them as images). */
final class ReportCharts {

    private static volatile Font base;

    private ReportCharts() {
    }

    /** A horizontal bar chart of the scores of up to 12 units, best first, drawn at twice its size for print. */
    static byte[] scores(String title, List<AssessmentTable.Row> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        rows.stream().filter(r -> r.score() != null).limit(12)
                .forEach(r -> data.addValue(r.score(), "score", r.name().length() > 14 ? r.name().substring(0, 14) + "…" : r.name()));
        JFreeChart chart = ChartFactory.createBarChart(title, null, "得分", data, PlotOrientation.HORIZONTAL, false, false, false);
        Font font = font();
        chart.getTitle().setFont(font.deriveFont(Font.BOLD, 13f));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xF7F8FA));
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        plot.getDomainAxis().setTickLabelFont(font.deriveFont(11f));
        plot.getRangeAxis().setTickLabelFont(font.deriveFont(10f));
        plot.getRangeAxis().setLabelFont(font.deriveFont(10f));
        plot.getRangeAxis().setRange(0, 100);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, new Color(0x1F6FEB));
        renderer.setShadowVisible(false);
        int height = 70 + 17 * Math.max(1, data.getColumnCount());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeScaledChartAsPNG(out, chart, 760, height, 2, 2);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font font() {
        Font f = base;
        if (f == null) {
            try (InputStream in = ReportCharts.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
                f = in == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : Font.createFonts(in)[0];
            } catch (IOException | FontFormatException e) {
                f = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            }
            base = f;
        }
        return f;
    }
}
