package org.yiwang.browser.command;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.locationtech.jts.geom.Point;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;

import java.sql.Timestamp;
import java.time.Instant;
import org.yiwang.browser.BrowserTests;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.web.mobile.FieldOrders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command centre in a desktop browser: the map draws the street's grids and gets a new order's
 * marker pushed by server-sent events without a reload; the dashboard draws its charts beside their tables.
 */
class CommandCentreScreensTests extends BrowserTests {

    @Autowired ApplicationContext context;

    Object js(String script) {
        return browser.script(script);
    }

    @Test
    void theMapShowsTheGridsAndANewOrderArrivesLive() {
        FieldOrders orders = FieldOrders.of(context);
        orders.reportedByResident("一张图：已有工单");
        browser.signIn("dispatcher").open("/command/map");
        browser.waitUntil(d -> Boolean.TRUE.equals(js("return !!window.yiwangMap && window.yiwangMap.gridCount() > 10"
                + " && document.querySelectorAll('#command-map path.yw-grid').length > 10")), "the grids drawn");
        browser.waitUntil(d -> Boolean.TRUE.equals(js("return document.getElementById('live-state').classList.contains('on')")),
                "the live stream connected");
        long before = ((Number) js("return window.yiwangMap.markerCount()")).longValue();
        assertThat(before).isPositive();

        WorkOrder fresh = orders.reportedByResident("一张图：实时推送的新工单");
        browser.waitUntil(d -> Boolean.TRUE.equals(js("return window.yiwangMap.hasMarker(" + fresh.id() + ")")), "the new order's marker");
        browser.waitUntil(d -> browser.text(By.id("live-feed")).contains(fresh.number()), "the new order in the live feed");
        assertThat(((Number) js("return window.yiwangMap.markerCount()")).longValue()).isEqualTo(before + 1);
        assertThat(((Number) js("return window.yiwangMap.load('" + fresh.gridCode() + "')")).longValue()).isPositive();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/command/map");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("command-map");
    }

    @Test
    void theMapShowsTheGridWorkerOnPatrolAndTodaysTrack() {
        long patrol = patrolling("gridworker");
        try {
            browser.signIn("dispatcher").open("/command/map");
            browser.waitUntil(d -> Boolean.TRUE.equals(js("return !!window.yiwangMap && window.yiwangMap.workerCount() > 0"
                    + " && document.querySelectorAll('#command-map .yw-worker').length > 0")), "the grid worker's position");
            browser.driver().findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
                    .filter(l -> l.getText().contains("今日巡查轨迹")).findFirst().orElseThrow().click();
            browser.waitUntil(d -> Boolean.TRUE.equals(js("return window.yiwangMap.trackCount() > 0"
                    + " && document.querySelectorAll('#command-map path.yw-track').length > 0")), "today's track");
            browser.screenshots("command-map-grid-workers");
            browser.driver().findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
                    .filter(l -> l.getText().contains("本轮入户走访覆盖率")).findFirst().orElseThrow().click();
            browser.waitUntil(d -> Boolean.TRUE.equals(js("return window.yiwangMap.coverageShown()"
                    + " && document.querySelectorAll('#command-map path.yw-grid[class*=cov-]').length > 10"
                    + " && !document.getElementById('map-legend-coverage').hidden")), "the grids coloured by visit coverage");
            browser.screenshots("command-map-visit-coverage");
            browser.driver().findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
                    .filter(l -> l.getText().contains("关爱走访到期")).findFirst().orElseThrow().click();
            browser.waitUntil(d -> Boolean.TRUE.equals(js("return window.yiwangMap.careBadges() > 0"
                    + " && document.querySelectorAll('#command-map .yw-care').length > 0")), "badges of care visits due");
            browser.screenshots("command-map-care-due");
        } finally {
            context.getBean(JdbcClient.class).sql("update fieldwork_patrol set ended_at = now() where id = :id").param("id", patrol).update();
        }
    }

    /** A patrol of {@code username} running for 10 minutes with a point a minute a few metres apart in its grid, the last one 30 s ago. */
    long patrolling(String username) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long user = context.getBean(People.class).findByUsername(username).orElseThrow().id();
        IndexedGrid grid = context.getBean(GridLocator.class)
                .grid(context.getBean(Grids.class).gridsOf(user).getFirst().code()).orElseThrow();
        Point inside = grid.geometry().getInteriorPoint();
        Instant now = Instant.now();
        jdbc.sql("update fieldwork_patrol set ended_at = now() where user_id = :user and ended_at is null").param("user", user).update();
        long patrol = jdbc.sql("insert into fieldwork_patrol (user_id, district_code, started_at) values (:user, :district, :at) returning id")
                .param("user", user).param("district", grid.district().code()).param("at", Timestamp.from(now.minusSeconds(600)))
                .query(Long.class).single();
        for (int i = 0; i < 10; i++) {
            jdbc.sql("insert into fieldwork_patrol_point (patrol_id, seq, at, lat, lon, district_code) values (:p, :seq, :at, :lat, :lon, :d)")
                    .param("p", patrol).param("seq", i + 1).param("at", Timestamp.from(now.minusSeconds(570 - 60L * i)))
                    .param("lat", inside.getY() + 0.00002 * i).param("lon", inside.getX()).param("d", grid.district().code()).update();
        }
        return patrol;
    }

    @Test
    void theDashboardDrawsItsChartsBesideTheirTables() {
        FieldOrders.of(context).rated("看板：已评价工单", Satisfaction.SATISFIED);
        browser.signIn("leader").open("/dashboard");
        browser.waitUntil(d -> ((Number) js("return document.querySelectorAll('.chart[data-rendered=true] svg').length")).intValue() == 4,
                "four charts drawn");
        assertThat(browser.exists(By.id("table-trend"))).isTrue();
        assertThat(browser.exists(By.id("table-streets"))).isTrue();
        assertThat(browser.text(By.id("kpis"))).contains("按期结案率").contains("满意率");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("command-dashboard");
    }
}
