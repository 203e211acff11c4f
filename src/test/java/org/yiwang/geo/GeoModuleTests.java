package org.yiwang.geo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.internal.DemoTerritory;
import org.yiwang.geo.internal.DivisionCatalog;
import org.yiwang.geo.internal.DivisionStore;
import org.yiwang.geo.internal.GridRow;
import org.yiwang.geo.internal.GridStore;
import org.locationtech.jts.geom.Geometry;
import org.yiwang.platform.LocalizedException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Startup, demo territory and the API the people module uses to assign grid workers. */
@GeoSpringTest
class GeoModuleTests {

    @Autowired
    Grids grids;
    @Autowired
    Divisions divisions;
    @Autowired
    GridLocator locator;
    @Autowired
    DemoTerritory demo;
    @Autowired
    DivisionStore divisionStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GridStore gridStore;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shippedDivisionsAreLoadedAndReloadingChangesNothing() {
        assertThat(divisions.find("320104002")).map(Division::name).contains("夫子庙街道");
        assertThat(divisions.path("320104002")).extracting(Division::code).containsExactly("320000", "320100", "320104", "320104002");
        assertThat(divisions.children("320104")).extracting(Division::code).contains("320104001", "320104012", "320104400");
        assertThat(divisionStore.upsert(DivisionCatalog.load())).isZero();
    }

    @Test
    void theDemoTerritoryIsGeneratedOnceAndIndexed() {
        assertThat(grids.comprehensiveGridCodes()).hasSizeGreaterThanOrEqualTo(1_000)
                .allSatisfy(code -> assertThat(GridCode.isValid(code)).isTrue());
        assertThat(grids.comprehensiveGridCodes("320104")).hasSizeGreaterThanOrEqualTo(TerritoryGenerator.DEMO_GRIDS);
        assertThat(grids.comprehensiveGridCodes(GeoActors.FUZIMIAO)).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("320104002"));
        assertThat(grids.dedicatedGridCodes("320104")).isNotEmpty();
        assertThat(divisions.children(GeoActors.FUZIMIAO)).hasSizeBetween(4, 8)
                .allSatisfy(c -> assertThat(c.level()).isEqualTo(DivisionLevel.COMMUNITY));
        assertThat(demo.generateIfEmpty()).isEmpty();
        assertThat(locator.index().size()).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void gridWorkersAreAssignedListedAndTakenOff() {
        String code = grids.comprehensiveGridCodes("320104005").getFirst();
        grids.workers(code).forEach(w -> grids.unassignWorker(code, w.userId())); // demo users may work it already
        GridWorker worker = TestGridWorkers.fullTime(5001);
        grids.assignWorker(code, worker);
        grids.assignWorker(code, new GridWorker(worker.userId(), worker.username(), worker.displayName(), false));
        assertThat(grids.workers(code)).containsExactly(new GridWorker(worker.userId(), worker.username(), worker.displayName(), false));
        assertThat(grids.comprehensiveGridCodesWithoutFullTimeWorker("320104005")).contains(code);
        grids.assignWorker(code, worker);
        assertThat(grids.gridsOf(worker.userId())).extracting(GridSummary::code).containsExactly(code);
        assertThat(grids.find(code).orElseThrow().workers()).hasSize(1);
        assertThat(grids.comprehensiveGridCodesWithoutFullTimeWorker("320104005")).doesNotContain(code);
        assertThat(grids.unassignWorker(code, worker.userId())).isTrue();
        assertThat(grids.unassignWorker(code, worker.userId())).isFalse();
        assertThat(grids.gridsOf(worker.userId())).isEmpty();
    }

    @Test
    void aChangeMadeByAnotherNodeIsPickedUpByThePeriodicRevisionCheck() {
        String community = divisions.children("320104008").getFirst().code();
        Grid host = grids.find(grids.comprehensiveGridCodes(community).getFirst()).orElseThrow();
        org.locationtech.jts.geom.Point inside = host.geometry().getInteriorPoint();
        Geometry kiosk = inside.buffer(0.0002, 4);
        new TransactionTemplate(transactions).executeWithoutResult(status -> { // what another node's import does
            gridStore.lockRevision();
            gridStore.upsert(List.of(new GridRow(community + "950", "报刊亭", GridKind.DEDICATED, DedicatedType.MARKET,
                    community, 0, 2, kiosk)));
            gridStore.bumpRevision();
        });
        LonLat point = new LonLat(inside.getX(), inside.getY());
        assertThat(locator.gridsAt(point)).hasSize(1);
        locator.refreshIfChangedElsewhere();
        assertThat(locator.gridsAt(point)).extracting(IndexedGrid::code).containsExactly(host.code(), community + "950");
    }

    @Test
    void assigningToAGridThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> grids.assignWorker("320104005001999", TestGridWorkers.fullTime(1)))
                .isInstanceOf(LocalizedException.class)
                .satisfies(e -> assertThat(((LocalizedException) e).messageKey()).isEqualTo("geo.grid.notFound"));
    }

    @Test
    void gridDetailsNameTheirDivisions() {
        String code = grids.comprehensiveGridCodes(GeoActors.HONGHUA).getFirst();
        Grid grid = grids.find(code).orElseThrow();
        assertThat(grid.street()).isEqualTo(new DivisionRef("320104003", "红花街道"));
        assertThat(grid.district()).isEqualTo(new DivisionRef("320104", "秦淮区"));
        assertThat(grid.areaM2()).isBetween(20_000.0, 200_000.0);
        assertThat(grid.households()).isBetween(260, 340);
        assertThat(grids.find(code, GeoActors.scope(GeoActors.FUZIMIAO))).isEmpty();
    }

    @Test
    void hotQueriesUseTheirIndexes() {
        List<String> communityPlan = explain("""
                SELECT code FROM geo_grid g WHERE g.community_code = '320104002001' AND g.kind = 'COMPREHENSIVE' ORDER BY g.code""");
        assertThat(String.join("\n", communityPlan)).contains("geo_grid_community_ix");
        List<String> scopePlan = explain("""
                SELECT code FROM geo_grid g WHERE g.district_code = ANY('{320104}') AND g.code LIKE ANY('{320104002%}')
                ORDER BY g.code LIMIT 50""");
        assertThat(String.join("\n", scopePlan)).contains("geo_grid_district_ix");
        List<String> streetPlan = explain("SELECT code FROM geo_grid g WHERE g.street_code = '320104002' ORDER BY g.code LIMIT 50");
        assertThat(String.join("\n", streetPlan)).contains("geo_grid_street_ix");
        List<String> workerPlan = explain("SELECT grid_code FROM geo_grid_worker WHERE user_id = 42");
        assertThat(String.join("\n", workerPlan)).contains("geo_grid_worker_user_ix");
        List<String> childrenPlan = explain("SELECT code FROM geo_division WHERE parent_code = '320104' ORDER BY code");
        assertThat(String.join("\n", childrenPlan)).contains("geo_division_parent_ix");
    }

    private List<String> explain(String sql) {
        // the tables are small: forbid sequential scans (for this transaction only) to see the index the planner picks at scale
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("SELECT set_config('enable_seqscan', 'off', true)").query(String.class).single();
            List<String> plan = jdbc.sql("EXPLAIN " + sql).query(String.class).list();
            return plan;
        });
    }
}
