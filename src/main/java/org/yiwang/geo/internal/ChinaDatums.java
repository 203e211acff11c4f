package org.yiwang.geo.internal;

import org.yiwang.geo.LonLat;

/**
 * The published GCJ-02 and BD-09 formulas (the ones every Chinese map SDK and the coordtransform
 * libraries agree on). GCJ-02 adds a smooth pseudo-random offset of a few hundred metres on the
 * Krasovsky ellipsoid; BD-09 rotates and shifts GCJ-02 once more.
 */
public final class ChinaDatums {

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    /** Convergence threshold of the GCJ-02 inversion, well below the required 1e-7 degrees. */
    private static final double INVERSION_EPSILON = 1e-10;
    private static final int INVERSION_MAX_STEPS = 30;

    private ChinaDatums() {
    }

    /** The rough box the obfuscation applies to; outside it GCJ-02 is WGS-84. */
    public static boolean outsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static LonLat wgs84ToGcj02(LonLat wgs) {
        if (outsideChina(wgs.lon(), wgs.lat())) {
            return wgs;
        }
        double[] offset = offset(wgs.lon(), wgs.lat());
        return new LonLat(wgs.lon() + offset[0], wgs.lat() + offset[1]);
    }

    /**
     * Inverts {@link #wgs84ToGcj02} by fixed-point iteration: the offset varies so slowly that each
     * step shrinks the error by about four orders of magnitude.
     */
    public static LonLat gcj02ToWgs84(LonLat gcj) {
        if (outsideChina(gcj.lon(), gcj.lat())) {
            return gcj;
        }
        double lon = gcj.lon();
        double lat = gcj.lat();
        for (int step = 0; step < INVERSION_MAX_STEPS; step++) {
            double gLon = lon;
            double gLat = lat;
            if (!outsideChina(lon, lat)) {
                double[] offset = offset(lon, lat);
                gLon += offset[0];
                gLat += offset[1];
            }
            double dLon = gLon - gcj.lon();
            double dLat = gLat - gcj.lat();
            lon -= dLon;
            lat -= dLat;
            if (Math.abs(dLon) < INVERSION_EPSILON && Math.abs(dLat) < INVERSION_EPSILON) {
                break;
            }
        }
        return new LonLat(lon, lat);
    }

    public static LonLat gcj02ToBd09(LonLat gcj) {
        double x = gcj.lon();
        double y = gcj.lat();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
        return new LonLat(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    public static LonLat bd09ToGcj02(LonLat bd) {
        double x = bd.lon() - 0.0065;
        double y = bd.lat() - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new LonLat(z * Math.cos(theta), z * Math.sin(theta));
    }

    /** GCJ-02 minus WGS-84 at a WGS-84 position, in degrees of longitude and latitude. */
    private static double[] offset(double lon, double lat) {
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[]{dLon, dLat};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
