package org.yiwang.browser.staff;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.people.People;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 主办/协办 and 争议 in the screens: the district command centre dispatches with a co-handling unit, which reports its
 * part from its inbox before the lead reports done and the order closes; and a lead unit that sends an order back a
 * second time raises a dispute that the command centre rules on.
 */
class CoHandlingJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;
    @Autowired People people;

    DemoOrders demo;
    long lead;
    long housing;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
        lead = people.findByUsername("handler").orElseThrow().orgUnitId();
        housing = people.findByUsername("handler-housing").orElseThrow().orgUnitId();
    }

    /** The handler's department sends the order back once (退单), so that it waits for the dispatcher again. */
    WorkOrder sentBackOnce(String description) {
        WorkOrder order = demo.dispatchedToHandler(description);
        return demo.act(order.id(), Action.RETURN, new ActOnOrder("需要联合处置", List.of(), null, null, null, List.of(), null, null,
                null, null, "DL-" + demo.handlerCategory(), List.of()), demo.actor("handler"));
    }

    WorkOrderStatus status(WorkOrder order) {
        return queries.get(order.id(), demo.actor("dispatcher-district")).status();
    }

    @Test
    void aCoHandlerReportsItsPartThenTheLeadReportsDoneAndTheOrderCloses() {
        WorkOrder order = sentBackOnce("贡院街人行道塌陷，需城管与住建共同处理（协办）");

        browser.signIn("dispatcher-district").open("/console/orders/" + order.id());
        browser.select(By.id("dispatch-unit"), String.valueOf(lead));
        browser.click(By.id("dispatch-override-on-" + housing));
        browser.type(By.id("dispatch-override-part-" + housing), "负责塌陷路面的修复");
        browser.type(By.id("dispatch-override-days-" + housing), "2");
        browser.type(By.id("dispatch-reason"), "城管主办，住建协办修复路面");
        browser.screenshots("console-dispatch-co-handler");
        browser.click(By.cssSelector("form.override button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("派遣成功");
        browser.open("/console/orders/" + order.id());
        assertThat(browser.text(By.id("co-handling"))).contains("住房和城乡建设局", "负责塌陷路面的修复", "协办中");

        browser.signIn("handler").open("/console/orders/" + order.id());
        browser.click(By.cssSelector("#action-accept button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("签收成功");
        browser.type(By.id("note-handle"), "已处理");
        browser.click(By.cssSelector("#action-handle button[type=submit]"));
        assertThat(browser.flashError()).contains("协办单位尚未全部反馈", "住房和城乡建设局");

        browser.signIn("handler-housing").open("/console/inbox");
        browser.type(By.id("q"), order.number());
        browser.click(By.cssSelector("form.filters button[type=submit]")).waitForHtmx();
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#results tbody tr")).size() == 1, "the inbox to show " + order.number());
        assertThat(browser.text(By.id("results"))).contains("协办");
        browser.click(By.linkText(order.number()));
        browser.waitForPath("/console/orders/" + order.id());
        browser.attach(By.id("photos-assist-report"), Browser.samplePhoto("co-handler-part"));
        browser.type(By.id("note-assist-report"), "塌陷路面已修复");
        browser.screenshots("console-assist-report");
        browser.click(By.cssSelector("#action-assist-report button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("协办反馈成功");
        assertThat(browser.text(By.id("co-handling"))).contains("已反馈");

        browser.signIn("handler").open("/console/orders/" + order.id());
        browser.type(By.id("note-handle"), "已修复并清理现场");
        browser.click(By.cssSelector("#action-handle button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("处置反馈成功");

        browser.signIn("dispatcher-district").open("/console/orders/" + order.id());
        browser.click(By.cssSelector("#action-request-verification button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("成功");
        demo.act(order.id(), Action.APPROVE, ActOnOrder.note("现场核实已修复"), demo.actor("gridworker"));
        browser.open("/console/orders/" + order.id());
        browser.click(By.cssSelector("#action-close button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("结案成功");
        assertThat(status(order)).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(browser.text(By.cssSelector(".timeline"))).contains("协办反馈", "塌陷路面已修复");
    }

    @Test
    void aSecondSendingBackIsRuledOnByTheCommandCentre() {
        WorkOrder order = sentBackOnce("贡院街占道经营反复出现（争议）");
        demo.act(order.id(), Action.DISPATCH, new ActOnOrder("经核实仍属城管职责", List.of(), null, null, lead, List.of(), null, null,
                null, null), demo.actor("dispatcher-district"));

        browser.signIn("handler").open("/console/orders/" + order.id());
        assertThat(browser.exists(By.id("action-return"))).as("sent back once: only a dispute is left").isFalse();
        browser.click(By.cssSelector("#action-contest summary"));
        browser.type(By.id("note-contest"), "依职责清单应由市场监管部门处置");
        browser.type(By.id("duty-contest"), "DL-" + demo.handlerCategory());
        browser.click(By.cssSelector("#action-contest button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("再次退单（提请仲裁）成功");

        browser.signIn("dispatcher-district").open("/console/co-handling?tab=disputes");
        browser.waitForText(order.number());
        browser.screenshots("console-disputes");
        browser.click(By.linkText(order.number()));
        browser.waitForPath("/console/orders/" + order.id());
        assertThat(browser.text(By.id("co-handling"))).contains("争议待裁定", "再次退单");
        browser.select(By.id("rule-lead"), String.valueOf(lead));
        browser.type(By.id("note-rule"), "依职责清单由城管主办");
        browser.screenshots("console-ruling");
        browser.click(By.cssSelector("#action-rule button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("仲裁裁定成功");
        browser.open("/console/orders/" + order.id());
        assertThat(browser.text(By.id("co-handling"))).contains("裁定约束单位");
        assertThat(browser.text(By.cssSelector(".timeline"))).contains("仲裁裁定", "依职责清单由城管主办");
        assertThat(status(order)).isEqualTo(WorkOrderStatus.DISPATCHED);

        browser.signIn("handler").open("/console/orders/" + order.id());
        assertThat(browser.exists(By.id("action-contest"))).as("bound by the ruling").isFalse();
        assertThat(browser.exists(By.id("action-accept"))).isTrue();
    }
}
