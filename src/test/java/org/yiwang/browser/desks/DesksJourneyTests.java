package org.yiwang.browser.desks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.whistle.BlowWhistle;
import org.yiwang.whistle.Summons;
import org.yiwang.whistle.Whistle;
import org.yiwang.whistle.WhistleActions;
import org.yiwang.whistle.WhistleKind;
import org.yiwang.whistle.WhistleQueries;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desks in a real browser: a department reports in to a whistle from its 待办, and a dispatcher takes a phone
 * call whose place is unknown, then places it on the 待定位 map, which creates and routes the order.
 */
class DesksJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WhistleActions whistles;
    @Autowired WhistleQueries whistleQueries;
    @Autowired WorkOrderQueries orders;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    @Test
    void theSummonedDepartmentReportsInFromItsInbox() {
        WorkOrder order = demo.reported("贡院街夜市占道经营反复回潮（吹哨）");
        Whistle whistle = whistles.blow(order.id(), new BlowWhistle(WhistleKind.TOUGH, "占道经营反复回潮，请城管到场联合整治",
                List.of(demo.actor("handler").orgUnitId())), demo.actor("dispatcher"));

        browser.signIn("handler").open("/console/inbox");
        browser.waitForText("吹哨待本部门报到");
        assertThat(browser.text(By.id("summoned-whistles"))).contains(whistle.number());
        browser.screenshots("desks-handler-inbox-whistle");
        browser.click(By.cssSelector("#summoned-whistles a[href='/whistles/" + whistle.id() + "']"));
        browser.waitForPath("/whistles/" + whistle.id());
        assertThat(browser.text(By.id("answers"))).contains("待报到");
        browser.type(By.id("report-note"), "城管中队已到场，联合整治");
        browser.screenshots("desks-whistle-report-in");
        browser.click(By.id("report-in-submit"));
        assertThat(browser.flashSuccess()).contains("已对吹哨 " + whistle.number() + " 报到");
        assertThat(browser.text(By.id("answers"))).contains("已报到").contains("城管中队已到场");
        browser.screenshots("desks-whistle-reported-in");
        assertThat(whistleQueries.get(whistle.id(), demo.actor("dispatcher")).summons().getFirst().state())
                .isEqualTo(Summons.State.ARRIVED);
        assertThat(browser.cspViolations()).isEmpty();

        // the leader sees both sides graded (考核) on the whistles page
        browser.signIn("leader").open("/desks/whistles");
        browser.click(By.cssSelector("nav.tabs a[href*='tab=stats']"));
        browser.waitForText("部门报到考核");
        assertThat(browser.text(By.cssSelector("table.whistle-departments"))).contains(demo.actor("handler").orgUnitName());
        assertThat(browser.driver().findElements(By.cssSelector("table.whistle-departments .grade"))).isNotEmpty();
        browser.screenshots("desks-whistle-assessment");
    }

    @Test
    void theDispatcherTakesACallAndPlacesItOnTheMap() {
        browser.signIn("dispatcher").open("/desks/phone");
        browser.waitForText("电话受理");
        browser.type(By.id("caller"), "孙悟空");
        browser.type(By.id("phone"), "13700001111");
        browser.type(By.id("content"), "老小区楼道里的灯坏了一个多月，晚上很黑（电话）");
        browser.type(By.id("address"), "说不清的老小区后面");
        browser.screenshots("desks-phone-intake");
        browser.click(By.id("phone-submit"));
        browser.waitForPath("/desks/pending/");
        assertThat(browser.flashSuccess()).contains("请在地图上点选");
        assertThat(browser.pageText()).contains("137****1111").doesNotContain("13700001111").doesNotContain("孙悟空");

        browser.find(By.cssSelector("#place-map[data-ready='true']"));
        browser.click(By.cssSelector("#place-map path[data-grid='" + demo.grid().code() + "']"));
        browser.waitUntil(d -> !browser.find(By.id("place-lat")).getDomProperty("value").isEmpty(), "a place to be chosen");
        browser.screenshots("desks-pending-placed");
        browser.click(By.id("locate-submit"));
        browser.waitForPath("/console/orders/");
        assertThat(browser.flashSuccess()).contains("已定位");
        browser.screenshots("desks-pending-routed");

        long id = Long.parseLong(browser.path().replaceAll("^/console/orders/(\\d+).*$", "$1"));
        WorkOrder order = orders.get(id, demo.actor("dispatcher"));
        assertThat(order.source()).isEqualTo(Source.HOTLINE_12345);
        assertThat(order.gridCode()).startsWith(demo.grid().street().code());
        assertThat(order.status()).isNotEqualTo(WorkOrderStatus.VOIDED);
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void theQueueMarksALikelyDuplicateOnItsRow() {
        WorkOrder older = demo.reported("贡院街32号门前下水道冒水，路面全湿了");
        WorkOrder newer = demo.reported("贡院街32号门前下水道又在冒水，路面湿滑");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("select count(*) from sorter_duplicate where order_id = :n and candidate_id = :o")
                        .param("n", newer.id()).param("o", older.id()).query(Long.class).single() > 0);
        browser.signIn("dispatcher").open("/console/queue?tab=reported&q=" + newer.number());
        browser.waitUntil(d -> !browser.findAll(By.cssSelector("tr[data-order-id='" + newer.id() + "'] .mark")).isEmpty(),
                "the duplicate mark on the row");
        assertThat(browser.text(By.cssSelector("tr[data-order-id='" + newer.id() + "'] .mark"))).startsWith("疑似重复");
        browser.screenshots("desks-queue-marks");
    }
}
