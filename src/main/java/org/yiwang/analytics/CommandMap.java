package org.yiwang.analytics;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.geo.Divisions;
import org.yiwang.geo.GridIndex;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.Actor;
import org.yiwang.platform.RowGuard;
import org.yiwang.platform.DataScope;
import org.yiwang.workorder.Deadline;
import org.yiwang.workorder.DeadlinePolicy;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.WorkOrderStatus;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command-centre map (指挥中心一张图): the reader's grids as GeoJSON and the orders on them, each
 * with its traffic light, and how many orders each grid holds — always within the reader's data
 * scope, with the district code leading every query.
 */
@Service
@Transactional(readOnly = true)
public class CommandMap {

    /** More markers than this are not sent: the newest are, and the answer says it was cut. */
    public static final int MAX_MARKERS = 3000;

    private static final String COLUMNS = """
            o.id, o.number, o.lat, o.lon, o.status, o.category_code, o.source, o.grid_code, o.created_at, o.stage,
            o.stage_started_at, o.stage_due_at, o.stage_working_time, o.stage_rule, o.suspended, o.suspended_at
            """;

    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final Divisions divisions;
    private final DeadlinePolicy deadlines;
    private final Clock clock;
    private final Map<String, byte[]> shapes = new ConcurrentHashMap<>();

    CommandMap(JdbcClient jdbc, GridLocator grids, Divisions divisions, DeadlinePolicy deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.divisions = divisions;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** One order on the map. */
    public record Marker(long id, String number, double lat, double lon, WorkOrderStatus status, String categoryCode,
                         Source source, String gridCode, Instant createdAt, TrafficLight light) {
    }

    /**
     * The orders that pass the filter (newest first, at most {@link #MAX_MARKERS}) and the number of them
     * per grid.
     */
    public record Orders(List<Marker> markers, Map<String, Long> perGrid, long total, boolean truncated) {
    }

    public Orders orders(Actor reader, MapFilter filter) {
        ScopeSql scope = ScopeSql.of(reader, divisions);
        if (scope.isEmpty()) {
            return new Orders(List.of(), Map.of(), 0, false);
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        Map<String, Long> perGrid = new HashMap<>();
        long[] total = {0};
        bind(jdbc.sql(loadSql(where)), params).query(rs -> {
            perGrid.put(rs.getString("grid_code"), rs.getLong("n"));
            total[0] += rs.getLong("n");
        });
        Instant now = clock.instant();
        List<Marker> markers = bind(jdbc.sql(markersSql(where)), params).param("limit", MAX_MARKERS)
                .query(row(now)).list();
        perGrid.remove(null);
        return new Orders(markers, perGrid, total[0], total[0] > markers.size());
    }

    /** One order as a marker, whatever its state; for live updates (the caller checks who may see it). */
    public Optional<Marker> marker(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workorder_order o WHERE o.id = :id").param("id", orderId)
                .query(row(clock.instant())).optional();
    }

    static String loadSql(String where) {
        return "SELECT o.grid_code, count(*) AS n FROM workorder_order o WHERE " + where + " GROUP BY o.grid_code";
    }

    static String markersSql(String where) {
        return "SELECT " + COLUMNS + " FROM workorder_order o WHERE " + where + " ORDER BY o.created_at DESC, o.id DESC LIMIT :limit";
    }

    static String where(ScopeSql scope, MapFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(scope.where("o"));
        params.put("districts", scope.districts());
        params.put("patterns", scope.patterns());
        if (filter.status() == null) {
            where.append(" AND ").append(Indicators.OPEN);
        } else {
            where.append(" AND o.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.category() != null) {
            where.append(" AND o.category_code LIKE :category");
            params.put("category", filter.category() + "%");
        }
        if (filter.source() != null) {
            where.append(" AND o.source = :source");
            params.put("source", filter.source().name());
        }
        if (filter.from() != null) {
            where.append(" AND o.created_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND o.created_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        return where.toString();
    }

    private RowMapper<Marker> row(Instant now) {
        return (rs, n) -> new Marker(rs.getLong("id"), rs.getString("number"), rs.getDouble("lat"), rs.getDouble("lon"),
                WorkOrderStatus.valueOf(rs.getString("status")), rs.getString("category_code"), Source.valueOf(rs.getString("source")),
                rs.getString("grid_code"), rs.getTimestamp("created_at").toInstant(), light(rs, now));
    }

    /** The light of the running stage, as the order itself computes it: share of its limit used at now (or when suspended). */
    private TrafficLight light(ResultSet rs, Instant now) throws SQLException {
        Timestamp started = rs.getTimestamp("stage_started_at");
        Timestamp due = rs.getTimestamp("stage_due_at");
        if (rs.getString("stage") == null || started == null || due == null) {
            return TrafficLight.NONE;
        }
        Timestamp suspendedAt = rs.getTimestamp("suspended_at");
        Instant at = rs.getBoolean("suspended") && suspendedAt != null ? suspendedAt.toInstant() : now;
        Deadline deadline = new Deadline(due.toInstant(), rs.getBoolean("stage_working_time"), rs.getString("stage_rule"));
        // one marker whose stage cannot be measured is drawn without a light rather than failing the map
        return RowGuard.one("map marker", rs.getLong("id"), id -> id,
                id -> TrafficLight.of(deadlines.usedFraction(started.toInstant(), deadline, at)), id -> TrafficLight.NONE);
    }

    /**
     * The grids in the reader's scope as a GeoJSON FeatureCollection ({@code code}, {@code name},
     * {@code kind}, {@code community}, {@code street}), coordinates rounded to about a metre. Built from
     * the grid index in memory and kept per scope until the territory changes.
     */
    public byte[] gridsGeoJson(Actor reader) {
        ScopeSql.of(reader, divisions);
        GridIndex index = grids.index();
        String key = index.revision() + "|" + reader.scope();
        byte[] cached = shapes.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] built = build(index, reader.scope());
        if (shapes.size() > 64) {
            shapes.clear();
        }
        shapes.put(key, built);
        return built;
    }

    private static byte[] build(GridIndex index, DataScope scope) {
        StringBuilder json = new StringBuilder(256 * 1024).append("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (IndexedGrid grid : index.grids()) {
            if (!scope.covers(grid.code())) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(grid.code())
                    .append("\",\"name\":").append(quote(grid.grid().name()))
                    .append(",\"kind\":\"").append(grid.kind() == GridKind.COMPREHENSIVE ? "comprehensive" : "dedicated")
                    .append("\",\"community\":").append(quote(grid.community().name()))
                    .append(",\"street\":").append(quote(grid.street().name()))
                    .append("},\"geometry\":");
            geometry(json, grid.geometry());
            json.append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void geometry(StringBuilder json, Geometry geometry) {
        json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (!(geometry.getGeometryN(i) instanceof Polygon polygon)) {
                continue;
            }
            if (json.charAt(json.length() - 1) != '[') {
                json.append(',');
            }
            json.append('[');
            ring(json, polygon.getExteriorRing());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                json.append(',');
                ring(json, polygon.getInteriorRingN(h));
            }
            json.append(']');
        }
        json.append("]}");
    }

    private static void ring(StringBuilder json, LineString ring) {
        json.append('[');
        Coordinate[] coordinates = ring.getCoordinates();
        for (int i = 0; i < coordinates.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('[').append(round(coordinates[i].x)).append(',').append(round(coordinates[i].y)).append(']');
        }
        json.append(']');
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        params.forEach(spec::param);
        return spec;
    }
}
