package org.yiwang.analytics.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.platform.YiwangProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The base maps (底图) the command map offers, from the settings: the offline map (always; the district
 * outline and street names on a plain background, no tile server needed), 天地图 vector with labels and
 * 天地图 imagery (WGS-84/CGCS2000, when a key is set), 高德 vector and satellite and 腾讯 vector (GCJ-02,
 * when enabled; the browser shifts the WGS-84 overlays onto them), and the configured tile URL.
 */
@Component
class BaseMaps {

    static final String TIANDITU = "https://t{s}.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
            + "&LAYER=%s&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=%s";
    static final String AMAP_VECTOR = "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}";
    static final String AMAP_SATELLITE = "https://webst0{s}.is.autonavi.com/appmaptile?style=6&x={x}&y={y}&z={z}";
    static final String AMAP_LABELS = "https://webst0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}";
    static final String TENCENT_VECTOR = "https://rt{s}.map.gtimg.com/realtimerender?z={z}&x={x}&y={-y}&type=vector&style=0";

    private final YiwangProperties.Map settings;
    private final MessageSource messages;
    private final JsonMapper json;

    BaseMaps(YiwangProperties properties, MessageSource messages, JsonMapper json) {
        this.settings = properties.map();
        this.messages = messages;
        this.json = json;
    }

    /** For a page with a map: the base maps offered (JSON for its script) and the one it opens on. */
    void addTo(Model model) {
        model.addAttribute("baseMaps", json.writeValueAsString(offered(LocaleContextHolder.getLocale())));
        model.addAttribute("defaultBase", defaultBase());
    }

    /** One tile layer of a base map: URL template, Leaflet subdomains, the deepest zoom it has. */
    @Schema(name = "BaseMapTiles")
    record Tiles(String url, String subdomains, int maxZoom) {
    }

    /**
     * One base map.
     *
     * @param datum {@code wgs84} or {@code gcj02}: the datum its tiles are drawn in; on {@code gcj02} the map
     *              shifts every overlay (stored in WGS-84) by the GCJ-02 offset
     * @param tiles the tile layers, bottom first (imagery, then labels); none for the offline map
     */
    @Schema(name = "BaseMap")
    record BaseMap(String id, String label, String datum, List<Tiles> tiles, String attribution, boolean satellite) {
    }

    /** The base maps offered, the default first is not implied: see {@link #defaultBase()}. */
    List<BaseMap> offered(Locale locale) {
        List<BaseMap> maps = new ArrayList<>();
        maps.add(new BaseMap("offline", label("offline", locale), CoordinateSystem.WGS84.id(), List.of(), "", false));
        String key = settings.tiandituKey().strip();
        if (!key.isEmpty()) {
            maps.add(new BaseMap("tianditu", label("tianditu", locale), CoordinateSystem.WGS84.id(),
                    List.of(tianditu("vec", key), tianditu("cva", key)), "© 天地图", false));
            maps.add(new BaseMap("tianditu-satellite", label("tianditu-satellite", locale), CoordinateSystem.WGS84.id(),
                    List.of(tianditu("img", key), tianditu("cia", key)), "© 天地图", true));
        }
        if (settings.gcj02Tiles()) {
            maps.add(new BaseMap("amap", label("amap", locale), CoordinateSystem.GCJ02.id(),
                    List.of(new Tiles(AMAP_VECTOR, "1234", 18)), "© 高德地图", false));
            maps.add(new BaseMap("amap-satellite", label("amap-satellite", locale), CoordinateSystem.GCJ02.id(),
                    List.of(new Tiles(AMAP_SATELLITE, "1234", 18), new Tiles(AMAP_LABELS, "1234", 18)), "© 高德地图", true));
            maps.add(new BaseMap("tencent", label("tencent", locale), CoordinateSystem.GCJ02.id(),
                    List.of(new Tiles(TENCENT_VECTOR, "0123", 18)), "© 腾讯地图", false));
        }
        if (!settings.tileUrl().isBlank()) {
            maps.add(new BaseMap("custom", label("custom", locale), CoordinateSystem.WGS84.id(),
                    List.of(new Tiles(settings.tileUrl(), "abc", 19)), "", false));
        }
        return maps;
    }

    /**
     * The base map the command map opens on: the configured one when it is offered, else 天地图 when a key is
     * set, else the tile URL when one is set, else the offline map.
     */
    String defaultBase() {
        List<String> offered = offered(Locale.ROOT).stream().map(BaseMap::id).toList();
        if (!settings.defaultBase().isBlank() && offered.contains(settings.defaultBase())) {
            return settings.defaultBase();
        }
        if (offered.contains("tianditu")) {
            return "tianditu";
        }
        return offered.contains("custom") ? "custom" : "offline";
    }

    private static Tiles tianditu(String layer, String key) {
        return new Tiles(TIANDITU.formatted(layer, layer, key), "01234567", 18);
    }

    private String label(String id, Locale locale) {
        return messages.getMessage("analytics.base." + id, null, id, locale);
    }
}
