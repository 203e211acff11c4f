package org.yiwang.geo;

/**
 * The demo territory was generated on first start: communities and grids of a district exist now,
 * without grid workers — the module that owns users may now assign them
 * ({@link Grids#comprehensiveGridCodes()}, {@link Grids#assignWorker}).
 */
public record TerritoryGenerated(String districtCode, int communities, int comprehensiveGrids, int dedicatedGrids,
                                 long revision) {
}
