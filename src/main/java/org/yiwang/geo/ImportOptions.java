package org.yiwang.geo;

import java.util.Objects;

/**
 * How to import a GeoJSON file of grids.
 *
 * @param dryRun only validate and report, change nothing
 * @param coordinates the coordinate system of the file's positions; GCJ-02 and BD-09 (as drawn on AMap or
 *                    Baidu) are converted to WGS-84 before anything else
 */
public record ImportOptions(boolean dryRun, CoordinateSystem coordinates) {

    public ImportOptions {
        Objects.requireNonNull(coordinates, "coordinates");
    }

    public static ImportOptions apply() {
        return new ImportOptions(false, CoordinateSystem.WGS84);
    }

    public static ImportOptions dryRunOnly() {
        return new ImportOptions(true, CoordinateSystem.WGS84);
    }
}
