package org.yiwang.browser.command;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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
