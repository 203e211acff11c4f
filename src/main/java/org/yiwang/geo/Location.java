package org.yiwang.geo;

import java.util.List;
import java.util.Optional;

/**
 * Where a point lies: every grid containing it (comprehensive first, then dedicated, each by code)
 * and the community, street and district of the first of them.
 *
 * @param point the WGS-84 position that was looked up
 */
public record Location(LonLat point, List<GridRef> grids, DivisionRef community, DivisionRef street, DivisionRef district) {

    public Location {
        grids = List.copyOf(grids);
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("a location lies in at least one grid");
        }
    }

    /** The comprehensive grid (综合网格) of the point, if any. */
    public Optional<GridRef> comprehensiveGrid() {
        return grids.stream().filter(g -> g.kind() == GridKind.COMPREHENSIVE).findFirst();
    }
}
