package org.yiwang.browser.command;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.BrowserTests;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 一张图's layers from other modules, each switched on in the layer control and drawn: likely duplicates (the
 * sorter's pairs: a line between the two orders, the popup leads to both and to the merge), joint-enforcement cases
 * by stage and arrival light (the popup leads to the case) and campaign records coloured by their rules (the popup
 * leads to the record) — from the demo data and two reports made here.
 */
class CommandMapLayersTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    Object js(String script) {
        return browser.script(script);
    }

    void waitLong(java.util.function.Function<? super org.openqa.selenium.WebDriver, Boolean> condition, String what) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(60)).withMessage(() -> "waiting for " + what)
                .until(condition);
    }

    void switchOn(String layer) {
        browser.driver().findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
                .filter(l -> l.getText().contains(layer)).findFirst().orElseThrow(() -> new AssertionError("no layer " + layer)).click();
    }

    int count(String function) {
        return ((Number) js("return window.yiwangMap." + function + "()")).intValue();
    }

    @Test
    void eachLayerSwitchedOnDrawsItsFeaturesAndTheirPopupsLeadToWhereTheyAreWorkedOn() {
        FieldOrders orders = FieldOrders.of(context);
        var grid = orders.gridWorkersGrid();
        String category = orders.handlerCategory();
        WorkOrder older = orders.reportIn(grid, "图层测试：秦淮河边步道护栏松动，有人靠上去差点掉下去", category, "resident", List.of());
        WorkOrder newer = orders.reportIn(grid, "图层测试：秦淮河边步道护栏松动，有人靠上去差点掉下去了", category, "resident", List.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM sorter_duplicate WHERE status = 'OPEN' AND order_id = :n AND candidate_id = :o")
                .param("n", newer.id()).param("o", older.id()).query(Long.class).single() == 1);
        long openCases = jdbc.sql("SELECT count(*) FROM enforcement_case WHERE stage IN ('FILED','INVESTIGATING','INFORMED','DECIDED','EXECUTING')"
                + " AND street_code = :s").param("s", grid.street().code()).query(Long.class).single();
        assertThat(openCases).as("the demo's open cases in the dispatcher's street").isPositive();

        browser.signIn("dispatcher").open("/command/map");
        waitLong(d -> Boolean.TRUE.equals(js("return !!window.yiwangMap && window.yiwangMap.gridCount() > 10")), "the grids");
        assertThat(browser.text(By.cssSelector(".leaflet-control-layers-overlays"))).contains("疑似重复", "联合执法案件", "专项行动登记");

        switchOn("疑似重复");
        waitLong(d -> count("duplicateCount") > 0, "the duplicate pairs drawn");
        assertThat(browser.findAll(By.cssSelector("#command-map path.yw-duplicate-line")).size()).isEqualTo(count("duplicateCount"));
        js("window.yiwangMap.map.setView([" + grid.geometry().getInteriorPoint().getY() + "," + grid.geometry().getInteriorPoint().getX() + "], 17);");
        js("document.querySelector('#command-map .yw-duplicate').click()");
        browser.waitUntil(d -> !d.findElements(By.cssSelector(".leaflet-popup .duplicate-popup")).isEmpty(), "a duplicate's popup");
        js("window.yiwangMap.map.closePopup();");
        // the pair made here: its popup names both orders and leads to the merge on the newer one
        js("window.yiwangMap.map.eachLayer(function (l) { if (l.getPopup && l.getPopup() && l.options && l.options.title"
                + " && l.getPopup().getContent().innerHTML && l.getPopup().getContent().innerHTML.indexOf('" + newer.number() + "') >= 0) { l.openPopup(); } });");
        browser.waitUntil(d -> !d.findElements(By.cssSelector(".leaflet-popup a[href='/work-orders/" + older.id() + "']")).isEmpty(),
                "the pair's popup");
        assertThat(browser.exists(By.cssSelector(".leaflet-popup a[href='/work-orders/" + newer.id() + "#duplicates']"))).isTrue();
        browser.screenshots("command-map-duplicates");
        js("window.yiwangMap.map.closePopup();");

        switchOn("联合执法案件");
        waitLong(d -> count("caseCount") > 0, "the enforcement cases drawn");
        assertThat(browser.findAll(By.cssSelector("#command-map .yw-case")).size()).isEqualTo(count("caseCount"));
        assertThat(browser.findAll(By.cssSelector("#command-map .yw-case.l-GREEN, #command-map .yw-case.l-YELLOW, #command-map .yw-case.l-RED,"
                + " #command-map .yw-case.l-NONE")).size()).isEqualTo(count("caseCount"));
        js("document.querySelector('#command-map .yw-case').click()");
        browser.waitUntil(d -> !d.findElements(By.cssSelector(".leaflet-popup a[href^='/enforcement/cases/']")).isEmpty(), "a case's popup");
        String caseLink = browser.find(By.cssSelector(".leaflet-popup a[href^='/enforcement/cases/']")).getAttribute("href");
        browser.screenshots("command-map-enforcement-cases");
        js("window.yiwangMap.map.closePopup();");

        switchOn("专项行动登记");
        waitLong(d -> count("campaignCount") > 0, "the campaign records drawn");
        assertThat(browser.findAll(By.cssSelector("#command-map .yw-campaign.c-RED, #command-map .yw-campaign.c-YELLOW,"
                + " #command-map .yw-campaign.c-GREEN")).size()).isEqualTo(count("campaignCount"));
        js("document.querySelector('#command-map .yw-campaign').click()");
        browser.waitUntil(d -> !d.findElements(By.cssSelector(".leaflet-popup a[href*='#record-']")).isEmpty(), "a campaign grid's records");
        String recordLink = browser.find(By.cssSelector(".leaflet-popup a[href*='#record-']")).getAttribute("href");
        browser.screenshots("command-map-campaigns");
        js("window.yiwangMap.map.closePopup(); window.yiwangMap.map.setZoom(16);");
        browser.screenshots("command-map-layers");
        assertThat(browser.cspViolations()).isEmpty();

        // each popup's link opens where the thing is worked on
        browser.driver().get(caseLink);
        assertThat(browser.driver().getCurrentUrl()).contains("/enforcement/cases/");
        assertThat(browser.find(By.tagName("h1")).getText()).isNotBlank();
        browser.driver().get(recordLink);
        String record = recordLink.substring(recordLink.indexOf("#") + 1);
        assertThat(browser.exists(By.id(record))).isTrue();
    }
}
