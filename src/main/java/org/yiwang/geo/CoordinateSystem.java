package org.yiwang.geo;

import org.yiwang.geo.internal.ChinaDatums;

import java.util.Locale;
import java.util.Optional;

/**
 * The coordinate systems positions arrive in. Phones and GPS give WGS-84, AMap/Tencent/WeChat give
 * GCJ-02 (国测局坐标, the obfuscated "Mars" datum), Baidu gives BD-09 (百度坐标). Outside China GCJ-02
 * equals WGS-84. Yiwang stores WGS-84; CGCS2000 (the national datum) differs from it by centimetres
 * and is accepted as WGS-84.
 */
public enum CoordinateSystem {

    WGS84("wgs84"),
    GCJ02("gcj02"),
    BD09("bd09");

    private final String id;

    CoordinateSystem(String id) {
        this.id = id;
    }

    /** The lower-case name used in URLs and files: {@code wgs84}, {@code gcj02}, {@code bd09}. */
    public String id() {
        return id;
    }

    /** Reads {@code wgs84|gcj02|bd09} (any case, dashes and underscores ignored, {@code cgcs2000} = WGS-84). */
    public static Optional<CoordinateSystem> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (key) {
            case "wgs84", "cgcs2000", "gps" -> Optional.of(WGS84);
            case "gcj02", "gcj", "amap", "mars" -> Optional.of(GCJ02);
            case "bd09", "bd09ll", "baidu" -> Optional.of(BD09);
            default -> Optional.empty();
        };
    }

    /** The same place in WGS-84. GCJ-02 is inverted iteratively to better than 1e-7 degrees. */
    public LonLat toWgs84(LonLat position) {
        return switch (this) {
            case WGS84 -> position;
            case GCJ02 -> ChinaDatums.gcj02ToWgs84(position);
            case BD09 -> ChinaDatums.gcj02ToWgs84(ChinaDatums.bd09ToGcj02(position));
        };
    }

    /** The same place, given in WGS-84, expressed in this system. */
    public LonLat fromWgs84(LonLat wgs84) {
        return switch (this) {
            case WGS84 -> wgs84;
            case GCJ02 -> ChinaDatums.wgs84ToGcj02(wgs84);
            case BD09 -> ChinaDatums.gcj02ToBd09(ChinaDatums.wgs84ToGcj02(wgs84));
        };
    }

    /** The same place expressed in {@code target}; GCJ-02 and BD-09 convert into each other directly. */
    public LonLat convert(LonLat position, CoordinateSystem target) {
        if (this == target) {
            return position;
        }
        if (this == GCJ02 && target == BD09) {
            return ChinaDatums.gcj02ToBd09(position);
        }
        if (this == BD09 && target == GCJ02) {
            return ChinaDatums.bd09ToGcj02(position);
        }
        return target.fromWgs84(toWgs84(position));
    }
}
