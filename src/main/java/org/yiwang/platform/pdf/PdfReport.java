package org.yiwang.platform.pdf;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A printable A4 document — notices, monthly reports — built top to bottom: a title, then headings,
 * paragraphs, key–value blocks, tables and images, flowing onto new pages as needed, with page
 * numbers in the footer. Chinese text is set in the vendored WenQuanYi Micro Hei font
 * ({@code fonts/wqy-microhei.ttc}), embedded as a subset, so the document looks the same
 * everywhere. A character the font lacks prints as {@code ?} instead of failing the document.
 *
 * <pre>{@code
 * byte[] pdf = PdfReport.a4("责令改正通知书")
 *         .keyValues(List.of(Map.entry("文书编号", "秦淮综执〔2026〕12号")))
 *         .table(List.of("事项", "依据"), rows)
 *         .toBytes();
 * }</pre>
 *
 * Not thread-safe: one report per thread. Each report holds its own document until
 * {@link #toBytes()}.
 */
public final class PdfReport {

    private static final String FONT_RESOURCE = "/fonts/wqy-microhei.ttc";
    private static final AtomicReference<byte[]> FONT_BYTES = new AtomicReference<>();

    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 18;
    private static final float HEADING_SIZE = 13.5f;
    private static final float TEXT_SIZE = 10.5f;
    private static final float TABLE_SIZE = 9;
    private static final float LEADING = 1.45f;
    private static final float CELL_PAD = 4;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final PDRectangle pageSize;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPage page;
    private PDPageContentStream content;
    private float y;
    private boolean finished;

    private PdfReport(String title, PDRectangle pageSize) {
        this.pageSize = pageSize;
        try {
            this.font = PDType0Font.load(document, font(), true);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Yiwang 一网");
            newPage();
            y -= TITLE_SIZE * 0.4f;
            writeCentered(title, TITLE_SIZE);
            y -= TITLE_SIZE * 0.6f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a portrait A4 report with the title centred on its first page. */
    public static PdfReport a4(String title) {
        return new PdfReport(Objects.requireNonNullElse(title, ""), PDRectangle.A4);
    }

    /** Starts a landscape A4 report (wide tables). */
    public static PdfReport a4Landscape(String title) {
        return new PdfReport(Objects.requireNonNullElse(title, ""),
                new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
    }

    public PdfReport heading(String text) {
        ensure(HEADING_SIZE * LEADING * 2);
        y -= HEADING_SIZE * 0.5f;
        for (String line : wrap(text, HEADING_SIZE, width())) {
            writeLine(line, MARGIN, HEADING_SIZE);
        }
        y -= HEADING_SIZE * 0.25f;
        return this;
    }

    public PdfReport paragraph(String text) {
        for (String line : wrap(text, TEXT_SIZE, width())) {
            ensure(TEXT_SIZE * LEADING);
            writeLine(line, MARGIN, TEXT_SIZE);
        }
        y -= TEXT_SIZE * 0.5f;
        return this;
    }

    /** Label–value pairs in two columns, the labels a third of the width. */
    public PdfReport keyValues(List<Map.Entry<String, String>> pairs) {
        float labelWidth = width() / 3;
        for (Map.Entry<String, String> pair : pairs) {
            List<String> labels = wrap(pair.getKey(), TEXT_SIZE, labelWidth - CELL_PAD);
            List<String> values = wrap(pair.getValue(), TEXT_SIZE, width() - labelWidth);
            int lines = Math.max(labels.size(), values.size());
            ensure(lines * TEXT_SIZE * LEADING);
            float top = y;
            for (int i = 0; i < lines; i++) {
                y -= TEXT_SIZE * LEADING;
                if (i < labels.size()) {
                    text(labels.get(i), MARGIN, y + TEXT_SIZE * (LEADING - 1), TEXT_SIZE, 0.35f);
                }
                if (i < values.size()) {
                    text(values.get(i), MARGIN + labelWidth, y + TEXT_SIZE * (LEADING - 1), TEXT_SIZE, 0f);
                }
            }
            y = Math.min(y, top - lines * TEXT_SIZE * LEADING);
        }
        y -= TEXT_SIZE * 0.5f;
        return this;
    }

    /**
     * A table with a grey header row, repeated on every page it runs over. Column widths follow the
     * longest text in each column (within limits); cell text wraps. Rows shorter than the header are
     * padded, longer ones cut.
     */
    public PdfReport table(List<String> headers, List<List<String>> rows) {
        int columns = headers.size();
        if (columns == 0) {
            return this;
        }
        float[] widths = columnWidths(headers, rows);
        drawRow(headers, widths, true);
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>(columns);
            for (int i = 0; i < columns; i++) {
                cells.add(i < row.size() ? Objects.requireNonNullElse(row.get(i), "") : "");
            }
            float height = rowHeight(cells, widths);
            if (y - height < MARGIN + 20) {
                newPage();
                drawRow(headers, widths, true);
            }
            drawRow(cells, widths, false);
        }
        y -= TEXT_SIZE;
        return this;
    }

    /** A PNG or JPEG image, scaled to the given width (at most the text width), ratio kept. */
    public PdfReport image(byte[] image, float widthPt) {
        try {
            PDImageXObject picture = PDImageXObject.createFromByteArray(document, image, "image");
            float w = Math.min(widthPt, width());
            float h = w * picture.getHeight() / picture.getWidth();
            float maxHeight = pageSize.getHeight() - 2 * MARGIN - 20;
            if (h > maxHeight) {
                w = w * maxHeight / h;
                h = maxHeight;
            }
            ensure(h + 6);
            y -= h;
            content.drawImage(picture, MARGIN, y, w, h);
            y -= 8;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PdfReport pageBreak() {
        newPage();
        return this;
    }

    /** Finishes the document: page numbers in every footer, then the bytes of the PDF. */
    public byte[] toBytes() {
        if (finished) {
            throw new IllegalStateException("report already written");
        }
        finished = true;
        try {
            content.close();
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                PDPage p = document.getPage(i);
                try (PDPageContentStream footer = new PDPageContentStream(document, p,
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String number = "— " + (i + 1) + " / " + total + " —";
                    float w = stringWidth(number, 8);
                    footer.beginText();
                    footer.setFont(font, 8);
                    footer.setNonStrokingColor(0.45f, 0.45f, 0.45f);
                    footer.newLineAtOffset((pageSize.getWidth() - w) / 2, MARGIN / 2);
                    footer.showText(number);
                    footer.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width() {
        return pageSize.getWidth() - 2 * MARGIN;
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            page = new PDPage(pageSize);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = pageSize.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensure(float height) {
        if (y - height < MARGIN + 10) {
            newPage();
        }
    }

    private void writeCentered(String text, float size) {
        for (String line : wrap(text, size, width())) {
            float w = stringWidth(line, size);
            writeLine(line, MARGIN + (width() - w) / 2, size);
        }
    }

    private void writeLine(String line, float x, float size) {
        y -= size * LEADING;
        text(line, x, y + size * (LEADING - 1), size, 0f);
    }

    private void text(String line, float x, float baseline, float size, float grey) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(grey, grey, grey);
            content.newLineAtOffset(x, baseline);
            content.showText(line);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float[] columnWidths(List<String> headers, List<List<String>> rows) {
        int columns = headers.size();
        float[] natural = new float[columns];
        for (int i = 0; i < columns; i++) {
            natural[i] = Math.max(stringWidth(printable(headers.get(i)), TABLE_SIZE), 24);
        }
        for (List<String> row : rows) {
            for (int i = 0; i < Math.min(columns, row.size()); i++) {
                String cell = Objects.requireNonNullElse(row.get(i), "");
                float w = stringWidth(printable(cell.length() > 200 ? cell.substring(0, 200) : cell), TABLE_SIZE);
                natural[i] = Math.max(natural[i], w);
            }
        }
        float available = width() - columns * 2 * CELL_PAD;
        float sum = 0;
        for (float w : natural) {
            sum += w;
        }
        float[] widths = new float[columns];
        if (sum <= available) {
            float extra = (available - sum) / columns;
            for (int i = 0; i < columns; i++) {
                widths[i] = natural[i] + extra + 2 * CELL_PAD;
            }
            return widths;
        }
        // too wide: every column gets at least an equal share's worth of what it needs, the rest in proportion
        float fair = available / columns;
        float fixed = 0;
        float flexible = 0;
        for (float w : natural) {
            if (w <= fair) {
                fixed += w;
            } else {
                flexible += w;
            }
        }
        float room = available - fixed;
        for (int i = 0; i < columns; i++) {
            float w = natural[i] <= fair ? natural[i] : natural[i] / flexible * room;
            widths[i] = w + 2 * CELL_PAD;
        }
        return widths;
    }

    private float rowHeight(List<String> cells, float[] widths) {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, wrap(cells.get(i), TABLE_SIZE, widths[i] - 2 * CELL_PAD).size());
        }
        return lines * TABLE_SIZE * LEADING + 2 * CELL_PAD;
    }

    private void drawRow(List<String> cells, float[] widths, boolean header) {
        float height = rowHeight(cells, widths);
        if (y - height < MARGIN + 10) {
            newPage();
        }
        try {
            float x = MARGIN;
            if (header) {
                content.setNonStrokingColor(0.9f, 0.92f, 0.95f);
                content.addRect(MARGIN, y - height, sum(widths), height);
                content.fill();
            }
            content.setStrokingColor(0.6f, 0.6f, 0.6f);
            content.setLineWidth(0.5f);
            for (int i = 0; i < cells.size(); i++) {
                content.addRect(x, y - height, widths[i], height);
                content.stroke();
                float lineY = y - CELL_PAD;
                for (String line : wrap(cells.get(i), TABLE_SIZE, widths[i] - 2 * CELL_PAD)) {
                    lineY -= TABLE_SIZE * LEADING;
                    text(line, x + CELL_PAD, lineY + TABLE_SIZE * (LEADING - 1), TABLE_SIZE, header ? 0.15f : 0f);
                }
                x += widths[i];
            }
            y -= height;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    /**
     * Breaks text into lines no wider than {@code max}: at explicit line breaks, then between
     * words for Latin text and between any two characters for Chinese.
     */
    List<String> wrap(String text, float size, float max) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(Objects.requireNonNullElse(text, "")).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            int i = 0;
            while (i < paragraph.length()) {
                int cp = paragraph.codePointAt(i);
                int n = Character.charCount(cp);
                line.appendCodePoint(cp);
                if (cp == ' ') {
                    lastSpace = line.length() - 1;
                }
                if (stringWidth(line.toString(), size) > max && line.length() > n) {
                    if (cp != ' ' && lastSpace > 0 && isLatin(cp)) {
                        lines.add(line.substring(0, lastSpace));
                        String rest = line.substring(lastSpace + 1);
                        line.setLength(0);
                        line.append(rest);
                    } else {
                        lines.add(line.substring(0, line.length() - n));
                        line.setLength(0);
                        if (cp != ' ') {
                            line.appendCodePoint(cp);
                        }
                    }
                    lastSpace = -1;
                }
                i += n;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean isLatin(int cp) {
        return cp < 0x2E80;
    }

    /** The text with every character the font cannot draw (and every control character) as {@code ?}. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || !drawable(cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private boolean drawable(int cp) {
        return glyphs.computeIfAbsent(cp, c -> {
            try {
                return font.encode(new String(Character.toChars(c))).length > 0;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    private float stringWidth(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size;
        }
    }

    private static TrueTypeFont font() throws IOException {
        byte[] bytes = FONT_BYTES.get();
        if (bytes == null) {
            try (InputStream in = PdfReport.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IOException("font missing: " + FONT_RESOURCE);
                }
                bytes = in.readAllBytes();
            }
            FONT_BYTES.compareAndSet(null, bytes);
        }
        TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        collection.processAllFonts(ttf -> first.compareAndSet(null, ttf));
        if (first.get() == null) {
            throw new IOException("no font in " + FONT_RESOURCE);
        }
        return first.get();
    }
}
