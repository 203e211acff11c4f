package org.yiwang.browser.mobile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.catalog.Category;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.web.mobile.FieldOrders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid worker on a phone: today's grid with the orders waiting for an on-site check, approving a
 * handled order with a photo, and closing a small matter on the spot (即发即处).
 */
class GridWorkerJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;

    FieldOrders orders;

    @BeforeEach
    void onAPhone() {
        orders = FieldOrders.of(context);
        browser.viewport(Browser.Size.PHONE);
    }

    @Test
    void theGridWorkerChecksAHandledOrderOnSiteAndApprovesIt() {
        WorkOrder order = orders.waitingForOnSiteCheck("人行道护栏倒伏");
        browser.signIn("gridworker").viewport(Browser.Size.PHONE).open("/m/grid");
        browser.waitForText("待核查");
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return document.querySelectorAll('#grid-map path').length > 0")),
                "the grid drawn on the map");
        assertThat(browser.pageText()).contains(order.number());
        browser.screenshots("mobile-gridworker-today");

        browser.viewport(Browser.Size.PHONE).click(By.cssSelector("a.m-card[href='/m/grid/orders/" + order.id() + "']"));
        browser.waitForText("核查结论");
        assertThat(browser.pageText()).contains("处置后").contains("已修复并清理现场");
        browser.attach(By.id("verify-photos"), Browser.samplePhoto("gridworker-check"));
        browser.type(By.id("verify-note"), "现场查看，护栏已扶正加固");
        browser.screenshots("mobile-gridworker-verify");

        browser.viewport(Browser.Size.PHONE).click(By.id("approve"));
        assertThat(browser.flashSuccess()).contains(order.number());
        WorkOrderQueries.OrderDetail detail = queries.detail(order.id(), orders.actor("dispatcher"));
        assertThat(detail.order().verified()).isTrue();
        assertThat(detail.history().getLast().action()).isEqualTo(Action.APPROVE);
        assertThat(detail.history().getLast().photos()).hasSize(1);
    }

    @Test
    void theGridWorkerClosesASmallMatterOnTheSpot() {
        Category small = orders.smallMatter();
        PhoneLocation.at(browser, FieldOrders.inside(orders.gridWorkersGrid()));
        browser.signIn("gridworker").viewport(Browser.Size.PHONE).open("/m/grid");
        browser.click(By.id("quick-report"));
        browser.waitUntil(d -> browser.exists(By.cssSelector("#where .where-found")), "the pin located in a grid");
        browser.attach(By.id("photos"), Browser.samplePhoto("gridworker-spot"));
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#photo-preview img")).size() == 1, "the photo preview");
        browser.click(By.cssSelector("#category-picker summary"));
        browser.type(By.id("category-search"), small.name());
        By option = By.cssSelector("#category-results .cat-option[data-code='" + small.code() + "']");
        browser.waitUntil(d -> browser.exists(option), "the small matter found");
        browser.click(option);
        browser.type(By.id("description"), "路口散落纸箱");
        browser.click(By.id("closeOnSpot"));
        browser.type(By.id("spotNote"), "已当场清理");
        browser.screenshots("mobile-gridworker-quick-report");

        browser.viewport(Browser.Size.PHONE).click(By.id("submit-report"));
        browser.waitUntil(d -> browser.path().matches("/m/reports/\\d+/receipt"), "the receipt");
        assertThat(browser.pageText()).contains("已现场处理并办结");
        long id = Long.parseLong(browser.path().replaceAll("\\D+", " ").trim().split(" ")[0]);
        WorkOrder closed = queries.get(id, orders.actor("gridworker"));
        assertThat(closed.status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(closed.categoryCode()).isEqualTo(small.code());
        browser.screenshots("mobile-gridworker-spot-receipt");
    }
}
