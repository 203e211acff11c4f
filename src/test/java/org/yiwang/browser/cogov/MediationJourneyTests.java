package org.yiwang.browser.cogov;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.WorkOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** A neighbour dispute reported as a work order becomes a mediation case and ends in an agreement, in a real browser. */
class MediationJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    @Test
    void communityStaffMediateANeighbourDisputeOrderToAnAgreement() {
        WorkOrder order = demo.dispatchedUnder("L01001", "楼上漏水渗到楼下，两家争吵多次（调解旅程）");

        browser.signIn("community").open("/cogov/mediation");
        browser.waitForText("矛盾纠纷调解");
        browser.type(By.id("from-order-id"), String.valueOf(order.id()));
        browser.click(By.cssSelector("#from-order-form button"));
        browser.waitForPath("/cogov/mediation/from-order");
        assertThat(browser.text(By.id("order-description"))).contains("楼上漏水");
        browser.screenshots("cogov-mediation-from-order");
        browser.click(By.id("open-from-order"));
        assertThat(browser.flashSuccess()).contains("已受理调解案件 TJ");
        assertThat(browser.text(By.id("mediation-status"))).isEqualTo("已受理");

        browser.select(By.cssSelector("#party-form select"), "APPLICANT");
        browser.type(By.cssSelector("#party-form input[name=name]"), "周文华");
        browser.type(By.cssSelector("#party-form input[name=phone]"), "13800001234");
        browser.click(By.cssSelector("#party-form button"));
        assertThat(browser.flashSuccess()).contains("已添加当事人");
        browser.select(By.cssSelector("#party-form select"), "RESPONDENT");
        browser.type(By.cssSelector("#party-form input[name=name]"), "吴建国");
        browser.click(By.cssSelector("#party-form button"));
        assertThat(browser.pageText()).contains("周**").contains("138****1234").doesNotContain("13800001234");

        browser.click(By.cssSelector("#mediator-form button"));
        // the page is replaced after the form: wait for the new one (the header names 刘洋 on both)
        browser.waitUntil(d -> browser.text(By.id("mediation-mediator")).contains("刘洋"), "the mediator named on the case");

        browser.type(By.id("session-place"), "社区调解工作室");
        browser.type(By.id("session-note"), "双方到场，查明漏水点在楼上卫生间，楼上同意维修并赔偿");
        browser.click(By.cssSelector("#session-form button"));
        assertThat(browser.text(By.id("mediation-status"))).isEqualTo("调解中");
        browser.screenshots("cogov-mediation-session");

        browser.type(By.id("agreement-text"), "楼上住户七日内修复卫生间防水，并赔偿楼下吊顶修复费 800 元");
        browser.click(By.id("agreement-judicial"));
        browser.click(By.id("agree"));
        assertThat(browser.flashSuccess()).contains("已登记调解协议");
        assertThat(browser.text(By.id("mediation-status"))).isEqualTo("已达成协议");
        assertThat(browser.text(By.id("mediation-agreement"))).contains("赔偿").contains("申请司法确认");
        assertThat(browser.text(By.id("mediation-history"))).contains("受理").contains("记录调解").contains("达成协议");
        assertThat(browser.pageText()).contains("应于");
        browser.screenshots("cogov-mediation-agreed");
        assertThat(browser.cspViolations()).isEmpty();
    }
}
