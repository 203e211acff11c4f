package org.yiwang.analytics.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.yiwang.platform.YiwangProperties;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Which base maps the command map offers and opens on, from the map settings, and how their tiles are addressed. */
class BaseMapsTests {

    static BaseMaps with(String tileUrl, String tiandituKey, boolean gcj02Tiles, String defaultBase) {
        YiwangProperties properties = new YiwangProperties("./data", true, null, null,
                new YiwangProperties.Map(tileUrl, tiandituKey, gcj02Tiles, defaultBase), null, null);
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("analytics.base.tianditu", Locale.SIMPLIFIED_CHINESE, "天地图矢量");
        return new BaseMaps(properties, messages, JsonMapper.builder().build());
    }

    static List<String> ids(BaseMaps maps) {
        return maps.offered(Locale.SIMPLIFIED_CHINESE).stream().map(BaseMaps.BaseMap::id).toList();
    }

    static BaseMaps.BaseMap map(BaseMaps maps, String id) {
        return maps.offered(Locale.SIMPLIFIED_CHINESE).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void withoutKeyOrTileAccessTheMapOpensOfflineAndOffersNothingElse() {
        BaseMaps maps = with("", "", false, "");
        assertThat(ids(maps)).containsExactly("offline");
        assertThat(maps.defaultBase()).isEqualTo("offline");
        assertThat(map(maps, "offline").tiles()).isEmpty();
    }

    @Test
    void aTiandituKeyMakesTiandituVectorWithLabelsTheDefaultAndAddsItsImagery() {
        BaseMaps maps = with("", "abc123", false, "");
        assertThat(ids(maps)).containsExactly("offline", "tianditu", "tianditu-satellite");
        assertThat(maps.defaultBase()).isEqualTo("tianditu");
        BaseMaps.BaseMap vector = map(maps, "tianditu");
        assertThat(vector.label()).isEqualTo("天地图矢量");
        assertThat(vector.datum()).isEqualTo("wgs84");
        assertThat(vector.tiles()).extracting(BaseMaps.Tiles::url).containsExactly(
                "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default"
                        + "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123",
                "https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&STYLE=default"
                        + "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123");
        assertThat(vector.tiles().getFirst().subdomains()).isEqualTo("01234567");
        BaseMaps.BaseMap imagery = map(maps, "tianditu-satellite");
        assertThat(imagery.satellite()).isTrue();
        assertThat(imagery.tiles()).extracting(BaseMaps.Tiles::url).allMatch(u -> u.contains("LAYER=img") || u.contains("LAYER=cia"));
    }

    @Test
    void amapAndTencentTilesAreDrawnInGcj02SoTheMapShiftsItsOverlays() {
        BaseMaps maps = with("", "", true, "");
        assertThat(ids(maps)).containsExactly("offline", "amap", "amap-satellite", "tencent");
        assertThat(maps.defaultBase()).isEqualTo("offline");
        assertThat(map(maps, "amap").datum()).isEqualTo("gcj02");
        assertThat(map(maps, "amap-satellite").datum()).isEqualTo("gcj02");
        assertThat(map(maps, "amap-satellite").satellite()).isTrue();
        assertThat(map(maps, "tencent").datum()).isEqualTo("gcj02");
        assertThat(map(maps, "tencent").tiles().getFirst().url()).contains("{-y}"); // Tencent counts rows from the south
        assertThat(map(maps, "offline").datum()).isEqualTo("wgs84");
    }

    @Test
    void theConfiguredDefaultIsUsedOnlyWhenItIsOffered() {
        assertThat(with("", "key", true, "amap").defaultBase()).isEqualTo("amap");
        assertThat(with("", "", false, "amap").defaultBase()).isEqualTo("offline");
        assertThat(with("", "key", false, "offline").defaultBase()).isEqualTo("offline");
        assertThat(with("https://tiles.example.org/{z}/{x}/{y}.png", "", false, "").defaultBase()).isEqualTo("custom");
        assertThat(map(with("https://tiles.example.org/{z}/{x}/{y}.png", "", false, ""), "custom").tiles().getFirst().url())
                .isEqualTo("https://tiles.example.org/{z}/{x}/{y}.png");
    }
}
