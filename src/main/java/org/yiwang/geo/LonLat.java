package org.yiwang.geo;

/**
 * A position as longitude and latitude in degrees. Which datum it is in (WGS-84, GCJ-02, BD-09) is
 * the holder's to know; everything Yiwang stores is WGS-84 (see {@link CoordinateSystem}).
 */
public record LonLat(double lon, double lat) {

    public LonLat {
        if (!isLongitude(lon)) {
            throw new IllegalArgumentException("longitude must be a number within [-180, 180]: " + lon);
        }
        if (!isLatitude(lat)) {
            throw new IllegalArgumentException("latitude must be a number within [-90, 90]: " + lat);
        }
    }

    public static boolean isLongitude(double value) {
        return Double.isFinite(value) && value >= -180 && value <= 180;
    }

    public static boolean isLatitude(double value) {
        return Double.isFinite(value) && value >= -90 && value <= 90;
    }

    @Override
    public String toString() {
        return "(" + lon + ", " + lat + ")";
    }
}
