package org.yiwang.assessment;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.Divisions;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.platform.pdf.PdfReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 月度通报: for a month and a territory (a district or a street), an Excel workbook (a sheet per level with
 * every figure, and the formulas) and a PDF (per level a chart of the scores and the ranking table), stored in
 * {@code assessment_report} and downloaded by those whose territory covers it. Made for every district on the
 * first day of each month for the month before (once across nodes: an advisory lock), and on demand.
 */
@Service
public class MonthlyReports {

    /** A stored report, without its content. */
    public record Stored(long id, YearMonth month, String scopeCode, String scopeName, String format, int schemeVersion,
                         java.time.Instant createdAt, int size) {
    }

    static final List<Indicator> COLUMNS = List.of(Indicator.values());
    private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Assessments assessments;
    private final Schemes schemes;
    private final Divisions divisions;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MonthlyReports(Assessments assessments, Schemes schemes, Divisions divisions, JdbcClient jdbc, MessageSource messages,
                   TransactionTemplate transactions, Clock clock) {
        this.assessments = assessments;
        this.schemes = schemes;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The scheduled run: last month's reports for every district, on one node. */
    @Scheduled(cron = "${yiwang.assessment.report-cron:0 0 6 1 * *}", zone = ChinaTime.ZONE_ID)
    void monthly() {
        YearMonth last = YearMonth.from(LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE)).minusMonths(1);
        Boolean ran = transactions.execute(s -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('assessment.monthly'))").query(Boolean.class).single()) {
                return false;
            }
            for (Division d : divisions.all()) {
                if (d.level() == DivisionLevel.DISTRICT && hasOrders(d.code(), last)) {
                    generate(last, d.code(), Actor.system().userId());
                }
            }
            return true;
        });
        log.info("Monthly assessment reports of {}: {}", last, Boolean.TRUE.equals(ran) ? "made" : "left to another node");
    }

    private boolean hasOrders(String district, YearMonth month) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM assessment_month_area WHERE district_code = :d AND month = :m)")
                .param("d", district).param("m", Date.valueOf(month.atDay(1))).query(Boolean.class).single();
    }

    /** The territories the reader may make reports for: the districts of a citywide reader, else their own divisions. */
    public List<Division> scopesOf(Actor reader) {
        requireReader(reader);
        List<Division> out = new ArrayList<>();
        for (Division d : divisions.all()) {
            boolean district = d.level() == DivisionLevel.DISTRICT;
            if (reader.scope().citywide() ? district
                    : reader.scope().divisionPrefixes().stream().anyMatch(p -> DataScope.prefixOf(d.code()).equals(p))
                    && (district || d.level() == DivisionLevel.STREET)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Makes (or makes again) the month's workbook and PDF for a territory the reader covers. */
    public List<Stored> generate(YearMonth month, String scopeCode, Actor reader) {
        requireReader(reader);
        if (scopesOf(reader).stream().noneMatch(d -> d.code().equals(scopeCode))) {
            throw LocalizedException.badRequest("assessment.error.scope", scopeCode);
        }
        return transactions.execute(s -> generate(month, scopeCode, reader.userId()));
    }

    private List<Stored> generate(YearMonth month, String scopeCode, long by) {
        Actor territory = new Actor(Actor.SYSTEM_USER_ID, "system", "系统", Set.of(Role.LEADER), null, null,
                DataScope.division(scopeCode), false);
        Scheme scheme = schemes.current();
        List<AssessmentTable> tables = new ArrayList<>();
        for (Level level : Level.values()) {
            tables.add(assessments.table(level, month, scheme, territory));
        }
        String scopeName = divisions.find(scopeCode).map(Division::name).orElse(scopeCode);
        store(month, scopeCode, "xlsx", workbook(month, scopeName, scheme, tables), scheme.version(), by);
        store(month, scopeCode, "pdf", pdf(month, scopeName, scheme, tables), scheme.version(), by);
        return list(month, scopeCode);
    }

    private void store(YearMonth month, String scope, String format, byte[] content, int version, long by) {
        jdbc.sql("""
                        INSERT INTO assessment_report (month, scope_code, format, content, scheme_version, created_by, created_at)
                        VALUES (:m, :s, :f, :c, :v, :by, :at)
                        ON CONFLICT (month, scope_code, format) DO UPDATE SET content = EXCLUDED.content,
                            scheme_version = EXCLUDED.scheme_version, created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at""")
                .param("m", Date.valueOf(month.atDay(1))).param("s", scope).param("f", format).param("c", content)
                .param("v", version).param("by", by).param("at", Timestamp.from(clock.instant())).update();
    }

    /** The stored reports the reader's territory covers, newest month first. */
    public List<Stored> list(Actor reader) {
        requireReader(reader);
        return all().stream().filter(r -> covers(reader, r.scopeCode())).toList();
    }

    private List<Stored> list(YearMonth month, String scope) {
        return all().stream().filter(r -> r.month().equals(month) && r.scopeCode().equals(scope)).toList();
    }

    private List<Stored> all() {
        return jdbc.sql("SELECT id, month, scope_code, format, scheme_version, created_at, octet_length(content) AS size"
                        + " FROM assessment_report ORDER BY month DESC, scope_code, format")
                .query((rs, n) -> new Stored(rs.getLong("id"), YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getString("scope_code"), divisions.find(rs.getString("scope_code")).map(Division::name).orElse(rs.getString("scope_code")),
                        rs.getString("format"), rs.getInt("scheme_version"), rs.getTimestamp("created_at").toInstant(), rs.getInt("size")))
                .list();
    }

    /** A stored report's content, when the reader's territory covers it. */
    public Optional<Download> download(long id, Actor reader) {
        requireReader(reader);
        return jdbc.sql("SELECT month, scope_code, format, content FROM assessment_report WHERE id = :id").param("id", id)
                .query((rs, n) -> new Download(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getString("scope_code"),
                        rs.getString("format"), rs.getBytes("content")))
                .optional().filter(d -> covers(reader, d.scopeCode()));
    }

    /** A report's bytes and what to call the file. */
    public record Download(YearMonth month, String scopeCode, String format, byte[] content) {

        public String fileName() {
            return "assessment-" + scopeCode + "-" + month + "." + format;
        }
    }

    private static boolean covers(Actor reader, String scopeCode) {
        return reader.scope().covers(scopeCode);
    }

    private static void requireReader(Actor reader) {
        if (Territory.READERS.stream().noneMatch(reader::has)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }

    private String title(YearMonth month, String scopeName) {
        return text("assessment.report.title", scopeName, month.getYear(), month.getMonthValue());
    }

    byte[] workbook(YearMonth month, String scopeName, Scheme scheme, List<AssessmentTable> tables) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            CellStyle bold = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet about = book.createSheet(text("assessment.report.sheet.about"));
            int r = 0;
            cell(about.createRow(r++), 0, title(month, scopeName), bold);
            Row info = about.createRow(r++);
            cell(info, 0, text("assessment.report.scheme", scheme.version()), null);
            r++;
            for (Indicator indicator : Indicator.values()) {
                Row row = about.createRow(r++);
                cell(row, 0, text(indicator.messageKey()), bold);
                cell(row, 1, text("assessment.formula." + indicator.name()), null);
                row.createCell(2).setCellValue(scheme.weight(indicator));
            }
            about.setColumnWidth(0, 24 * 256);
            about.setColumnWidth(1, 90 * 256);
            for (AssessmentTable table : tables) {
                Sheet sheet = book.createSheet(text("assessment.level." + table.level().name()));
                Row head = sheet.createRow(0);
                List<String> headers = new ArrayList<>(List.of(text("assessment.col.rank"), text("assessment.col.name"),
                        text("assessment.col.code"), text("assessment.col.score"), text("assessment.col.grade"),
                        text("assessment.col.change"), text("assessment.col.reported")));
                for (Indicator i : COLUMNS) {
                    headers.add(text(i.messageKey()));
                    headers.add(text("assessment.col.of", text(i.messageKey())));
                }
                headers.add(text("assessment.col.patrolHours"));
                for (int c = 0; c < headers.size(); c++) {
                    cell(head, c, headers.get(c), bold);
                }
                int n = 1;
                for (AssessmentTable.Row row : table.rows()) {
                    Row x = sheet.createRow(n++);
                    int c = 0;
                    number(x, c++, row.rank());
                    cell(x, c++, row.name(), null);
                    cell(x, c++, row.code(), null);
                    number(x, c++, row.score());
                    cell(x, c++, row.grade() == null ? "" : row.grade().name(), null);
                    number(x, c++, row.change());
                    x.createCell(c++).setCellValue(row.reported());
                    for (Indicator i : COLUMNS) {
                        Indicator.Figure f = row.figure(i);
                        if (f.rate() != null) {
                            var cell = x.createCell(c);
                            cell.setCellValue(f.rate());
                            cell.setCellStyle(percent);
                        }
                        c++;
                        cell(x, c++, f.denominator() == 0 ? "" : f.numerator() + "/" + f.denominator(), null);
                    }
                    number(x, c, row.patrolHours());
                }
                sheet.createFreezePane(3, 1);
                sheet.setColumnWidth(1, 22 * 256);
                sheet.setColumnWidth(2, 18 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(Row row, int column, String value, @Nullable CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, @Nullable Number value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    byte[] pdf(YearMonth month, String scopeName, Scheme scheme, List<AssessmentTable> tables) {
        PdfReport pdf = PdfReport.a4Landscape(title(month, scopeName));
        pdf.keyValues(List.of(
                Map.entry(text("assessment.report.month"), month.getYear() + "-" + String.format("%02d", month.getMonthValue())),
                Map.entry(text("assessment.report.scope"), scopeName),
                Map.entry(text("assessment.report.schemeVersion"), String.valueOf(scheme.version())),
                Map.entry(text("assessment.report.madeAt"), ChinaTime.MINUTES.format(clock.instant()))));
        pdf.paragraph(text("assessment.report.intro"));
        boolean first = true;
        for (AssessmentTable table : tables) {
            if (!first) {
                pdf.pageBreak();
            }
            first = false;
            String level = text("assessment.level." + table.level().name());
            pdf.heading(text("assessment.report.levelHeading", level));
            if (table.rows().stream().anyMatch(r -> r.score() != null)) {
                pdf.image(ReportCharts.scores(text("assessment.report.chartTitle", level), table.rows()), 520);
            } else {
                pdf.paragraph(text("assessment.report.noScores"));
            }
            // only the indicators with a figure somewhere at this level: a landscape page holds about fifteen columns
            List<Indicator> shown = COLUMNS.stream().filter(i -> table.rows().stream().anyMatch(r -> r.figure(i).rate() != null)).toList();
            List<String> headers = new ArrayList<>(List.of(text("assessment.col.rank"), text("assessment.col.name"),
                    text("assessment.col.score"), text("assessment.col.grade"), text("assessment.col.change"),
                    text("assessment.col.reported")));
            for (Indicator i : shown) {
                headers.add(text("assessment.short." + i.name()));
            }
            List<List<String>> rows = new ArrayList<>();
            for (AssessmentTable.Row row : table.rows()) {
                List<String> cells = new ArrayList<>(List.of(row.rank() == null ? "—" : String.valueOf(row.rank()), row.name(),
                        row.score() == null ? "—" : String.valueOf(row.score()), row.grade() == null ? "—" : row.grade().name(),
                        change(row.change()), String.valueOf(row.reported())));
                for (Indicator i : shown) {
                    cells.add(row.figure(i).percent());
                }
                rows.add(cells);
            }
            pdf.table(headers, rows);
        }
        pdf.pageBreak();
        pdf.heading(text("assessment.report.formulas"));
        List<List<String>> formulas = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            formulas.add(List.of(text(i.messageKey()), text("assessment.formula." + i.name()), String.valueOf(scheme.weight(i))));
        }
        pdf.table(List.of(text("assessment.col.indicator"), text("assessment.col.formula"), text("assessment.col.weight")), formulas);
        pdf.paragraph(text("assessment.report.grades"));
        return pdf.toBytes();
    }

    static String change(@Nullable Integer change) {
        if (change == null) {
            return "—";
        }
        return change > 0 ? "↑" + change : change < 0 ? "↓" + (-change) : "0";
    }
}
