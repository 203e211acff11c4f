package org.yiwang.browser.staff;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.web.mobile.FieldOrders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The community desk (社区工作站): from the 工作台 the community's staff reach an order routed to their grid worker,
 * sign for it and report back with a photo in the console, then look at their register and this round's visits.
 */
class CommunityDeskJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;

    @Test
    void communityStaffHandleTheirGridsOrderFromTheWorkbenchAndSeeTheirRegisterAndVisits() {
        FieldOrders orders = FieldOrders.of(context);
        WorkOrder order = orders.reportIn(orders.gridWorkersGrid(), "楼道口堆放旧家具，社区代为处置", orders.smallMatter().code(),
                "resident", java.util.List.of());
        assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);

        browser.signIn("community");
        assertThat(browser.text(By.id("workbench"))).contains("待签收").contains("辖区实有人口").contains("本轮已走访住户");
        browser.screenshots("community-workbench");
        browser.click(By.cssSelector("#workbench a[href='/console/inbox?tab=dispatched']")).waitForPath("/console/inbox");
        browser.waitForText(order.number());
        browser.click(By.linkText(order.number()));
        browser.waitForPath("/console/orders/" + order.id());
        browser.click(By.cssSelector("#action-accept button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("签收成功");
        browser.attach(By.id("photos-handle"), Browser.samplePhoto("community-after"));
        browser.type(By.id("note-handle"), "已联系住户清理旧家具");
        browser.click(By.cssSelector("#action-handle button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("处置反馈成功");
        assertThat(queries.get(order.id(), orders.actor("dispatcher")).status()).isEqualTo(WorkOrderStatus.HANDLED);
        browser.screenshots("community-order-handled");

        browser.open("/registry");
        browser.waitForText("基础信息台账");
        assertThat(browser.pageText()).contains("****").doesNotContain("??");
        browser.open("/m/visits");
        assertThat(browser.pageText()).contains("走访");
        browser.screenshots("community-visits");
        assertThat(browser.cspViolations()).isEmpty();
    }
}
