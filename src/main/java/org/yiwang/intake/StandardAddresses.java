package org.yiwang.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Location;
import org.yiwang.geo.LonLat;
import org.yiwang.intake.reading.MalformedFileException;
import org.yiwang.intake.reading.RowHandler;
import org.yiwang.intake.reading.TableFormat;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * 标准地址 — the local standard-address table: address → point and grid. Reports that arrive with words
 * only (12345 hotline, 数字城管, Open311 {@code address_string}/{@code address_id}) are located by it:
 * the address code if one was given, else the whole normalized address, else the longest standard
 * address the words start with. Administrators load it from CSV or Excel (地址编码, 标准地址, 经度, 纬度
 * [, 坐标系]); a row whose point lies outside every grid is rejected.
 */
@Service
public class StandardAddresses {

    private static final Logger log = LoggerFactory.getLogger(StandardAddresses.class);
    /** A prefix match needs at least this many characters of a standard address, else "路" would match. */
    static final int MIN_PREFIX = 4;
    private static final int BATCH = 500;
    private static final int MAX_PROBLEMS = 1000;
    private static final String COLUMNS = "code, address, lat, lon, grid_code, district_code, updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AddressNormalizer normalizer;
    private final GridLocator locator;
    private final Clock clock;

    StandardAddresses(JdbcClient jdbc, JdbcTemplate template, AddressNormalizer normalizer, GridLocator locator, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.normalizer = normalizer;
        this.locator = locator;
        this.clock = clock;
    }

