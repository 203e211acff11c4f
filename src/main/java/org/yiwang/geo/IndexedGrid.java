package org.yiwang.geo;

import org.locationtech.jts.geom.Geometry;

import java.util.Objects;

/**
 * What the grid index holds for one grid: the grid, the divisions above it (so that a lookup needs
 * no database), and its WGS-84 Polygon or MultiPolygon.
 */
public record IndexedGrid(GridRef grid, DivisionRef community, DivisionRef street, DivisionRef district, Geometry geometry) {

    public IndexedGrid {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(geometry, "geometry");
    }

    public String code() {
        return grid.code();
    }

    public GridKind kind() {
        return grid.kind();
    }
}
