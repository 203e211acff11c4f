package org.yiwang.geo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.yiwang.geo.internal.Geometries;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GridIndexTests {

    static final Territory TERRITORY = TerritoryGenerator.demo();
    static final List<Territory.GeneratedGrid> COMPREHENSIVE = TERRITORY.comprehensiveGrids();
    static final GridIndex INDEX = TERRITORY.index(7);

    /** A point strictly inside a generated (convex, four-cornered) grid, by bilinear interpolation of its corners. */
    static Point inside(Territory.GeneratedGrid grid, double u, double v) {
        Coordinate[] c = grid.geometry().getExteriorRing().getCoordinates(); // sw, se, ne, nw, sw
        double x = (1 - u) * (1 - v) * c[0].x + u * (1 - v) * c[1].x + u * v * c[2].x + (1 - u) * v * c[3].x;
        double y = (1 - u) * (1 - v) * c[0].y + u * (1 - v) * c[1].y + u * v * c[2].y + (1 - u) * v * c[3].y;
        return Geometries.FACTORY.createPoint(new Coordinate(x, y));
    }

    @Property(tries = 3_000)
    void aPointInsideAComprehensiveGridResolvesToExactlyThatGrid(@ForAll @IntRange(min = 0, max = 999) int which,
                                                                 @ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double u,
                                                                 @ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double v) {
        Territory.GeneratedGrid grid = COMPREHENSIVE.get(which);
        Point p = inside(grid, u, v);
        List<IndexedGrid> found = INDEX.gridsAt(p.getX(), p.getY());
        assertThat(found).isNotEmpty();
        assertThat(found.getFirst().code()).isEqualTo(grid.code());
        assertThat(found.stream().filter(g -> g.kind() == GridKind.COMPREHENSIVE)).hasSize(1);
    }

    @Property(tries = 3_000)
    void theIndexAgreesWithJtsEverywhereInTheTerritory(@ForAll @DoubleRange(min = 0, max = 1) double fx,
                                                       @ForAll @DoubleRange(min = 0, max = 1) double fy) {
        Envelope box = TERRITORY.bounds();
        double lon = box.getMinX() - 0.01 + fx * (box.getWidth() + 0.02);
        double lat = box.getMinY() - 0.01 + fy * (box.getHeight() + 0.02);
        Point p = Geometries.FACTORY.createPoint(new Coordinate(lon, lat));
        Set<String> containing = TERRITORY.grids().stream().filter(g -> g.geometry().contains(p))
                .map(Territory.GeneratedGrid::code).collect(Collectors.toSet());
        Set<String> covering = TERRITORY.grids().stream().filter(g -> g.geometry().covers(p))
                .map(Territory.GeneratedGrid::code).collect(Collectors.toSet());
        List<IndexedGrid> found = INDEX.gridsAt(lon, lat);
        // inside: the same; on a boundary (jqwik likes edge values) the index picks a side, JTS says neither
        assertThat(found).as("at %s, %s", lon, lat).extracting(IndexedGrid::code)
                .containsAll(containing).allMatch(covering::contains);
        assertThat(found).extracting(IndexedGrid::kind).isSorted();
    }

    @Test
    void everyPointOfTheTerritoryLiesInExactlyOneComprehensiveGrid() {
        Envelope box = TERRITORY.bounds();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            assertThat(INDEX.gridsAt(lon, lat).stream().filter(g -> g.kind() == GridKind.COMPREHENSIVE))
                    .as("at %s, %s", lon, lat).hasSize(1);
        }
    }

    @Test
    void cornersAndEdgeMidpointsSharedByGridsOfACommunityBelongToExactlyOneOfThem() {
        for (Territory.GeneratedGrid grid : COMPREHENSIVE.subList(0, 200)) {
            Coordinate[] ring = grid.geometry().getExteriorRing().getCoordinates();
            for (int k = 0; k < 4; k++) {
                Coordinate a = ring[k];
                Coordinate b = ring[k + 1];
                for (Coordinate p : List.of(a, new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2))) {
                    boolean onCommunityBoundary = TERRITORY.communities().stream()
                            .filter(c -> c.code().equals(grid.communityCode()))
                            .anyMatch(c -> !c.boundary().getInteriorPoint().isEmpty()
                                    && c.boundary().getExteriorRing().isWithinDistance(Geometries.FACTORY.createPoint(p), 1e-9));
                    if (onCommunityBoundary) {
                        continue; // neighbours across a street boundary meet in T-junctions
                    }
                    assertThat(INDEX.gridsAt(p.x, p.y).stream().filter(g -> g.kind() == GridKind.COMPREHENSIVE))
                            .as("at %s of %s", p, grid.code()).hasSize(1);
                }
            }
        }
    }

    @Test
    void aPointInADedicatedGridListsTheComprehensiveGridFirst() {
        Territory.GeneratedGrid school = TERRITORY.dedicatedGrids().getFirst();
        Point p = school.geometry().getInteriorPoint();
        List<IndexedGrid> found = INDEX.gridsAt(p.getX(), p.getY());
        assertThat(found).extracting(IndexedGrid::kind).containsExactly(GridKind.COMPREHENSIVE, GridKind.DEDICATED);
        assertThat(found.get(1).code()).isEqualTo(school.code());
        assertThat(found.getFirst().community().code()).isEqualTo(school.communityCode());
    }

    @Test
    void locateNamesTheCommunityStreetAndDistrict() {
        Territory.GeneratedGrid grid = COMPREHENSIVE.get(42);
        Point p = inside(grid, 0.5, 0.5);
        Location location = INDEX.locate(new LonLat(p.getX(), p.getY())).orElseThrow();
        assertThat(location.comprehensiveGrid().orElseThrow().code()).isEqualTo(grid.code());
        assertThat(location.community().code()).isEqualTo(grid.communityCode());
        assertThat(location.street().code()).isEqualTo(grid.code().substring(0, 9));
        assertThat(location.street().name()).endsWith("街道");
        assertThat(location.district()).isEqualTo(new DivisionRef("320104", "秦淮区"));
        assertThat(location.point()).isEqualTo(new LonLat(p.getX(), p.getY()));
    }

    @Test
    void pointsOutsideEveryGridFindNothing() {
        assertThat(INDEX.gridsAt(116.404, 39.915)).isEmpty();
        assertThat(INDEX.gridsAt(Double.NaN, 32.02)).isEmpty();
        assertThat(INDEX.locate(new LonLat(0, 0))).isEmpty();
        assertThat(GridIndex.empty().gridsAt(118.8, 32.02)).isEmpty();
        assertThat(GridIndex.empty().size()).isZero();
    }

    @Test
    void multipolygonsWithHolesAreRespected() {
        var outer = Geometries.FACTORY.createPolygon(
                Geometries.FACTORY.createLinearRing(new Coordinate[]{new Coordinate(0, 0), new Coordinate(10, 0),
                        new Coordinate(10, 10), new Coordinate(0, 10), new Coordinate(0, 0)}),
                new org.locationtech.jts.geom.LinearRing[]{Geometries.FACTORY.createLinearRing(new Coordinate[]{
                        new Coordinate(4, 4), new Coordinate(6, 4), new Coordinate(6, 6), new Coordinate(4, 6), new Coordinate(4, 4)})});
        var island = Geometries.FACTORY.createPolygon(new Coordinate[]{new Coordinate(20, 0), new Coordinate(21, 0),
                new Coordinate(21, 1), new Coordinate(20, 1), new Coordinate(20, 0)});
        var multi = Geometries.FACTORY.createMultiPolygon(new org.locationtech.jts.geom.Polygon[]{outer, island});
        DivisionRef d = new DivisionRef("320104", "秦淮区");
        GridIndex index = GridIndex.build(1, List.of(new IndexedGrid(
                new GridRef("320104001001001", "环", GridKind.COMPREHENSIVE, null), d, d, d, multi)));
        assertThat(index.gridsAt(1, 1)).hasSize(1);
        assertThat(index.gridsAt(5, 5)).isEmpty();
        assertThat(index.gridsAt(20.5, 0.5)).hasSize(1);
        assertThat(index.gridsAt(15, 0.5)).isEmpty();
    }
}
