package org.yiwang.browser.staff;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department handler: finds the dispatched case in the inbox (red first), signs for it, and reports
 * back with a photo of the result.
 */
class HandlerJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    @Test
    void theHandlerSignsForACaseAndHandlesItWithAPhoto() {
        WorkOrder order = demo.dispatchedToHandler("贡院街东口有情况，请派人来看看（处置单位）");

        browser.signIn("handler").open("/console/inbox");
        browser.waitForText("待办工单");
        browser.type(By.id("q"), order.number());
        browser.click(By.cssSelector("form.filters button[type=submit]")).waitForHtmx();
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#results tbody tr")).size() == 1, "the search to find " + order.number());
        assertThat(browser.text(By.id("results"))).contains(order.number());
        browser.screenshots("console-inbox");

        browser.click(By.linkText(order.number()));
        browser.waitForPath("/console/orders/" + order.id());
        browser.click(By.cssSelector("#action-accept button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("签收成功");

        browser.attach(By.id("photos-handle"), Browser.samplePhoto("handler-after"));
        browser.type(By.id("note-handle"), "已清理现场并恢复原状");
        browser.screenshots("console-order-handle");
        browser.click(By.cssSelector("#action-handle button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("处置反馈成功");

        WebElement photo = browser.visible(By.cssSelector(".timeline img"));
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", photo)),
                "the uploaded photo to load");
        assertThat(browser.text(By.cssSelector(".timeline"))).contains("已清理现场并恢复原状");
        browser.screenshots("console-order-handled");
        assertThat(queries.get(order.id(), demo.actor("handler")).status()).isEqualTo(WorkOrderStatus.HANDLED);
    }

    @Test
    void returningACaseNeedsAReason() {
        WorkOrder order = demo.dispatchedToHandler("贡院街东口有情况，请派人来看看（回退）");
        browser.signIn("handler").open("/console/orders/" + order.id());
        browser.click(By.cssSelector("#action-return summary"));
        browser.script("document.getElementById('note-return').removeAttribute('required');"
                + "document.getElementById('duty-return').removeAttribute('required');");
        browser.click(By.cssSelector("#action-return button[type=submit]"));
        assertThat(browser.text(By.cssSelector("#action-return .form-error"))).contains("请填写原因或说明");
        browser.type(By.id("note-return"), "不属于本部门职责");
        browser.type(By.id("duty-return"), "DL-" + demo.handlerCategory() + " 不属本部门");
        browser.click(By.cssSelector("#action-return button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("退单成功");
        assertThat(browser.path()).startsWith("/console/inbox");
        assertThat(queries.get(order.id(), demo.actor("dispatcher")).status()).isEqualTo(WorkOrderStatus.REGISTERED);
    }
}
