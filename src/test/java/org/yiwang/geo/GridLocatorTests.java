package org.yiwang.geo;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.yiwang.geo.internal.GridIndexSource;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class GridLocatorTests {

    static final Territory A = TerritoryGenerator.demo();
    static final Territory B = new TerritoryGenerator(99).generate(TerritoryGenerator.DEMO_GRIDS);

    /** A database stand-in whose revision the test moves; odd revisions show territory B. */
    static final class MovingSource implements GridIndexSource {
        final AtomicLong revision = new AtomicLong(1);
        final AtomicInteger loads = new AtomicInteger();

        @Override
        public long revision() {
            return revision.get();
        }

        @Override
        public GridIndex load() {
            loads.incrementAndGet();
            long r = revision.get();
            return (r % 2 == 0 ? A : B).index(r);
        }
    }

    @Test
    void readersAlwaysSeeAWholeIndexWhileItIsSwapped() throws Exception {
        MovingSource source = new MovingSource();
        GridLocator locator = new GridLocator(source);
        locator.refresh();
        Point p = A.comprehensiveGrids().get(500).geometry().getInteriorPoint();
        LonLat point = new LonLat(p.getX(), p.getY());
        String inA = A.index(0).gridsAt(p.getX(), p.getY()).getFirst().code();
        String inB = B.index(0).gridsAt(p.getX(), p.getY()).getFirst().code();

        AtomicBoolean stop = new AtomicBoolean();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong lookups = new AtomicLong();
        CountDownLatch started = new CountDownLatch(4);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> results = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            results.add(readers.submit(() -> {
                started.countDown();
                while (!stop.get()) {
                    Location location = locator.locate(point).orElseThrow();
                    assertThat(location.grids()).isNotEmpty();
                    seen.add(location.grids().getFirst().code());
                    lookups.incrementAndGet();
                }
                return null;
            }));
        }
        started.await();
        for (int swap = 0; swap < 20; swap++) {
            source.revision.incrementAndGet();
            locator.refresh();
            Thread.sleep(5);
        }
        stop.set(true);
        readers.shutdown();
        assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        for (Future<?> result : results) {
            result.get(); // rethrows a reader's failure
        }
        assertThat(seen).containsExactlyInAnyOrder(inA, inB);
        assertThat(lookups.get()).isGreaterThan(1_000);
        assertThat(locator.index().revision()).isEqualTo(21);
    }

    @Test
    void rebuildsOnlyWhenTheRevisionChanged() {
        MovingSource source = new MovingSource();
        GridLocator locator = new GridLocator(source);
        locator.refresh();
        locator.refresh();
        locator.refreshIfChangedElsewhere();
        assertThat(source.loads).hasValue(1);
        source.revision.set(2);
        locator.refreshIfChangedElsewhere();
        assertThat(source.loads).hasValue(2);
        assertThat(locator.index().revision()).isEqualTo(2);
    }

    @Test
    void anOlderIndexNeverReplacesANewerOne() {
        MovingSource source = new MovingSource();
        GridLocator locator = new GridLocator(source);
        source.revision.set(8);
        locator.refresh();
        source.revision.set(5); // a slow replica, or a load that started before the last change
        locator.refresh();
        assertThat(locator.index().revision()).isEqualTo(8);
    }

    @Test
    void locatesPointsGivenInGcj02() {
        MovingSource source = new MovingSource();
        source.revision.set(2);
        GridLocator locator = new GridLocator(source);
        locator.refresh();
        Point p = A.comprehensiveGrids().get(10).geometry().getInteriorPoint();
        LonLat wgs = new LonLat(p.getX(), p.getY());
        LonLat gcj = CoordinateSystem.GCJ02.fromWgs84(wgs);
        Location location = locator.locate(gcj, CoordinateSystem.GCJ02).orElseThrow();
        assertThat(location.grids().getFirst().code()).isEqualTo(A.comprehensiveGrids().get(10).code());
        assertThat(locator.locate(gcj)).map(l -> l.grids().getFirst().code())
                .isNotEqualTo(java.util.Optional.of(A.comprehensiveGrids().get(10).code()));
    }
}
