package org.yiwang.browser.residents;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.mobile.PhoneLocation;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident on a phone beyond their own report: finds an open report near the pin before filing and adds 附议 and
 * follows it; reports without a network and the report arrives once when the phone is back online.
 */
class ResidentsJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Intake intake;

    FieldOrders orders;

    @BeforeEach
    void onAPhone() {
        orders = FieldOrders.of(context);
        browser.viewport(Browser.Size.PHONE);
    }

    /** A point of the test's own inside the grid, away from the reports other tests make at its centre. */
    static double[] somewhereIn(IndexedGrid grid) {
        Envelope box = grid.geometry().getEnvelopeInternal();
        for (int i = 0; i < 10_000; i++) {
            double lon = box.getMinX() + ThreadLocalRandom.current().nextDouble() * box.getWidth();
            double lat = box.getMinY() + ThreadLocalRandom.current().nextDouble() * box.getHeight();
            if (grid.geometry().contains(grid.geometry().getFactory().createPoint(new Coordinate(lon, lat)))) {
                return new double[]{lat, lon};
            }
        }
        throw new IllegalStateException("no point in " + grid.code());
    }

    @Test
    void aResidentFindsAnExistingReportAndAddsMeTooAndFollowsIt() {
        double[] p = somewhereIn(orders.gridWorkersGrid());
        WorkOrder existing = intake.report(new ReportProblem("小区门口路灯不亮，晚上很黑", orders.handlerCategory(), p[0], p[1], null, null, null,
                null, null, null, List.of(), UUID.randomUUID().toString()), orders.actor("gridworker")).order();
        PhoneLocation.at(browser, p);
        browser.signIn("resident").viewport(Browser.Size.PHONE).open("/m/report");
        browser.waitUntil(d -> browser.exists(By.cssSelector("#where .where-found")), "the pin located in a grid");
        By item = By.cssSelector("#nearby .nearby-item[data-number='" + existing.number() + "']");
        browser.waitUntil(d -> browser.exists(item), "the open report nearby offered");
        assertThat(browser.text(By.id("nearby"))).contains("已有人反映").contains("1 位居民反映");
        browser.scrollIntoView(browser.find(item));
        browser.screenshots("residents-nearby-before-report");

        browser.click(By.cssSelector("#nearby .nearby-item[data-number='" + existing.number() + "'] .support-button"));
        browser.waitUntil(d -> browser.text(item).contains("已附议"), "the me-too confirmed");
        assertThat(browser.text(item)).contains("共 2 位居民反映");
        assertThat(jdbc.sql("select count(*) from workorder_supporter where order_id = :o").param("o", existing.id())
                .query(Long.class).single()).isEqualTo(1);
        browser.screenshots("residents-me-too");

        browser.click(By.cssSelector("#nearby .nearby-item[data-number='" + existing.number() + "'] .follow-link"));
        browser.waitForText("关注此问题");
        assertThat(browser.pageText()).contains(existing.number()).contains("您已附议").contains("2 位居民反映");
        browser.click(By.id("follow-order"));
        browser.waitForText("您已关注此问题");
        browser.screenshots("residents-following");
        browser.viewport(Browser.Size.PHONE).click(By.id("tab-follows"));
        browser.waitForText("我的关注");
        assertThat(browser.pageText()).contains(existing.number());
        browser.screenshots("residents-follows");

        // the dispatcher sees how many residents are affected
        browser.signIn("dispatcher").open("/console/orders/" + existing.id());
        assertThat(browser.text(By.id("residents-affected"))).contains("2 位居民反映");
    }

    @Test
    void aResidentReportsOfflineAndTheReportArrivesOnce() {
        double[] p = somewhereIn(orders.gridWorkersGrid());
        PhoneLocation.at(browser, p);
        browser.signIn("resident").viewport(Browser.Size.PHONE).open("/m/report");
        browser.waitUntil(d -> browser.exists(By.cssSelector("#where .where-found")), "the pin located in a grid");
        // installable: the service worker of /m/ is active
        assertThat(browser.script("return navigator.serviceWorker.ready.then(r => r.scope);")).isEqualTo(baseUrl() + "/m/");
        String words = "离线上报：消防通道堆放杂物 " + UUID.randomUUID();
        browser.attach(By.id("photos"), Browser.samplePhoto("offline-report"));
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#photo-preview img")).size() == 1, "the photo preview");
        browser.type(By.id("description"), words);

        network(false);
        browser.click(By.id("submit-report"));
        browser.waitUntil(d -> browser.text(By.id("offline-status")).contains("已保存在手机上"), "the report kept on the phone");
        assertThat(browser.path()).isEqualTo("/m/report");
        assertThat(orders(words)).isZero();
        browser.screenshots("residents-offline-queued");

        network(true);
        browser.waitUntil(d -> browser.text(By.id("offline-status")).contains("已发送成功"), "the queued report sent");
        assertThat(orders(words)).isEqualTo(1);
        assertThat(jdbc.sql("select cardinality(photos) from workorder_transition t join workorder_order o on o.id = t.order_id"
                        + " where o.description = :d and t.action = 'REPORT'").param("d", words).query(Integer.class).single()).isEqualTo(1);
        browser.screenshots("residents-offline-sent");

        // opening the form again sends nothing twice
        browser.open("/m/report");
        browser.waitUntil(d -> browser.exists(By.id("report-form")), "the form again");
        browser.script("return new Promise(r => setTimeout(r, 1500));");
        assertThat(orders(words)).isEqualTo(1);
    }

    long orders(String description) {
        return jdbc.sql("select count(*) from workorder_order where description = :d").param("d", description).query(Long.class).single();
    }

    void network(boolean online) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(!online);
        conditions.setLatency(Duration.ZERO);
        browser.driver().setNetworkConditions(conditions);
        browser.waitUntil(d -> Boolean.valueOf(online).equals(browser.script("return navigator.onLine;")), online ? "online" : "offline");
    }
}
