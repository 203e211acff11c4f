package org.yiwang.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** Reference values: the test vectors published with wandergis/coordtransform for (116.404, 39.915). */
class CoordinateSystemTests {

    static final LonLat TIANANMEN = new LonLat(116.404, 39.915);

    @Test
    void wgs84ToGcj02MatchesThePublishedReferencePoint() {
        LonLat gcj = CoordinateSystem.WGS84.convert(TIANANMEN, CoordinateSystem.GCJ02);
        assertThat(gcj.lon()).isCloseTo(116.41024449916938, offset(1e-11));
        assertThat(gcj.lat()).isCloseTo(39.91640428150164, offset(1e-11));
    }

    @Test
    void gcj02ToBd09MatchesThePublishedReferencePoint() {
        LonLat bd = CoordinateSystem.GCJ02.convert(TIANANMEN, CoordinateSystem.BD09);
        assertThat(bd.lon()).isCloseTo(116.41036949371029, offset(1e-11));
        assertThat(bd.lat()).isCloseTo(39.92133699351021, offset(1e-11));
    }

    @Test
    void bd09ToGcj02MatchesThePublishedReferencePoint() {
        LonLat gcj = CoordinateSystem.BD09.convert(TIANANMEN, CoordinateSystem.GCJ02);
        assertThat(gcj.lon()).isCloseTo(116.39762729119315, offset(1e-11));
        assertThat(gcj.lat()).isCloseTo(39.90865673957631, offset(1e-11));
    }

    @Test
    void gcj02ToWgs84InvertsExactlyWhereThePublishedOneStepFormulaIsOffByMetres() {
        LonLat wgs = CoordinateSystem.GCJ02.toWgs84(TIANANMEN);
        // the one-step approximation published alongside gives (116.39775550083061, 39.91359571849836)
        assertThat(wgs.lon()).isCloseTo(116.39775550083061, offset(2e-5));
        assertThat(wgs.lat()).isCloseTo(39.91359571849836, offset(2e-5));
        LonLat back = CoordinateSystem.GCJ02.fromWgs84(wgs);
        assertThat(back.lon()).isCloseTo(TIANANMEN.lon(), offset(1e-9));
        assertThat(back.lat()).isCloseTo(TIANANMEN.lat(), offset(1e-9));
    }

    @Test
    void gcj02OffsetInNanjingIsAFewHundredMetres() {
        LonLat confuciusTemple = new LonLat(118.7889, 32.0206);
        LonLat gcj = CoordinateSystem.GCJ02.fromWgs84(confuciusTemple);
        double eastMetres = (gcj.lon() - confuciusTemple.lon()) * 111_320 * Math.cos(Math.toRadians(32.02));
        double northMetres = (gcj.lat() - confuciusTemple.lat()) * 110_574;
        assertThat(Math.hypot(eastMetres, northMetres)).isBetween(100.0, 1_000.0);
    }

    @Test
    void outsideChinaGcj02IsWgs84() {
        LonLat paris = new LonLat(2.3522, 48.8566);
        assertThat(CoordinateSystem.GCJ02.fromWgs84(paris)).isEqualTo(paris);
        assertThat(CoordinateSystem.GCJ02.toWgs84(paris)).isEqualTo(paris);
    }

    @Test
    void parsesTheNamesUsedInUrls() {
        assertThat(CoordinateSystem.parse("wgs84")).contains(CoordinateSystem.WGS84);
        assertThat(CoordinateSystem.parse("WGS-84")).contains(CoordinateSystem.WGS84);
        assertThat(CoordinateSystem.parse("cgcs2000")).contains(CoordinateSystem.WGS84);
        assertThat(CoordinateSystem.parse("GCJ02")).contains(CoordinateSystem.GCJ02);
        assertThat(CoordinateSystem.parse("bd09")).contains(CoordinateSystem.BD09);
        assertThat(CoordinateSystem.parse("utm50")).isEmpty();
        assertThat(CoordinateSystem.parse(null)).isEmpty();
    }
}
