package org.yiwang.intake;

/**
 * A dispatcher's decision where a pending report lies: a standard-address code, a grid (its centre), or
 * a point (in {@code crs}, WGS-84 when blank). Exactly one of the three.
 */
public record LocatePending(String addressCode, String gridCode, Double lat, Double lon, String crs) {
}
