package org.yiwang.residents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.Csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * 开放数据 — the published reports as CSV and GeoJSON with personal data removed: no reporter, no description or
 * notes (free text), no photos; the point rounded to 4 decimals (about 10 m). On demand for a period, and as a daily
 * file per day written shortly after midnight (China time) by one node.
 */
@Service
public class OpenData {

    static final List<String> COLUMNS = List.of("number", "district_code", "street_code", "grid_code", "category_code", "category",
            "status", "reported_at", "closed_at", "lat", "lon");
    private static final Logger log = LoggerFactory.getLogger(OpenData.class);

    private final PublicReports reports;
    private final Catalog catalog;
    private final ResidentsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path directory;

    OpenData(PublicReports reports, Catalog catalog, ResidentsProperties properties, JdbcClient jdbc, Clock clock,
             org.yiwang.platform.YiwangProperties yiwang) {
        String configured = properties.transparency().exportDirectory();
        this.directory = configured.isBlank() ? Path.of(yiwang.dataDir(), "open-data") : Path.of(configured);
        this.reports = reports;
        this.catalog = catalog;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The reports of [from, to) as CSV (UTF-8, a header line, CRLF). */
    public void csv(Instant from, Instant to, Writer out) {
        write(out, Csv.line(COLUMNS));
        reports.reportedBetween(from, to, r -> write(out, Csv.line(fields(r))));
    }

    /** The reports of [from, to) as a GeoJSON FeatureCollection of points. */
    public void geoJson(Instant from, Instant to, Writer out) {
        write(out, "{\"type\":\"FeatureCollection\",\"features\":[");
        boolean[] first = {true};
        reports.reportedBetween(from, to, r -> {
            List<String> f = fields(r);
            StringBuilder feature = new StringBuilder(first[0] ? "" : ",");
            first[0] = false;
            feature.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(f.get(10)).append(',').append(f.get(9)).append("]},\"properties\":{");
            for (int i = 0; i < 9; i++) {
                feature.append(i > 0 ? "," : "").append('"').append(COLUMNS.get(i)).append("\":").append(jsonString(f.get(i)));
            }
            write(out, feature.append("}}").toString());
        });
        write(out, "]}");
    }

    /** Writes the daily files of {@code day} (CSV and GeoJSON); replaces files of the same day. Returns the CSV path. */
    public Path writeDay(LocalDate day) {
        Path dir = directory;
        Instant from = day.atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        try {
            Files.createDirectories(dir);
            Path csv = dir.resolve("reports-" + day + ".csv");
            Path geo = dir.resolve("reports-" + day + ".geojson");
            writeFile(csv, out -> csv(from, to, out));
            writeFile(geo, out -> geoJson(from, to, out));
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Yesterday's files, once a day, by whichever node takes the lock. */
    @Scheduled(cron = "${yiwang.residents.transparency.export-cron:0 10 0 * * *}", zone = ChinaTime.ZONE_ID)
    @Transactional
    public void daily() {
        if (!properties.transparency().enabled() || !properties.transparency().dailyExport()) {
            return;
        }
        boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('residents.open-data'))").query(Boolean.class).single();
        if (mine) {
            LocalDate yesterday = LocalDate.now(clock.withZone(ChinaTime.ZONE)).minusDays(1);
            log.info("Open data for {} written to {}", yesterday, writeDay(yesterday));
        }
    }

    private void writeFile(Path target, java.util.function.Consumer<Writer> body) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            body.accept(out);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private List<String> fields(PublicReports.Row r) {
        String category = r.categoryCode() == null ? "" : catalog.find(r.categoryCode()).map(Category::name).orElse("");
        return List.of(r.number(), r.districtCode(), r.gridCode() == null ? "" : r.gridCode().substring(0, Math.min(9, r.gridCode().length())),
                r.gridCode() == null ? "" : r.gridCode(), r.categoryCode() == null ? "" : r.categoryCode(), category, r.status(),
                r.reportedAt().toString(), r.closedAt() == null ? "" : r.closedAt().toString(),
                String.format(Locale.ROOT, "%.4f", r.lat()), String.format(Locale.ROOT, "%.4f", r.lon()));
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
