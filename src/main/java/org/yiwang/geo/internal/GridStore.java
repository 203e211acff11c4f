package org.yiwang.geo.internal;

import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.DedicatedType;
import org.yiwang.geo.DivisionRef;
import org.yiwang.geo.Grid;
import org.yiwang.geo.GridIndex;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridPage;
import org.yiwang.geo.GridQuery;
import org.yiwang.geo.GridRef;
import org.yiwang.geo.GridSummary;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.DataScope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Grids, their workers and the territory revision, in {@code geo_grid}, {@code geo_grid_worker}, {@code geo_revision}. */
@Repository
public class GridStore implements GridIndexSource {

    private static final String DETAIL = """
            SELECT g.code, g.name, g.kind, g.dedicated_type, g.community_code, c.name AS community_name,
                   g.street_code, s.name AS street_name, g.district_code, d.name AS district_name,
                   g.households, g.population, g.area_m2, g.geometry, g.updated_at
            FROM geo_grid g
            JOIN geo_division c ON c.code = g.community_code
            JOIN geo_division s ON s.code = g.street_code
            JOIN geo_division d ON d.code = g.district_code
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate consistentRead;
    private final Clock clock;

    GridStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.consistentRead = new TransactionTemplate(transactions);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        consistentRead.setReadOnly(true);
    }

    // ---- revision

    @Override
    public long revision() {
        return jdbc.sql("SELECT revision FROM geo_revision WHERE id = 1").query(Long.class).single();
    }

    /** Locks the territory for a change until the transaction ends, so that changes run one at a time. */
    public long lockRevision() {
        return jdbc.sql("SELECT revision FROM geo_revision WHERE id = 1 FOR UPDATE").query(Long.class).single();
    }

    /** Counts a change of the territory; call inside the transaction that made it. */
    public long bumpRevision() {
        return jdbc.sql("UPDATE geo_revision SET revision = revision + 1, changed_at = :now WHERE id = 1 RETURNING revision")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    // ---- index

    @Override
    public GridIndex load() {
        return consistentRead.execute(status -> {
            long revision = revision();
            Map<String, DivisionRef> refs = new HashMap<>();
            List<IndexedGrid> grids = new ArrayList<>();
            jdbc.sql(DETAIL).query((RowCallbackHandler) rs -> grids.add(new IndexedGrid(
                    new GridRef(rs.getString("code"), rs.getString("name"), GridKind.valueOf(rs.getString("kind")),
                            dedicatedType(rs)),
                    ref(refs, rs.getString("community_code"), rs.getString("community_name")),
                    ref(refs, rs.getString("street_code"), rs.getString("street_name")),
                    ref(refs, rs.getString("district_code"), rs.getString("district_name")),
                    Geometries.fromWkb(rs.getBytes("geometry")))));
            return GridIndex.build(revision, grids);
        });
    }

    private static DivisionRef ref(Map<String, DivisionRef> refs, String code, String name) {
        return refs.computeIfAbsent(code, c -> new DivisionRef(c, name));
    }

    // ---- reads

    public boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM geo_grid)").query(Boolean.class).single();
    }

    public Optional<Grid> find(String code) {
        Optional<Grid> found = jdbc.sql(DETAIL + " WHERE g.code = :code").param("code", code)
                .query((rs, n) -> grid(rs, List.of())).optional();
        return found.map(g -> new Grid(g.code(), g.name(), g.kind(), g.dedicatedType(), g.community(), g.street(),
                g.district(), g.households(), g.population(), g.areaM2(), g.geometry(),
                workersOf(List.of(code)).getOrDefault(code, List.of()), g.updatedAt()));
    }

    public GridPage page(GridQuery query, DataScope scope) {
        ScopeSql filter = ScopeSql.of(scope, "g.code", "g.district_code");
        StringBuilder where = new StringBuilder(" WHERE ").append(filter.condition());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (query.communityCode() != null) {
            where.append(" AND g.community_code = :community");
            params.put("community", query.communityCode());
        }
        if (query.streetCode() != null) {
            where.append(" AND g.street_code = :street");
            params.put("street", query.streetCode());
        }
        if (query.kind() != null) {
            where.append(" AND g.kind = :kind");
            params.put("kind", query.kind().name());
        }
        long total = jdbc.sql("SELECT count(*) FROM geo_grid g" + where).params(params).query(Long.class).single();
        params.put("limit", query.size());
        params.put("offset", query.offset());
        List<GridSummary> content = jdbc.sql("""
                        SELECT g.code, g.name, g.kind, g.dedicated_type, g.community_code, c.name AS community_name,
                               g.households, g.population, g.area_m2,
                               (SELECT count(*) FROM geo_grid_worker w WHERE w.grid_code = g.code) AS workers,
                               (SELECT count(*) FROM geo_grid_worker w WHERE w.grid_code = g.code AND w.full_time) AS full_time
                        FROM geo_grid g JOIN geo_division c ON c.code = g.community_code
                        """ + where + " ORDER BY g.code LIMIT :limit OFFSET :offset")
                .params(params).query(GridStore::summary).list();
        return new GridPage(content, query.page(), query.size(), total);
    }

    /** Codes of the grids of a kind whose code starts with {@code prefix} (empty prefix for all), ordered. */
    public List<String> codes(GridKind kind, String prefix) {
        return jdbc.sql("SELECT code FROM geo_grid WHERE kind = :kind AND code LIKE :prefix ORDER BY code")
                .param("kind", kind.name()).param("prefix", prefix + "%").query(String.class).list();
    }

    /** Codes of the comprehensive grids starting with {@code prefix} without a full-time worker, ordered. */
    public List<String> comprehensiveCodesWithoutFullTimeWorker(String prefix) {
        return jdbc.sql("""
                        SELECT g.code FROM geo_grid g WHERE g.kind = 'COMPREHENSIVE' AND g.code LIKE :prefix
                        AND NOT EXISTS (SELECT 1 FROM geo_grid_worker w WHERE w.grid_code = g.code AND w.full_time)
                        ORDER BY g.code
                        """)
                .param("prefix", prefix + "%").query(String.class).list();
    }

    /** Codes of all grids in these communities. */
    public Set<String> codesIn(Collection<String> communityCodes) {
        if (communityCodes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT code FROM geo_grid WHERE community_code = ANY(:communities)")
                .param("communities", communityCodes.toArray(String[]::new)).query(String.class).list());
    }

    public List<GridSummary> gridsOfWorker(long userId) {
        return jdbc.sql("""
                        SELECT g.code, g.name, g.kind, g.dedicated_type, g.community_code, c.name AS community_name,
                               g.households, g.population, g.area_m2,
                               (SELECT count(*) FROM geo_grid_worker w WHERE w.grid_code = g.code) AS workers,
                               (SELECT count(*) FROM geo_grid_worker w WHERE w.grid_code = g.code AND w.full_time) AS full_time
                        FROM geo_grid_worker mine
                        JOIN geo_grid g ON g.code = mine.grid_code
                        JOIN geo_division c ON c.code = g.community_code
                        WHERE mine.user_id = :user ORDER BY g.code
                        """)
                .param("user", userId).query(GridStore::summary).list();
    }

    /** Workers per grid code, full-time first, then by username. */
    public Map<String, List<GridWorker>> workersOf(Collection<String> gridCodes) {
        Map<String, List<GridWorker>> workers = new LinkedHashMap<>();
        if (gridCodes.isEmpty()) {
            return workers;
        }
        jdbc.sql("""
                        SELECT grid_code, user_id, username, display_name, full_time FROM geo_grid_worker
                        WHERE grid_code = ANY(:codes) ORDER BY grid_code, full_time DESC, username
                        """)
                .param("codes", gridCodes.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> workers.computeIfAbsent(rs.getString("grid_code"), c -> new ArrayList<>())
                        .add(new GridWorker(rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"),
                                rs.getBoolean("full_time"))));
        return workers;
    }

    /** Workers per grid code of every grid whose code starts with one of the prefixes: one statement. */
    public Map<String, List<GridWorker>> workersUnder(Collection<String> prefixes) {
        Map<String, List<GridWorker>> workers = new LinkedHashMap<>();
        if (prefixes.isEmpty()) {
            return workers;
        }
        jdbc.sql("""
                        SELECT grid_code, user_id, username, display_name, full_time FROM geo_grid_worker
                        WHERE grid_code LIKE ANY(:patterns) ORDER BY grid_code, full_time DESC, username
                        """)
                .param("patterns", prefixes.stream().map(p -> p + "%").toArray(String[]::new))
                .query((RowCallbackHandler) rs -> workers.computeIfAbsent(rs.getString("grid_code"), c -> new ArrayList<>())
                        .add(new GridWorker(rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"),
                                rs.getBoolean("full_time"))));
        return workers;
    }

    /** Streams grids in scope (optionally under a division code) with their workers' usernames, by community. */
    public void forEachForExport(DataScope scope, String under, ExportVisitor visitor) {
        ScopeSql filter = ScopeSql.of(scope, "g.code", "g.district_code");
        jdbc.sql("""
                        SELECT g.code, g.name, g.kind, g.dedicated_type, g.community_code, g.households, g.population, g.geometry,
                               ARRAY(SELECT w.username FROM geo_grid_worker w WHERE w.grid_code = g.code
                                     ORDER BY w.full_time DESC, w.username) AS workers
                        FROM geo_grid g WHERE
                        """ + filter.condition() + (under == null ? "" : " AND g.code LIKE :under")
                        + " ORDER BY g.community_code, g.kind, g.code")
                .params(filter.parameters())
                .params(under == null ? Map.of() : Map.of("under", under + "%"))
                .query((RowCallbackHandler) rs -> visitor.visit(new GridRow(rs.getString("code"), rs.getString("name"),
                        GridKind.valueOf(rs.getString("kind")), dedicatedType(rs), rs.getString("community_code"),
                        rs.getInt("households"), rs.getInt("population"), Geometries.fromWkb(rs.getBytes("geometry"))),
                        List.of((String[]) rs.getArray("workers").getArray())));
    }

    /** Receives one grid of an export. */
    @FunctionalInterface
    public interface ExportVisitor {
        void visit(GridRow grid, List<String> workerUsernames);
    }

    // ---- writes

    /** Inserts the grids, or overwrites those whose code exists. */
    public void upsert(List<GridRow> grids) {
        if (grids.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        MapSqlParameterSource[] rows = grids.stream().map(g -> {
            Envelope box = g.geometry().getEnvelopeInternal();
            return new MapSqlParameterSource()
                    .addValue("code", g.code()).addValue("name", g.name()).addValue("kind", g.kind().name())
                    .addValue("type", g.dedicatedType() == null ? null : g.dedicatedType().name())
                    .addValue("community", g.communityCode()).addValue("street", g.code().substring(0, 9))
                    .addValue("district", g.code().substring(0, 6))
                    .addValue("households", g.households()).addValue("population", g.population())
                    .addValue("geometry", Geometries.toWkb(g.geometry()))
                    .addValue("minLon", box.getMinX()).addValue("minLat", box.getMinY())
                    .addValue("maxLon", box.getMaxX()).addValue("maxLat", box.getMaxY())
                    .addValue("area", EqualAreaProjection.squareMetres(g.geometry()))
                    .addValue("now", now);
        }).toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate("""
                INSERT INTO geo_grid (code, name, kind, dedicated_type, community_code, street_code, district_code,
                                      households, population, geometry, min_lon, min_lat, max_lon, max_lat, area_m2, updated_at)
                VALUES (:code, :name, :kind, :type, :community, :street, :district, :households, :population, :geometry,
                        :minLon, :minLat, :maxLon, :maxLat, :area, :now)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                    dedicated_type = excluded.dedicated_type, households = excluded.households,
                    population = excluded.population, geometry = excluded.geometry, min_lon = excluded.min_lon,
                    min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat,
                    area_m2 = excluded.area_m2, updated_at = excluded.updated_at
                """, rows);
    }

    /** Removes the grids of these communities whose codes are not in {@code keep}; returns how many. */
    public int deleteInCommunitiesExcept(Collection<String> communityCodes, Collection<String> keep) {
        if (communityCodes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM geo_grid WHERE community_code = ANY(:communities) AND NOT (code = ANY(:keep))")
                .param("communities", communityCodes.toArray(String[]::new))
                .param("keep", keep.toArray(String[]::new))
                .update();
    }

    /** Sets the workers of each grid in the map to exactly the listed ones. */
    public void replaceWorkers(Map<String, List<GridWorker>> workersByGrid) {
        if (workersByGrid.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM geo_grid_worker WHERE grid_code = ANY(:codes)")
                .param("codes", workersByGrid.keySet().toArray(String[]::new)).update();
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> rows = new ArrayList<>();
        workersByGrid.forEach((grid, workers) -> workers.forEach(w -> rows.add(workerRow(grid, w, now))));
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO geo_grid_worker (grid_code, user_id, username, display_name, full_time, district_code, assigned_at)
                    VALUES (:grid, :user, :username, :displayName, :fullTime, :district, :now)
                    ON CONFLICT (grid_code, user_id) DO NOTHING
                    """, rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** Assigns the worker to the grid (or updates their full-time flag); false when the grid does not exist. */
    public boolean assign(String gridCode, GridWorker worker) {
        if (!exists(gridCode)) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO geo_grid_worker (grid_code, user_id, username, display_name, full_time, district_code, assigned_at)
                        VALUES (:grid, :user, :username, :displayName, :fullTime, :district, :now)
                        ON CONFLICT (grid_code, user_id) DO UPDATE SET username = excluded.username,
                            display_name = excluded.display_name, full_time = excluded.full_time
                        """)
                .paramSource(workerRow(gridCode, worker, Timestamp.from(clock.instant())))
                .update();
        return true;
    }

    public boolean unassign(String gridCode, long userId) {
        return jdbc.sql("DELETE FROM geo_grid_worker WHERE grid_code = :grid AND user_id = :user")
                .param("grid", gridCode).param("user", userId).update() > 0;
    }

    /** Changes name, households, population or dedicated type; false when the grid does not exist. */
    public boolean update(String code, String name, Integer households, Integer population, DedicatedType dedicatedType) {
        return jdbc.sql("""
                        UPDATE geo_grid SET name = coalesce(:name, name), households = coalesce(:households, households),
                            population = coalesce(:population, population),
                            dedicated_type = CASE WHEN kind = 'DEDICATED' THEN coalesce(:type, dedicated_type) END,
                            updated_at = :now
                        WHERE code = :code
                        """)
                .param("code", code).param("name", name).param("households", households)
                .param("population", population).param("type", dedicatedType == null ? null : dedicatedType.name())
                .param("now", Timestamp.from(clock.instant()))
                .update() > 0;
    }

    public boolean delete(String code) {
        return jdbc.sql("DELETE FROM geo_grid WHERE code = :code").param("code", code).update() > 0;
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM geo_grid WHERE code = :code)").param("code", code)
                .query(Boolean.class).single();
    }

    private static MapSqlParameterSource workerRow(String gridCode, GridWorker w, Timestamp now) {
        return new MapSqlParameterSource().addValue("grid", gridCode).addValue("user", w.userId())
                .addValue("username", w.username()).addValue("displayName", w.displayName())
                .addValue("fullTime", w.fullTime()).addValue("district", gridCode.substring(0, 6)).addValue("now", now);
    }

    private static Grid grid(ResultSet rs, List<GridWorker> workers) throws SQLException {
        return new Grid(rs.getString("code"), rs.getString("name"), GridKind.valueOf(rs.getString("kind")), dedicatedType(rs),
                new DivisionRef(rs.getString("community_code"), rs.getString("community_name")),
                new DivisionRef(rs.getString("street_code"), rs.getString("street_name")),
                new DivisionRef(rs.getString("district_code"), rs.getString("district_name")),
                rs.getInt("households"), rs.getInt("population"), rs.getDouble("area_m2"),
                Geometries.fromWkb(rs.getBytes("geometry")), workers, rs.getTimestamp("updated_at").toInstant());
    }

    private static GridSummary summary(ResultSet rs, int row) throws SQLException {
        return new GridSummary(rs.getString("code"), rs.getString("name"), GridKind.valueOf(rs.getString("kind")),
                dedicatedType(rs), rs.getString("community_code"), rs.getString("community_name"),
                rs.getInt("households"), rs.getInt("population"), rs.getDouble("area_m2"),
                rs.getInt("workers"), rs.getInt("full_time"));
    }

    private static DedicatedType dedicatedType(ResultSet rs) throws SQLException {
        String type = rs.getString("dedicated_type");
        return type == null ? null : DedicatedType.valueOf(type);
    }
}
