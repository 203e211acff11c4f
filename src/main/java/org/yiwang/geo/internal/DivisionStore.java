package org.yiwang.geo.internal;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.platform.DataScope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Divisions in {@code geo_division}. */
@Repository
public class DivisionStore {

    private static final String COLUMNS = "code, name, level, parent_code";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;

    DivisionStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Inserts or renames the divisions (parents first); rows that already say the same are not
     * touched, so that every node may run this at every start.
     *
     * @return how many rows were inserted or changed
     */
    public int upsert(List<Division> divisions) {
        Timestamp now = Timestamp.from(clock.instant());
        MapSqlParameterSource[] rows = divisions.stream().map(d -> new MapSqlParameterSource()
                .addValue("code", d.code()).addValue("name", d.name()).addValue("level", d.level().name())
                .addValue("parent", d.parentCode()).addValue("district", districtOf(d)).addValue("now", now))
                .toArray(MapSqlParameterSource[]::new);
        int[] counts = batch.batchUpdate("""
                INSERT INTO geo_division (code, name, level, parent_code, district_code, updated_at)
                VALUES (:code, :name, :level, :parent, :district, :now)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,
                    parent_code = excluded.parent_code, district_code = excluded.district_code, updated_at = excluded.updated_at
                WHERE (geo_division.name, geo_division.level, geo_division.parent_code)
                    IS DISTINCT FROM (excluded.name, excluded.level, excluded.parent_code)
                """, rows);
        int changed = 0;
        for (int count : counts) {
            changed += Math.max(count, 0);
        }
        return changed;
    }

    /** Inserts or updates communities; a null boundary keeps the stored one. */
    public void upsertCommunities(List<Division> communities, Map<String, Geometry> boundaries) {
        Timestamp now = Timestamp.from(clock.instant());
        MapSqlParameterSource[] rows = communities.stream().map(d -> {
            Geometry boundary = boundaries.get(d.code());
            Envelope box = boundary == null ? null : boundary.getEnvelopeInternal();
            return new MapSqlParameterSource()
                    .addValue("code", d.code()).addValue("name", d.name()).addValue("parent", d.parentCode())
                    .addValue("district", d.code().substring(0, 6))
                    .addValue("boundary", boundary == null ? null : Geometries.toWkb(boundary))
                    .addValue("minLon", box == null ? null : box.getMinX()).addValue("minLat", box == null ? null : box.getMinY())
                    .addValue("maxLon", box == null ? null : box.getMaxX()).addValue("maxLat", box == null ? null : box.getMaxY())
                    .addValue("area", boundary == null ? null : EqualAreaProjection.squareMetres(boundary))
                    .addValue("now", now);
        }).toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate("""
                INSERT INTO geo_division (code, name, level, parent_code, district_code, boundary,
                                          min_lon, min_lat, max_lon, max_lat, area_m2, updated_at)
                VALUES (:code, :name, 'COMMUNITY', :parent, :district, :boundary, :minLon, :minLat, :maxLon, :maxLat, :area, :now)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name,
                    boundary = coalesce(excluded.boundary, geo_division.boundary),
                    min_lon = coalesce(excluded.min_lon, geo_division.min_lon),
                    min_lat = coalesce(excluded.min_lat, geo_division.min_lat),
                    max_lon = coalesce(excluded.max_lon, geo_division.max_lon),
                    max_lat = coalesce(excluded.max_lat, geo_division.max_lat),
                    area_m2 = coalesce(excluded.area_m2, geo_division.area_m2),
                    updated_at = excluded.updated_at
                """, rows);
    }

    public Optional<Division> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM geo_division WHERE code = :code")
                .param("code", code).query(DivisionStore::division).optional();
    }

    public List<Division> children(String parentCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM geo_division WHERE parent_code = :parent ORDER BY code")
                .param("parent", parentCode).query(DivisionStore::division).list();
    }

    public List<Division> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM geo_division ORDER BY code").query(DivisionStore::division).list();
    }

    /** The divisions in scope, plus their ancestors so that a tree can be drawn from the top. */
    public List<Division> visible(DataScope scope) {
        if (scope.citywide()) {
            return all();
        }
        Set<String> ancestors = new LinkedHashSet<>();
        for (String prefix : scope.divisionPrefixes()) {
            ancestors.addAll(ancestorCodes(prefix));
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM geo_division WHERE code LIKE ANY(:patterns) OR code = ANY(:ancestors) ORDER BY code")
                .param("patterns", scope.likePatterns())
                .param("ancestors", ancestors.toArray(String[]::new))
                .query(DivisionStore::division).list();
    }

    /** The divisions by code, for the codes that exist. */
    public Map<String, Division> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM geo_division WHERE code = ANY(:codes)")
                .param("codes", codes.toArray(String[]::new))
                .query(DivisionStore::division).list().stream()
                .collect(Collectors.toMap(Division::code, Function.identity()));
    }

    /** The stored boundaries of those communities that have one. */
    public Map<String, Geometry> boundaries(Collection<String> communityCodes) {
        if (communityCodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT code, boundary FROM geo_division WHERE code = ANY(:codes) AND boundary IS NOT NULL")
                .param("codes", communityCodes.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), Geometries.fromWkb(rs.getBytes(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Communities with their boundary (null when none), in scope and optionally under a division. */
    public List<CommunityBoundary> communities(DataScope scope, String under) {
        ScopeSql filter = ScopeSql.of(scope, "code", "district_code");
        return jdbc.sql("SELECT code, name, parent_code, boundary FROM geo_division WHERE level = 'COMMUNITY' AND "
                        + filter.condition() + (under == null ? "" : " AND code LIKE :under") + " ORDER BY code")
                .params(filter.parameters())
                .params(under == null ? Map.of() : Map.of("under", under + "%"))
                .query((rs, n) -> new CommunityBoundary(
                        new Division(rs.getString(1), rs.getString(2), DivisionLevel.COMMUNITY, rs.getString(3)),
                        rs.getBytes(4) == null ? null : Geometries.fromWkb(rs.getBytes(4))))
                .list();
    }

    /** A community with its boundary, null when it has none. */
    public record CommunityBoundary(Division division, Geometry boundary) {
    }

    static List<String> ancestorCodes(String prefix) {
        List<String> codes = new ArrayList<>();
        if (prefix.length() >= 2) {
            codes.add(prefix.substring(0, 2) + "0000");
        }
        if (prefix.length() >= 4) {
            codes.add(prefix.substring(0, 4) + "00");
        }
        if (prefix.length() >= 9) {
            codes.add(prefix.substring(0, 6));
        }
        if (prefix.length() >= 12) {
            codes.add(prefix.substring(0, 9));
        }
        codes.remove(prefix);
        return codes;
    }

    private static String districtOf(Division d) {
        return d.level() == DivisionLevel.PROVINCE || d.level() == DivisionLevel.CITY ? null : d.code().substring(0, 6);
    }

    static Division division(ResultSet rs, int row) throws SQLException {
        return new Division(rs.getString("code"), rs.getString("name"), DivisionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"));
    }
}
