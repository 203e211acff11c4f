package org.yiwang.browser.staff;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command centre's dispatcher: finds a new report in the queue, files it with a category found by
 * search, dispatches it as routing suggests (with the reasons shown), sends the handled case for
 * on-site verification and closes it once the grid worker approved.
 */
class DispatcherJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    @Test
    void theDispatcherFilesDispatchesAndClosesAReport() {
        WorkOrder order = demo.reported("贡院街东口有情况，请派人来看看（派遣台）");
        String category = demo.handlerCategory();

        browser.signIn("dispatcher").open("/console/queue");
        browser.waitForText("派遣台");
        assertThat(browser.text(By.cssSelector(".tabs a.active"))).contains("待立案");
        browser.screenshots("console-queue");

        // other tests share the database: find the report by its number, as a dispatcher on the phone would
        browser.type(By.id("q"), order.number());
        browser.click(By.cssSelector("form.filters button[type=submit]")).waitForHtmx();
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#results tbody tr")).size() == 1, "the search to find " + order.number());
        browser.click(By.linkText(order.number()));
        browser.waitForPath("/console/orders/" + order.id());
        assertThat(browser.text(By.cssSelector("#action-register summary"))).isEqualTo("立案");
        browser.type(By.id("category-search"), category);
        browser.waitUntil(d -> Long.valueOf(1).equals(browser.script(
                "return Array.from(document.querySelectorAll('#categoryCode option')).filter(o => o.value).length;")),
                "the search narrowing the categories to " + category);
        browser.select(By.id("categoryCode"), category);
        browser.select(By.id("urgency"), "URGENT");
        browser.screenshots("console-order-register");
        browser.click(By.cssSelector("#action-register button[type=submit]"));
        assertThat(browser.flashSuccess()).contains(order.number()).contains("立案成功");

        // routing's suggestion with its reasons, in Chinese
        assertThat(browser.text(By.cssSelector("#action-dispatch .suggestion"))).contains("建议派往").contains("城市管理局");
        assertThat(browser.findAll(By.cssSelector("#action-dispatch .reasons li"))).hasSizeGreaterThanOrEqualTo(3);
        browser.screenshots("console-order-dispatch");
        browser.click(By.cssSelector("#action-dispatch form:not(.override) button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("派遣成功");
        assertThat(browser.text(By.cssSelector(".page-head .status"))).isEqualTo("已派遣");

        // the department signs for it and reports back; the dispatcher sends it for on-site verification
        demo.act(order.id(), Action.ACCEPT, ActOnOrder.note(null), demo.actor("handler"));
        demo.act(order.id(), Action.HANDLE, ActOnOrder.note("已处理完毕"), demo.actor("handler"));
        browser.open("/console/queue?tab=handled&q=" + order.number());
        browser.click(By.linkText(order.number()));
        browser.click(By.cssSelector("#action-request-verification button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("派核查成功");

        // the grid worker approves on site; the dispatcher closes
        demo.act(order.id(), Action.APPROVE, ActOnOrder.note("现场已核实"), demo.actor("gridworker"));
        browser.open("/console/orders/" + order.id());
        browser.click(By.cssSelector("#action-close button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("结案成功");
        assertThat(browser.text(By.cssSelector(".page-head .status"))).isEqualTo("已结案");
        assertThat(browser.text(By.cssSelector(".timeline"))).contains("立案").contains("派遣").contains("处置反馈")
                .contains("核查通过").contains("结案").contains("现场已核实");
        browser.screenshots("console-order-closed");
        assertThat(queries.get(order.id(), demo.actor("dispatcher")).status()).isEqualTo(WorkOrderStatus.CLOSED);
    }

    @Test
    void theDispatcherSeesOverdueOrdersAndTheAllTab() {
        browser.signIn("dispatcher").open("/console/overdue");
        browser.waitForText("超期督办");
        browser.screenshots("console-overdue");
        browser.open("/console/queue?tab=all");
        browser.waitForText("派遣台");
        browser.screenshots("console-queue-all");
    }

    @Test
    void aDispatcherOfAnotherStreetIsToldTheOrderDoesNotExist() {
        WorkOrder order = demo.reported("贡院街东口有情况，请派人来看看（范围）");
        browser.signIn("dispatcher-honghua").open("/console/orders/" + order.id());
        browser.waitForText("未找到");
        assertThat(browser.pageText()).contains("工单 " + order.id() + " 不存在").doesNotContain(order.number());
        assertThat(List.of(browser.findAll(By.cssSelector(".sidenav a")).size())).allMatch(n -> n > 0);
    }
}
