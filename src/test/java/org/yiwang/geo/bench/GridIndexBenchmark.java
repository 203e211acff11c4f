package org.yiwang.geo.bench;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.yiwang.geo.GridIndex;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.Territory;
import org.yiwang.geo.TerritoryGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Point → grid lookups per second on one thread, over a generated territory of 50,000
 * comprehensive grids (plus dedicated ones), at random points of the territory's box widened by 2 %
 * on each side — so most points lie in a grid and some outside every grid. DESIGN's target is
 * 1,000,000 lookups/s on one core. {@code strTreeOfPreparedGeometries} is the textbook JTS approach,
 * for comparison.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pbench test-compile exec:exec -Dbench=GridIndex}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class GridIndexBenchmark {

    private static final int POINTS = 1 << 16;

    @Param("50000")
    int grids;

    GridIndex index;
    STRtree tree;
    double[] lons;
    double[] lats;
    Point[] points;
    int next;

    @Setup(Level.Trial)
    public void generate() {
        Territory territory = new TerritoryGenerator(2024).generate(grids);
        index = territory.index(1);
        tree = new STRtree();
        for (Territory.GeneratedGrid grid : territory.grids()) {
            tree.insert(grid.geometry().getEnvelopeInternal(), PreparedGeometryFactory.prepare(grid.geometry()));
        }
        tree.build();
        Envelope box = territory.bounds();
        box.expandBy(box.getWidth() * 0.02, box.getHeight() * 0.02);
        SplittableRandom random = new SplittableRandom(7);
        GeometryFactory factory = new GeometryFactory();
        lons = new double[POINTS];
        lats = new double[POINTS];
        points = new Point[POINTS];
        int inside = 0;
        for (int i = 0; i < POINTS; i++) {
            lons[i] = box.getMinX() + random.nextDouble() * box.getWidth();
            lats[i] = box.getMinY() + random.nextDouble() * box.getHeight();
            points[i] = factory.createPoint(new Coordinate(lons[i], lats[i]));
            inside += index.gridsAt(lons[i], lats[i]).isEmpty() ? 0 : 1;
        }
        System.out.printf("%n%s; %.1f %% of the points lie in a grid%n", index, 100.0 * inside / POINTS);
    }

    @Benchmark
    public List<IndexedGrid> gridIndex() {
        int i = next++ & (POINTS - 1);
        return index.gridsAt(lons[i], lats[i]);
    }

    @Benchmark
    public List<PreparedGeometry> strTreeOfPreparedGeometries() {
        int i = next++ & (POINTS - 1);
        Point p = points[i];
        List<PreparedGeometry> found = new ArrayList<>(2);
        for (Object candidate : tree.query(p.getEnvelopeInternal())) {
            PreparedGeometry grid = (PreparedGeometry) candidate;
            if (grid.contains(p)) {
                found.add(grid);
            }
        }
        return found;
    }
}
