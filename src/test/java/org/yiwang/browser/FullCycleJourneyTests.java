package org.yiwang.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.mobile.PhoneLocation;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole 四单 loop in one browser, every step by the person whose job it is, on their own screen:
 * the resident reports on a phone with a photo and the phone's position → the dispatcher files and
 * dispatches at the desk → the department's handler signs for it and reports back with a photo → the
 * dispatcher sends it for checking → the grid worker approves on site on a phone → the dispatcher
 * closes → the resident rates. The command-centre map shows the order while it is open and the
 * dashboard counts it. Nothing in between is done through the API.
 */
class FullCycleJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;

    @Test
    void aReportGoesFromTheResidentThroughEveryRoleAndBackToTheResident() {
        FieldOrders orders = FieldOrders.of(context);
        String category = orders.handlerCategory();
        String mark = UUID.randomUUID().toString().substring(0, 8);

        browser.signIn("leader").open("/dashboard");
        long intakeBefore = Long.parseLong(browser.text(By.id("kpi-today")).trim());

        // 1 resident, phone: photo, position, no category — the command centre sorts it
        PhoneLocation.at(browser, FieldOrders.inside(orders.gridWorkersGrid()));
        browser.signIn("resident").viewport(Browser.Size.PHONE).open("/m/report");
        browser.waitUntil(d -> browser.exists(By.cssSelector("#where .where-found")), "the pin located in a grid");
        browser.attach(By.id("photos"), Browser.samplePhoto("journey-before"));
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#photo-preview img")).size() == 1, "the photo preview");
        browser.type(By.id("description"), "请派人来看看这里的情况，编号" + mark);
        browser.click(By.id("submit-report"));
        browser.waitUntil(d -> browser.path().matches("/m/reports/\\d+/receipt"), "the receipt");
        String number = browser.text(By.id("tracking-number"));
        long id = Long.parseLong(browser.path().replaceAll("\\D+", " ").trim());
        assertThat(queries.get(id, orders.actor("resident")).status())
                .as("a report without a category waits for the dispatcher").isEqualTo(WorkOrderStatus.REPORTED);

        // 2 dispatcher, desk: find it in the queue, file with a category, dispatch as routing suggests
        browser.viewport(Browser.Size.DESKTOP).signIn("dispatcher").open("/console/queue");
        browser.type(By.id("q"), number);
        browser.click(By.cssSelector("form.filters button[type=submit]")).waitForHtmx();
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#results tbody tr")).size() == 1, "the queue to find " + number);
        browser.click(By.linkText(number));
        browser.waitForPath("/console/orders/" + id);
        browser.type(By.id("category-search"), category);
        browser.waitUntil(d -> Long.valueOf(1).equals(browser.script(
                "return Array.from(document.querySelectorAll('#categoryCode option')).filter(o => o.value).length;")),
                "the category search narrowed to " + category);
        browser.select(By.id("categoryCode"), category);
        browser.click(By.cssSelector("#action-register button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("立案成功");
        assertThat(browser.text(By.cssSelector("#action-dispatch .suggestion"))).contains("建议派往");
        browser.click(By.cssSelector("#action-dispatch form:not(.override) button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("派遣成功");

        // the command-centre map has it while it is open
        browser.open("/command/map");
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return !!window.yiwangMap && window.yiwangMap.hasMarker(" + id + ")")),
                "the order's marker on the map");

        // 3 handler: the bell counts the new order's notice, which opens the order; then the desk's inbox,
        // sign for it, report back with an after photo
        browser.signIn("handler");
        browser.waitUntil(d -> {
            browser.open("/notifications");
            return browser.pageText().contains(number);
        }, "the dispatch notice of " + number);
        browser.open("/console").waitUntil(d -> browser.exists(By.cssSelector(".bell .bell-count")), "the bell's unread count");
        browser.open("/notifications");
        browser.screenshots("journey-notifications");
        browser.click(By.xpath("//li[contains(., '" + number + "')]//button"));
        browser.waitForPath("/console/orders/" + id);
        browser.open("/console/inbox");
        browser.type(By.id("q"), number);
        browser.click(By.cssSelector("form.filters button[type=submit]")).waitForHtmx();
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#results tbody tr")).size() == 1, "the inbox to find " + number);
        browser.click(By.linkText(number));
        browser.click(By.cssSelector("#action-accept button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("签收成功");
        browser.attach(By.id("photos-handle"), Browser.samplePhoto("journey-after"));
        browser.type(By.id("note-handle"), "已修复，现场清理完毕 " + mark);
        browser.click(By.cssSelector("#action-handle button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("处置反馈成功");

        // 4 dispatcher: send it for checking on site
        browser.signIn("dispatcher").open("/console/orders/" + id);
        browser.click(By.cssSelector("#action-request-verification button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("派核查成功");

        // 5 grid worker, phone: the order waits in today's view; approve with a photo
        browser.signIn("gridworker").viewport(Browser.Size.PHONE).open("/m/grid");
        browser.waitForText("待核查");
        browser.click(By.cssSelector("a.m-card[href='/m/grid/orders/" + id + "']"));
        browser.waitForText("核查结论");
        assertThat(browser.pageText()).contains("已修复，现场清理完毕 " + mark);
        browser.attach(By.id("verify-photos"), Browser.samplePhoto("journey-check"));
        browser.type(By.id("verify-note"), "现场核实已修复");
        browser.click(By.id("approve"));
        assertThat(browser.flashSuccess()).contains(number);

        // 6 dispatcher: close
        browser.viewport(Browser.Size.DESKTOP).signIn("dispatcher").open("/console/orders/" + id);
        browser.click(By.cssSelector("#action-close button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("结案成功");
        assertThat(browser.text(By.cssSelector(".timeline"))).contains("立案").contains("派遣").contains("签收")
                .contains("处置反馈").contains("核查通过").contains("结案");

        // 7 resident, phone: before/after photos, then the rating
        browser.signIn("resident").viewport(Browser.Size.PHONE).open("/m/reports/" + id);
        browser.waitForText("请评价处理结果");
        assertThat(browser.pageText()).contains("处置前").contains("处置后").contains("已修复，现场清理完毕 " + mark);
        browser.click(By.xpath("//label[contains(@class,'choice')][.//span[text()='满意']]"));
        browser.type(By.id("comment"), "处理及时");
        browser.click(By.cssSelector("#rating button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("感谢");

        WorkOrder done = queries.get(id, orders.actor("dispatcher"));
        assertThat(done.status()).isEqualTo(WorkOrderStatus.EVALUATED);
        assertThat(done.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(queries.detail(id, orders.actor("dispatcher")).history()).extracting(t -> t.action()).containsSubsequence(
                Action.REPORT, Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.HANDLE, Action.REQUEST_VERIFICATION,
                Action.APPROVE, Action.CLOSE, Action.EVALUATE);

        // the dashboard counts it among today's reports
        browser.viewport(Browser.Size.DESKTOP).signIn("leader").open("/dashboard");
        assertThat(Long.parseLong(browser.text(By.id("kpi-today")).trim())).isGreaterThan(intakeBefore);
        browser.screenshots("journey-dashboard");
    }
}
