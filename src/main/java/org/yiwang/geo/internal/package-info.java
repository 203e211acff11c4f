/**
 * How geography works inside: storage of divisions, grids and workers, GeoJSON reading and writing,
 * the import checks, equal-area measurement, the shipped division codes and start-up.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.geo.internal;
