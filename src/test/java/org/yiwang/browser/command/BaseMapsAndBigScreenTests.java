package org.yiwang.browser.command;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.whistle.BlowWhistle;
import org.yiwang.whistle.Whistle;
import org.yiwang.whistle.WhistleActions;
import org.yiwang.whistle.WhistleKind;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.LonLat;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The command map's base maps and the big screen in a real browser, with 天地图 (a key) and the GCJ-02 tile
 * servers configured — their tiles cannot load here (no page reaches past this machine), so the tile modes
 * are checked by their layer configuration and projection, the offline map by screenshots.
 */
@TestPropertySource(properties = {"yiwang.map.tianditu-key=test-key", "yiwang.map.gcj02-tiles=true", "yiwang.map.default-base=offline",
        "yiwang.sorter.hotspots.min-reports=2"})
class BaseMapsAndBigScreenTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WhistleActions whistles;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.yiwang.services.ServiceFigures services;

    Object js(String script, Object... args) {
        return browser.script(script, args);
    }

    /** Waits up to a minute: the first snapshot and the whole territory's grids take a while on a busy machine. */
    void waitLong(java.util.function.Function<? super org.openqa.selenium.WebDriver, Boolean> condition, String what) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                .withMessage(() -> "waiting for " + what + "; console: " + browser.driver().manage().logs()
                        .get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                        .map(org.openqa.selenium.logging.LogEntry::getMessage).toList()
                        + "; requests: " + js("return performance.getEntriesByType('resource').map(e => e.name.replace(location.origin, '')"
                        + " + ' ' + Math.round(e.duration) + 'ms ' + e.responseStatus).join(', ')"))
                .until(condition);
    }

    void openMap() {
        browser.signIn("dispatcher").open("/command/map");
        js("localStorage.removeItem('yiwang.baseMap');");
        browser.open("/command/map");
        waitLong(d -> Boolean.TRUE.equals(js("return !!window.yiwangMap && window.yiwangMap.gridCount() > 10"
                + " && document.querySelectorAll('#command-map path.yw-grid').length > 10"
                + " && document.querySelectorAll('#command-map path.yw-district').length == 1"
                + " && document.querySelectorAll('#command-map .yw-street-label').length == 12")), "grids, outline and street names drawn");
    }

    @Test
    void theOfflineMapShowsTheDistrictOutlineAndStreetNamesWithoutAnyTileServer() {
        FieldOrders.of(context).reportedByResident("底图：离线模式下的工单");
        openMap();
        assertThat(js("return document.getElementById('command-map').dataset.baseMap")).isEqualTo("offline");
        assertThat(js("return window.yiwangMap.bases.tileUrls().length")).isEqualTo(0L);
        assertThat(browser.text(org.openqa.selenium.By.id("command-map"))).contains("夫子庙街道").contains("红花街道");
        @SuppressWarnings("unchecked")
        List<String> switcher = (List<String>) js("return Array.from(document.querySelectorAll('.yw-base-switch .leaflet-control-layers-base label'))"
                + ".map(l => l.textContent.trim())");
        assertThat(switcher).containsExactly("离线底图（区界与街道）", "天地图矢量", "天地图影像", "高德矢量", "高德卫星", "腾讯矢量");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("command-map-base-offline");
    }

    @Test
    void tiandituLayersAreItsVectorAndLabelTilesWithTheKeyInWgs84() {
        openMap();
        assertThat(js("return window.yiwangMap.bases.select('tianditu')")).isEqualTo(true);
        List<?> urls = (List<?>) js("return window.yiwangMap.bases.tileUrls()");
        assertThat(urls).hasSize(2);
        assertThat((String) urls.get(0)).startsWith("https://t{s}.tianditu.gov.cn/vec_w/wmts?").endsWith("&tk=test-key");
        assertThat((String) urls.get(1)).startsWith("https://t{s}.tianditu.gov.cn/cva_w/wmts?");
        assertThat(js("return window.yiwangMap.map.options.crs.code")).isEqualTo("EPSG:3857");
        assertThat(js("return document.getElementById('command-map').classList.contains('offline')")).isEqualTo(false);
        js("window.yiwangMap.bases.select('tianditu-satellite')");
        assertThat((List<?>) js("return window.yiwangMap.bases.tileUrls()")).extracting(Object::toString)
                .anyMatch(u -> u.contains("/img_w/")).anyMatch(u -> u.contains("/cia_w/"));
        // the switch is remembered on this browser
        browser.open("/command/map");
        browser.waitUntil(d -> "tianditu-satellite".equals(js("return document.getElementById('command-map').dataset.baseMap")),
                "the remembered base map");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void onAmapAndTencentTheOverlaysAreShiftedByTheSameGcj02OffsetAsTheServersConversion() {
        WorkOrder order = FieldOrders.of(context).reportedByResident("底图：高德坐标系下的工单");
        openMap();
        browser.waitUntil(d -> Boolean.TRUE.equals(js("return window.yiwangMap.hasMarker(" + order.id() + ")")), "the order's marker");
        // the browser's GCJ-02 formula against the server's, at the order and at a corner of the district
        for (double[] p : List.of(new double[]{order.lon(), order.lat()}, new double[]{118.7612, 31.9803})) {
            LonLat gcj = CoordinateSystem.WGS84.convert(new LonLat(p[0], p[1]), CoordinateSystem.GCJ02);
            List<?> inBrowser = (List<?>) js("return window.YiwangBaseMaps.wgsToGcj(arguments[0], arguments[1])", p[1], p[0]);
            assertThat(((Number) inBrowser.get(0)).doubleValue()).isCloseTo(gcj.lat(), offset(1e-9));
            assertThat(((Number) inBrowser.get(1)).doubleValue()).isCloseTo(gcj.lon(), offset(1e-9));
        }
        for (String base : List.of("amap", "amap-satellite", "tencent")) {
            assertThat(js("return window.yiwangMap.bases.select(arguments[0])", base)).isEqualTo(true);
            assertThat(js("return document.getElementById('command-map').dataset.datum")).isEqualTo("gcj02");
            assertThat(js("return window.yiwangMap.map.options.crs.code")).isEqualTo("EPSG:3857-GCJ02");
            // where the map draws the order (stored in WGS-84) is where a GCJ-02 tile shows its GCJ-02 position
            LonLat gcj = CoordinateSystem.WGS84.convert(new LonLat(order.lon(), order.lat()), CoordinateSystem.GCJ02);
            List<?> delta = (List<?>) js("""
                    var m = window.yiwangMap.map, z = m.getZoom();
                    var drawn = m.project(L.latLng(arguments[0], arguments[1]), z);
                    var tile = L.CRS.EPSG3857.latLngToPoint(L.latLng(arguments[2], arguments[3]), z);
                    var plain = L.CRS.EPSG3857.latLngToPoint(L.latLng(arguments[0], arguments[1]), z);
                    return [drawn.x - tile.x, drawn.y - tile.y, drawn.x - plain.x, drawn.y - plain.y];""",
                    order.lat(), order.lon(), gcj.lat(), gcj.lon());
            assertThat(((Number) delta.get(0)).doubleValue()).isCloseTo(0, offset(0.01));
            assertThat(((Number) delta.get(1)).doubleValue()).isCloseTo(0, offset(0.01));
            // … and that is a real shift: several pixels east and south of the unshifted projection at this zoom
            assertThat(((Number) delta.get(2)).doubleValue()).isGreaterThan(5);
            assertThat(((Number) delta.get(3)).doubleValue()).isGreaterThan(2);
        }
        List<?> urls = (List<?>) js("return window.yiwangMap.bases.tileUrls()");
        assertThat(urls).hasSize(1);
        assertThat((String) urls.getFirst()).startsWith("https://rt{s}.map.gtimg.com/").contains("y={-y}");
        // the marker is still there after the switch of projection (clusters laid out anew)
        assertThat(js("return window.yiwangMap.hasMarker(" + order.id() + ")")).isEqualTo(true);
        js("window.yiwangMap.bases.select('offline')");
        assertThat(js("return window.yiwangMap.map.options.crs.code")).isEqualTo("EPSG:3857");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void hotSpotsAndOpenWhistlesAreLayersWhosePopupsLeadToTheirOrders() {
        FieldOrders orders = FieldOrders.of(context);
        var grid = orders.gridWorkersGrid();
        String category = orders.handlerCategory();
        WorkOrder first = orders.reportIn(grid, "热点图层：同一网格同一类别第一件", category, "resident", List.of());
        orders.reportIn(grid, "热点图层：同一网格同一类别第二件", category, "resident", List.of());
        DemoOrders demo = DemoOrders.of(context);
        Whistle whistle = whistles.blow(first.id(), new BlowWhistle(WhistleKind.TOUGH, "热点图层：请城管到场",
                List.of(demo.actor("handler").orgUnitId())), demo.actor("dispatcher"));
        openMap();
        browser.waitUntil(d -> Boolean.TRUE.equals(js("return window.yiwangMap.hasMarker(" + first.id() + ")")), "the order's marker");
        for (String layer : List.of("热点诉求", "吹哨在办")) {
            browser.driver().findElements(org.openqa.selenium.By.cssSelector(".leaflet-control-layers-overlays label")).stream()
                    .filter(l -> l.getText().contains(layer)).findFirst().orElseThrow().click();
        }
        waitLong(d -> ((Number) js("return window.yiwangMap.hotspotCount()")).intValue() > 0
                && ((Number) js("return window.yiwangMap.whistleCount()")).intValue() > 0, "hot spots and whistles drawn");
        js("document.querySelector('#command-map .yw-whistle').click()");
        browser.waitUntil(d -> !browser.driver().findElements(org.openqa.selenium.By.cssSelector(
                ".leaflet-popup a[href='/whistles/" + whistle.id() + "']")).isEmpty(), "the whistle's popup");
        assertThat(browser.exists(org.openqa.selenium.By.cssSelector(".leaflet-popup a[href='/work-orders/" + first.id() + "']"))).isTrue();
        js("window.yiwangMap.map.closePopup(); document.querySelector('#command-map .yw-hotspot').click()");
        browser.waitUntil(d -> !browser.driver().findElements(org.openqa.selenium.By.cssSelector(
                ".leaflet-popup a[href='/desks/hotspots']")).isEmpty(), "the hot spot's popup");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("command-map-hotspots-whistles");
    }

    @Test
    void theBigScreenFillsFullHdAnd4kWithoutScrollingAndUpdatesItself() {
        FieldOrders orders = FieldOrders.of(context);
        orders.reportedByResident("大屏：开屏前的工单");
        browser.signIn("leader").open("/command/screen");
        waitLong(d -> Boolean.TRUE.equals(js("return !!window.yiwangScreen && window.yiwangScreen.snapshots() > 0"
                + " && window.yiwangScreen.gridCount() > 10 && window.yiwangScreen.markerCount() > 0"
                + " && document.querySelectorAll('#c-lights[data-rendered=true] svg').length == 1"
                + " && document.querySelectorAll('#t-departments tbody tr').length > 0"
                + " && document.querySelectorAll('#screen-map .yw-street-label').length == 12")), "the screen filled");
        // the leader's whole district, even though this browser showed a street dispatcher's map before
        assertThat(((Number) js("return window.yiwangScreen.gridCount()")).intValue()).isGreaterThan(900);
        long intake = ((Number) js("return window.yiwangScreen.last().today.intake")).longValue();
        assertThat(browser.text(org.openqa.selenium.By.id("k-intake"))).isEqualTo(String.valueOf(intake));

        WorkOrder fresh = orders.reportedByResident("大屏：开屏后的新工单");
        waitLong(d -> Boolean.TRUE.equals(js("return window.yiwangScreen.hasMarker(" + fresh.id() + ")")), "the new order on the live map");
        waitLong(d -> browser.text(org.openqa.selenium.By.id("l-events")).contains(fresh.number()), "the new order in the ticker");
        waitLong(d -> ((Number) js("return window.yiwangScreen.last().today.intake")).longValue() > intake, "the next snapshot");
        assertThat(browser.cspViolations()).isEmpty();

        for (int[] size : new int[][]{{1920, 1080}, {3840, 2160}}) {
            Path shot = screenshotAt(size[0], size[1], "command-screen-" + size[0] + "x" + size[1]);
            assertThat(shot).exists();
            assertThat(js("return document.documentElement.scrollHeight <= window.innerHeight"
                    + " && document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
            // every panel inside the window
            assertThat(js("return Array.from(document.querySelectorAll('.screen-panel, .kpi-card, .screen-centre'))"
                    + ".every(e => { var r = e.getBoundingClientRect(); return r.bottom <= window.innerHeight + 1 && r.right <= window.innerWidth + 1 && r.height > 20; })"))
                    .isEqualTo(true);
        }
        browser.viewport(Browser.Size.DESKTOP);
    }

    @Test
    void theBigScreenDrawsTheDuplicateEnforcementAndCampaignLayersOfTheCommandMapWithTheirLegend() {
        FieldOrders orders = FieldOrders.of(context);
        var grid = orders.gridWorkersGrid();
        String category = orders.handlerCategory();
        WorkOrder older = orders.reportIn(grid, "大屏图层：中山南路人行道井盖缺失，晚上很危险", category, "resident", List.of());
        WorkOrder newer = orders.reportIn(grid, "大屏图层：中山南路人行道井盖缺失，晚上很危险了", category, "resident", List.of());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM sorter_duplicate WHERE status = 'OPEN' AND order_id = :n AND candidate_id = :o")
                .param("n", newer.id()).param("o", older.id()).query(Long.class).single() == 1);
        browser.signIn("leader").open("/command/screen");
        assertThat(browser.text(org.openqa.selenium.By.cssSelector(".screen-legend"))).contains("疑似重复", "联合执法案件", "专项行动登记");
        waitLong(d -> Boolean.TRUE.equals(js("return !!window.yiwangScreen && window.yiwangScreen.gridCount() > 10"
                + " && window.yiwangScreen.duplicateCount() > 0 && window.yiwangScreen.caseCount() > 0"
                + " && window.yiwangScreen.campaignCount() > 0")), "the duplicate, case and campaign layers drawn");
        // drawn as on the 一张图, from the same helper, but nothing to click on a wall screen
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#screen-map path.yw-duplicate-line")).size())
                .isEqualTo(((Number) js("return window.yiwangScreen.duplicateCount()")).intValue());
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#screen-map .yw-case")).size())
                .isEqualTo(((Number) js("return window.yiwangScreen.caseCount()")).intValue());
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector(
                "#screen-map .yw-campaign.c-RED, #screen-map .yw-campaign.c-YELLOW, #screen-map .yw-campaign.c-GREEN")).size())
                .isEqualTo(((Number) js("return window.yiwangScreen.campaignCount()")).intValue());
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#screen-map .yw-case.leaflet-interactive"))).isEmpty();
        assertThat(browser.cspViolations()).isEmpty();
        Path shot = screenshotAt(1920, 1080, "command-screen-layers-1920x1080");
        assertThat(shot).exists();
        assertThat(js("return document.documentElement.scrollHeight <= window.innerHeight")).isEqualTo(true);
        browser.viewport(Browser.Size.DESKTOP);
    }

    @Test
    void theServiceFiguresOfTheMonthShowOnTheBigScreenAndTheDashboardAndStayHiddenWhenTheApiRefuses() {
        var leader = DemoOrders.of(context).actor("leader");
        java.time.LocalDate today = java.time.LocalDate.now(org.yiwang.platform.ChinaTime.ZONE);
        var month = services.figures(today.withDayOfMonth(1), today, leader);
        var day = services.figures(today, today, leader);
        assertThat(month.applications()).as("the demo's applications this month").isPositive();
        long remote = month.byChannel().stream().filter(c -> c.key().equals("ONLINE") || c.key().equals("DOOR"))
                .mapToLong(org.yiwang.services.ServiceFigures.ServiceCount::count).sum();

        browser.signIn("leader").open("/command/screen");
        waitLong(d -> Boolean.TRUE.equals(js("return !!window.yiwangScreen && window.yiwangScreen.servicesShown()")), "the 一网通办 panel");
        var panel = org.openqa.selenium.By.id("screen-services");
        assertThat(browser.text(panel)).contains("一网通办", "即办率", "不见面办件", "好差评满意率", "社区办结占比", "窗口平均等候");
        assertThat(figure("screen-services", "todayApplications")).isEqualTo(String.valueOf(day.applications()));
        assertThat(figure("screen-services", "monthApplications")).isEqualTo(String.valueOf(month.applications()));
        assertThat(figure("screen-services", "remote")).isEqualTo(String.valueOf(remote));
        assertThat(figure("screen-services", "satisfactionRate"))
                .isEqualTo(month.rated() == 0 ? "—" : (Math.round(month.satisfactionRate() * 1000) / 10.0 + "%").replace(".0%", "%"));
        // the panel fits the wall with the others
        Path shot = screenshotAt(1920, 1080, "command-screen-services-1920x1080");
        assertThat(shot).exists();
        assertThat(js("return Array.from(document.querySelectorAll('.screen-panel'))"
                + ".every(e => { var r = e.getBoundingClientRect(); return r.bottom <= window.innerHeight + 1 && r.height > 20; })")).isEqualTo(true);
        browser.viewport(Browser.Size.DESKTOP);

        browser.open("/dashboard");
        browser.waitUntil(d -> Boolean.TRUE.equals(js("return document.getElementById('service-figures-card').dataset.loaded === 'true'"
                + " && !document.getElementById('service-figures-card').hidden")), "the dashboard's 一网通办 card");
        assertThat(figure("service-figures-card", "monthApplications")).isEqualTo(String.valueOf(month.applications()));
        assertThat(browser.exists(org.openqa.selenium.By.cssSelector("#service-figures-card a[href='/services/desk']"))).isTrue();
        browser.screenshots("dashboard-service-figures");
        // where the API answers 403 or 404 (a reader without the right, or no services module) the box stays hidden
        js("var c = document.getElementById('service-figures-card'); c.dataset.url = '/api/services/no-such-figures'; c.hidden = true;"
                + " c.dataset.loaded = 'false'; window.__shown = 'pending'; window.YiwangServiceFigures.load(c).then(r => window.__shown = r);");
        browser.waitUntil(d -> !"pending".equals(js("return window.__shown")), "the refused load");
        assertThat(js("return window.__shown")).isNull();
        assertThat(js("return document.getElementById('service-figures-card').hidden")).isEqualTo(true);
        assertThat(browser.cspViolations()).isEmpty();
    }

    String figure(String box, String name) {
        return browser.text(org.openqa.selenium.By.cssSelector("#" + box + " [data-service-figure='" + name + "']"));
    }

    /** The page at exactly width × height CSS pixels (a wall screen), saved as target/screenshots/{name}.png. */
    Path screenshotAt(int width, int height, String name) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        js("window.dispatchEvent(new Event('resize'));");
        browser.waitUntil(d -> Boolean.TRUE.equals(js("return new Promise(r => setTimeout(() => requestAnimationFrame(() => r(true)), 600));")),
                "layout at " + width + "×" + height);
        Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Path file = Browser.SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
