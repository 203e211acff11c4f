package org.yiwang.geo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversions are reversible across China's bounding box to well under half a metre. */
class CoordinateRoundTripTests {

    static double metresBetween(LonLat a, LonLat b) {
        double east = (a.lon() - b.lon()) * 111_320 * Math.cos(Math.toRadians(a.lat()));
        double north = (a.lat() - b.lat()) * 110_574;
        return Math.hypot(east, north);
    }

    @Property(tries = 2_000)
    void wgs84ToGcj02AndBackLosesLessThanHalfAMetre(@ForAll @DoubleRange(min = 73.7, max = 135.0) double lon,
                                                    @ForAll @DoubleRange(min = 3.9, max = 53.5) double lat) {
        LonLat wgs = new LonLat(lon, lat);
        LonLat back = CoordinateSystem.GCJ02.toWgs84(CoordinateSystem.GCJ02.fromWgs84(wgs));
        assertThat(metresBetween(wgs, back)).isLessThan(0.5);
        assertThat(Math.abs(back.lon() - lon)).isLessThan(1e-7);
        assertThat(Math.abs(back.lat() - lat)).isLessThan(1e-7);
    }

    @Property(tries = 2_000)
    void wgs84ToBd09AndBackLosesLessThanHalfAMetre(@ForAll @DoubleRange(min = 73.7, max = 135.0) double lon,
                                                  @ForAll @DoubleRange(min = 3.9, max = 53.5) double lat) {
        LonLat wgs = new LonLat(lon, lat);
        LonLat back = CoordinateSystem.BD09.toWgs84(CoordinateSystem.BD09.fromWgs84(wgs));
        assertThat(metresBetween(wgs, back)).isLessThan(0.5);
    }

    @Property(tries = 2_000)
    void gcj02ToBd09AndBackLosesLessThanHalfAMetre(@ForAll @DoubleRange(min = 73.7, max = 135.0) double lon,
                                                  @ForAll @DoubleRange(min = 3.9, max = 53.5) double lat) {
        LonLat gcj = new LonLat(lon, lat);
        LonLat back = CoordinateSystem.BD09.convert(CoordinateSystem.GCJ02.convert(gcj, CoordinateSystem.BD09), CoordinateSystem.GCJ02);
        assertThat(metresBetween(gcj, back)).isLessThan(0.5);
    }

    @Property(tries = 1_000)
    void gcj02ToWgs84InvertsWgs84ToGcj02(@ForAll @DoubleRange(min = 73.7, max = 135.0) double lon,
                                         @ForAll @DoubleRange(min = 3.9, max = 53.5) double lat) {
        LonLat gcj = new LonLat(lon, lat);
        LonLat again = CoordinateSystem.GCJ02.fromWgs84(CoordinateSystem.GCJ02.toWgs84(gcj));
        assertThat(Math.abs(again.lon() - lon)).isLessThan(1e-7);
        assertThat(Math.abs(again.lat() - lat)).isLessThan(1e-7);
    }

    @Property(tries = 1_000)
    void westOfChinaGcj02IsWgs84(@ForAll @DoubleRange(min = -180, max = 72.0) double lon,
                                  @ForAll @DoubleRange(min = -90, max = 90) double lat) {
        LonLat p = new LonLat(lon, lat);
        assertThat(CoordinateSystem.GCJ02.fromWgs84(p)).isEqualTo(p);
        assertThat(CoordinateSystem.GCJ02.toWgs84(p)).isEqualTo(p);
    }

    @Property(tries = 1_000)
    void northAndSouthOfChinaGcj02IsWgs84(@ForAll @DoubleRange(min = 72.0, max = 138.0) double lon,
                                          @ForAll @DoubleRange(min = 56.0, max = 90) double lat) {
        LonLat north = new LonLat(lon, lat);
        LonLat south = new LonLat(lon, 56.0 - lat); // -34 .. 0: south of the box
        assertThat(CoordinateSystem.GCJ02.fromWgs84(north)).isEqualTo(north);
        assertThat(CoordinateSystem.GCJ02.toWgs84(south)).isEqualTo(south);
    }
}