    public Optional<StandardAddress> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_address WHERE code = :code")
                .param("code", code.strip()).query(StandardAddresses::map).optional();
    }

    /** The standard address for the words: exact (normalized) match first, else the longest standard address they start with. */
    public Optional<AddressMatch> locate(String address) {
        String n = normalizer.normalize(address);
        if (n.length() < 2) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        for (int end = n.length(); end >= Math.min(MIN_PREFIX, n.length()); end--) {
            candidates.add(n.substring(0, end));
        }
        return jdbc.sql("SELECT " + COLUMNS + ", normalized FROM intake_address WHERE normalized = ANY (:candidates)"
                        + " ORDER BY length(normalized) DESC, code LIMIT 1")
                .param("candidates", candidates.toArray(String[]::new))
                .query((rs, row) -> new AddressMatch(map(rs, row), rs.getString("normalized").equals(n)))
                .optional();
    }

    /** Addresses whose code or text contains the query, by code; for the administrators' screen and the dispatchers' search. */
    public List<StandardAddress> search(String query, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw LocalizedException.badRequest("intake.error.pageSize", 200);
        }
        String q = query == null ? "" : query.strip();
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_address"
                        + (q.isEmpty() ? "" : " WHERE code = :q OR address ILIKE :like OR normalized LIKE :normalized")
                        + " ORDER BY code LIMIT :size OFFSET :offset")
                .param("q", q).param("like", like)
                .param("normalized", "%" + normalizer.normalize(q).replace("%", "\\%").replace("_", "\\_") + "%")
                .param("size", size).param("offset", (long) page * size)
                .query(StandardAddresses::map).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM intake_address").query(Long.class).single();
    }

    /** Adds or replaces one address; 400 naming the fault when its point lies outside every grid. */
    public StandardAddress save(String code, String address, double lon, double lat, String crs, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Row> row = check(code, address, String.valueOf(lon), String.valueOf(lat), crs, problems);
        if (row.isEmpty()) {
            throw new InvalidReportException(problems);
        }
        upsert(List.of(row.get()), actor, clock.instant());
        return find(row.get().code).orElseThrow();
    }

    public boolean delete(String code) {
        return jdbc.sql("DELETE FROM intake_address WHERE code = :code").param("code", code).update() > 0;
    }

    /**
     * What an address import did: rows read, added or replaced, and the rejected rows by line (the first
     * {@value #MAX_PROBLEMS}). Good rows are kept even when others are rejected.
     */
    public record ImportResult(long rows, long saved, long rejected, List<FieldProblem> problems, long millis) {
    }

    /** Loads a CSV or Excel file of standard addresses, streaming, in batches; same code = replaced. */
    public ImportResult importFile(Path file, TableFormat format, Charset charset, Actor actor) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        long[] counts = new long[3];
        List<Row> batch = new ArrayList<>(BATCH);
        Map<String, Integer> columns = new HashMap<>();
        try {
            format.read(file, charset, new RowHandler() {
                @Override
                public void header(List<String> cells) {
                    for (int i = 0; i < cells.size(); i++) {
                        int index = i;
                        column(cells.get(i)).ifPresent(name -> columns.putIfAbsent(name, index));
                    }
                    List<String> missing = new ArrayList<>();
                    for (String required : List.of("code", "address", "lon", "lat")) {
                        if (!columns.containsKey(required)) {
                            missing.add(required);
                        }
                    }
                    if (!missing.isEmpty()) {
                        throw LocalizedException.badRequest("intake.error.addressColumns", String.join(", ", missing));
                    }
                }

                @Override
                public boolean row(long line, List<String> cells) {
                    counts[0]++;
                    List<FieldProblem> rowProblems = new ArrayList<>();
                    Optional<Row> row = check(cell(cells, "code"), cell(cells, "address"), cell(cells, "lon"), cell(cells, "lat"),
                            cell(cells, "crs"), rowProblems);
                    if (row.isEmpty()) {
                        counts[2]++;
                        String code = cell(cells, "code");
                        rowProblems.stream().limit(Math.max(0, MAX_PROBLEMS - problems.size()))
                                .forEach(p -> problems.add(p.at(line, code)));
                        return true;
                    }
                    batch.add(row.get());
                    if (batch.size() == BATCH) {
                        counts[1] += upsert(batch, actor, now);
                        batch.clear();
                    }
                    return true;
                }

                private String cell(List<String> cells, String name) {
                    Integer index = columns.get(name);
                    return index == null || index >= cells.size() ? null : cells.get(index);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedFileException e) {
            throw LocalizedException.badRequest("intake.error.malformedFile", e.line(), e.getMessage());
        }
        if (!batch.isEmpty()) {
            counts[1] += upsert(batch, actor, now);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Standard addresses imported: {} rows, {} saved, {} rejected in {} ms", counts[0], counts[1], counts[2], millis);
        return new ImportResult(counts[0], counts[1], counts[2], problems, millis);
    }

    private static Optional<String> column(String heading) {
        String h = heading == null ? "" : heading.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (h) {
            case "code", "地址编码", "标准地址编码", "编码", "address_id" -> "code";
            case "address", "标准地址", "地址", "地址名称" -> "address";
            case "lon", "lng", "longitude", "经度" -> "lon";
            case "lat", "latitude", "纬度" -> "lat";
            case "crs", "坐标系" -> "crs";
            default -> null;
        });
    }

    private record Row(String code, String address, String normalized, double lat, double lon, String grid, String district) {
    }

    private Optional<Row> check(String code, String address, String lonText, String latText, String crsText, List<FieldProblem> problems) {
        String c = Values.blankToNull(code);
        String a = Values.blankToNull(address);
        if (c == null) {
            problems.add(FieldProblem.of("code", "intake.field.required"));
        } else if (c.length() > StandardAddress.MAX_CODE) {
            problems.add(FieldProblem.of("code", "intake.field.tooLong", StandardAddress.MAX_CODE, c.length()));
        }
        if (a == null) {
            problems.add(FieldProblem.of("address", "intake.field.required"));
        } else if (a.length() > ExternalReport.MAX_ADDRESS) {
            problems.add(FieldProblem.of("address", "intake.field.tooLong", ExternalReport.MAX_ADDRESS, a.length()));
        }
        Optional<Double> lon = Values.number(lonText);
        Optional<Double> lat = Values.number(latText);
        if (lon.isEmpty() || !LonLat.isLongitude(lon.get())) {
            problems.add(FieldProblem.of("lon", "intake.field.longitude", String.valueOf(lonText)));
        }
        if (lat.isEmpty() || !LonLat.isLatitude(lat.get())) {
            problems.add(FieldProblem.of("lat", "intake.field.latitude", String.valueOf(latText)));
        }
        String crsName = Values.blankToNull(crsText);
        Optional<CoordinateSystem> crs = crsName == null ? Optional.of(CoordinateSystem.WGS84) : CoordinateSystem.parse(crsName);
        if (crs.isEmpty()) {
            problems.add(FieldProblem.of("crs", "intake.field.crs", crsName));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        LonLat wgs84 = crs.get().toWgs84(new LonLat(lon.get(), lat.get()));
        Optional<Location> location = locator.locate(wgs84);
        if (location.isEmpty()) {
            problems.add(FieldProblem.of("lon", "intake.field.outsideGrids", lat.get(), lon.get()));
            return Optional.empty();
        }
        String normalized = normalizer.normalize(a);
        if (normalized.isEmpty()) {
            problems.add(FieldProblem.of("address", "intake.field.required"));
            return Optional.empty();
        }
        Location l = location.get();
        String grid = l.comprehensiveGrid().orElse(l.grids().getFirst()).code();
        return Optional.of(new Row(c, a, normalized, wgs84.lat(), wgs84.lon(), grid, l.district().code()));
    }

    private int upsert(List<Row> rows, Actor actor, Instant now) {
        // the same code twice in one batch would make ON CONFLICT touch a row twice: the last one wins
        Map<String, Row> unique = new LinkedHashMap<>();
        rows.forEach(r -> unique.put(r.code, r));
        List<Row> list = List.copyOf(unique.values());
        template.batchUpdate("""
                INSERT INTO intake_address (code, address, normalized, lat, lon, grid_code, district_code, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET address = excluded.address, normalized = excluded.normalized, lat = excluded.lat,
                    lon = excluded.lon, grid_code = excluded.grid_code, district_code = excluded.district_code,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, list, list.size(), (ps, r) -> {
            ps.setString(1, r.code);
            ps.setString(2, r.address);
            ps.setString(3, r.normalized);
            ps.setDouble(4, r.lat);
            ps.setDouble(5, r.lon);
            ps.setString(6, r.grid);
            ps.setString(7, r.district);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setLong(9, actor.userId());
        });
        return rows.size();
    }

    static StandardAddress map(ResultSet rs, int row) throws SQLException {
        return new StandardAddress(rs.getString("code"), rs.getString("address"), rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getString("grid_code"), rs.getString("district_code"), rs.getTimestamp("updated_at").toInstant());
    }
}
