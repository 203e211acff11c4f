package org.yiwang.geo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yiwang.geo.internal.GridIndexSource;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds the grids of a point from memory. Holds the current {@link GridIndex} and replaces it
 * atomically when the territory changes: at once after a change on this node, and within
 * {@code yiwang.geo.index-check-interval} (30 s) after a change on another node, which it notices
 * from the territory revision in the database. Readers never block and never see a half-built index.
 */
@Service
public class GridLocator {

    private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

    private final GridIndexSource source;
    private final AtomicReference<GridIndex> current = new AtomicReference<>(GridIndex.empty());
    private final Object rebuilding = new Object();

    public GridLocator(GridIndexSource source) {
        this.source = source;
    }

    /** Where a WGS-84 point lies; empty when it is outside every grid. */
    public Optional<Location> locate(LonLat wgs84) {
        return current.get().locate(wgs84);
    }

    /** Where a point given in {@code system} lies; the location carries the WGS-84 point used. */
    public Optional<Location> locate(LonLat position, CoordinateSystem system) {
        return locate(system.toWgs84(position));
    }

    /** All grids containing the WGS-84 point, comprehensive first. */
    public List<IndexedGrid> gridsAt(LonLat wgs84) {
        return current.get().gridsAt(wgs84.lon(), wgs84.lat());
    }

    /** A grid by code from the index in memory (no database access). */
    public Optional<IndexedGrid> grid(String code) {
        return current.get().find(code);
    }

    /** The index in use now. */
    public GridIndex index() {
        return current.get();
    }

    /** Rebuilds the index from the database if it changed since the index was built. */
    public void refresh() {
        synchronized (rebuilding) {
            long revision = source.revision();
            if (revision == current.get().revision()) {
                return;
            }
            long started = System.nanoTime();
            GridIndex loaded = source.load();
            GridIndex installed = current.accumulateAndGet(loaded,
                    (old, candidate) -> candidate.revision() >= old.revision() ? candidate : old);
            log.info("Grid index at revision {}: {} grids, built in {} ms", installed.revision(), installed.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Scheduled(initialDelayString = "${yiwang.geo.index-check-interval:PT30S}",
            fixedDelayString = "${yiwang.geo.index-check-interval:PT30S}")
    void refreshIfChangedElsewhere() {
        try {
            if (source.revision() != current.get().revision()) {
                refresh();
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the territory revision: {}", e.toString());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(GridsChanged changed) {
        refresh();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TerritoryGenerated generated) {
        refresh();
    }
}
