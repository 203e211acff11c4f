package org.yiwang.browser.command;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
 * 考核评价 in a desktop browser: the leader reads the streets' table, follows a figure to the orders behind
 * it and opens one; the administrator saves a new scheme version; the leader makes the month's report and
 * downloads the workbook and the PDF.
 */
class AssessmentJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @Test
    void aLeaderFollowsAFigureToItsOrdersAndDownloadsTheMonthsReport() {
        FieldOrders orders = FieldOrders.of(context);
        WorkOrder order = orders.reportedByResident("考核评价：贡院街井盖缺失");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM assessment_order_fact WHERE order_id = :id")
                .param("id", order.id()).query(Long.class).single() == 1);

        browser.signIn("leader").open("/assessment");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("考核评价");
        WebElement row = browser.find(By.cssSelector("#assessment-table tr[data-code='" + order.gridCode().substring(0, 9) + "']"));
        assertThat(row.getText()).contains("夫子庙街道");
        assertThat(browser.findAll(By.cssSelector("#assessment-table tbody tr")).size()).isGreaterThan(3);
        // the streets without orders this month: after a line saying so, with no place and no grade (not E)
        assertThat(row.findElement(By.cssSelector("td.rank")).getText()).isNotEqualTo("—");
        assertThat(browser.text(By.cssSelector("#assessment-table tr.unranked-head"))).contains("本月无工单");
        assertThat(browser.findAll(By.cssSelector("#assessment-table tr.unranked"))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.findElements(By.cssSelector(".grade"))).isEmpty());
        browser.screenshots("assessment-streets");

        // the number of reports leads to the orders behind it, and on to the order
        row.findElement(By.cssSelector("td:nth-child(6) a")).click();
        browser.waitForPath("/assessment/orders");
        assertThat(browser.text(By.id("drill-orders"))).contains(order.number());
        browser.screenshots("assessment-drill-down");
        browser.click(By.linkText(order.number()));
        // /work-orders/{id} takes the staff member to the console page of the order
        browser.waitForPath("/console/orders/" + order.id());

        // other levels
        browser.open("/assessment?level=GRID");
        assertThat(browser.find(By.cssSelector("#assessment-table tr[data-code='" + order.gridCode() + "']")).getText()).isNotBlank();
        browser.open("/assessment?level=DEPARTMENT");
        browser.screenshots("assessment-departments");

        // the month's report, made now and downloaded in both formats
        browser.open("/assessment/reports");
        // making the five levels' tables, charts and both documents takes a while on a loaded machine
        browser.driver().manage().timeouts().pageLoadTimeout(Duration.ofSeconds(180));
        browser.click(By.id("report-generate"));
        browser.waitForPath("/assessment/reports");
        assertThat(browser.flashSuccess()).contains("已生成");
        List<WebElement> downloads = browser.findAll(By.cssSelector("#report-list a.download"));
        assertThat(downloads).hasSizeGreaterThanOrEqualTo(2);
        browser.screenshots("assessment-reports");
        for (WebElement link : downloads.subList(0, 2)) {
            String head = (String) browser.script("return fetch(arguments[0]).then(r => r.arrayBuffer())"
                    + ".then(b => String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 4))))", link.getAttribute("href"));
            assertThat(head).isIn("%PDF", "PK\u0003\u0004");
        }
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void anAdministratorSavesANewSchemeVersionAndABadWeightIsRefusedNamingIt() {
        browser.signIn("admin").open("/assessment/scheme");
        String current = browser.text(By.cssSelector("#scheme-history tbody tr:first-child td:first-child"));
        browser.find(By.id("w_SATISFACTION")).clear();
        browser.type(By.id("w_SATISFACTION"), "30");
        browser.type(By.id("scheme-note"), "提高满意率权重");
        browser.click(By.id("scheme-save"));
        browser.waitForPath("/assessment/scheme");
        assertThat(browser.flashSuccess()).contains(String.valueOf(Integer.parseInt(current) + 1));
        assertThat(browser.text(By.id("scheme-history"))).contains("提高满意率权重");
        browser.screenshots("assessment-scheme");

        browser.script("document.getElementById('w_REWORK').removeAttribute('max')");
        browser.find(By.id("w_REWORK")).clear();
        browser.type(By.id("w_REWORK"), "150");
        browser.click(By.id("scheme-save"));
        browser.waitUntil(d -> browser.exists(By.cssSelector(".flash-error")), "the refusal on the scheme page");
        assertThat(browser.flashError()).contains("REWORK").contains("0 到 100");
        browser.open("/assessment/scheme");
        assertThat(browser.text(By.cssSelector("#scheme-history tbody tr:first-child td:first-child")))
                .isEqualTo(String.valueOf(Integer.parseInt(current) + 1));
    }
}
