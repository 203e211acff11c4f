package org.yiwang.analytics.web;

import org.junit.jupiter.api.Test;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.LonLat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The offline base map's district outline: the vendored 秦淮区 boundary, shifted from GCJ-02 to WGS-84. */
class DistrictOutlineTests {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theOutlineIsQinhuaiShiftedFromGcj02ToWgs84PointByPoint() throws Exception {
        DistrictOutline.District district = DistrictOutline.read(json);
        assertThat(district.code()).isEqualTo("320104");
        assertThat(district.name()).isEqualTo("秦淮区");
        JsonNode source;
        try (InputStream in = DistrictOutline.class.getResourceAsStream(DistrictOutline.RESOURCE)) {
            source = json.readTree(in).get("features").get(0).get("geometry").get("coordinates").get(0);
        }
        List<double[]> ring = district.rings().getFirst();
        assertThat(ring).hasSize(source.size());
        for (int i = 0; i < ring.size(); i += 17) {
            LonLat gcj = new LonLat(source.get(i).get(0).asDouble(), source.get(i).get(1).asDouble());
            // GCJ-02 lies east and south of WGS-84 in Nanjing, by about 0.0051° and 0.0021° (some 480 m and 230 m)
            assertThat(gcj.lon() - ring.get(i)[0]).isBetween(0.0048, 0.0054);
            assertThat(gcj.lat() - ring.get(i)[1]).isBetween(-0.0024, -0.0018);
            LonLat back = CoordinateSystem.WGS84.convert(new LonLat(ring.get(i)[0], ring.get(i)[1]), CoordinateSystem.GCJ02);
            assertThat(back.lon()).isCloseTo(gcj.lon(), offset(2e-5));
            assertThat(back.lat()).isCloseTo(gcj.lat(), offset(2e-5));
        }
        assertThat(ring.getFirst()).containsExactly(ring.getLast());
    }

    @Test
    void theOutlineEnclosesAboutTheDistrictsOfficialAreaOf49SquareKilometres() {
        List<double[]> ring = DistrictOutline.read(json).rings().getFirst();
        double lat0 = Math.toRadians(32.02);
        double twice = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            double x1 = ring.get(i)[0] * 111.320 * Math.cos(lat0), y1 = ring.get(i)[1] * 110.574;
            double x2 = ring.get(i + 1)[0] * 111.320 * Math.cos(lat0), y2 = ring.get(i + 1)[1] * 110.574;
            twice += x1 * y2 - x2 * y1;
        }
        // 秦淮区: 49.11 km² (Nanjing statistics); the package's outline is quantised to 1/1024° (about 100 m)
        assertThat(Math.abs(twice) / 2).isBetween(44.0, 54.0);
    }
}
