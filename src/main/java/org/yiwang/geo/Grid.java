package org.yiwang.geo;

import org.locationtech.jts.geom.Geometry;

import java.time.Instant;
import java.util.List;

/**
 * A grid (网格) with everything geography knows about it.
 *
 * @param geometry Polygon or MultiPolygon in WGS-84 longitude/latitude
 * @param areaM2 area in square metres
 * @param workers assigned grid workers, full-time ones first
 */
public record Grid(String code, String name, GridKind kind, DedicatedType dedicatedType,
                   DivisionRef community, DivisionRef street, DivisionRef district,
                   int households, int population, double areaM2, Geometry geometry,
                   List<GridWorker> workers, Instant updatedAt) {

    public Grid {
        workers = List.copyOf(workers);
    }

    public GridRef ref() {
        return new GridRef(code, name, kind, dedicatedType);
    }

    public boolean hasFullTimeWorker() {
        return workers.stream().anyMatch(GridWorker::fullTime);
    }
}
