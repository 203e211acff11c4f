package org.yiwang.browser.enforcement;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.enforcement.NoticeDocument;
import org.yiwang.workorder.WorkOrder;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 联合执法 in a real browser: the command centre opens a case from a resident's order and summons 市场监管 and 公安;
 * 市场监管 reports its arrival on the phone; the law-enforcement officer ticks the checklist on the phone with a
 * photo, a party and items of three departments; the combined notice is served on the console and printed as PDF.
 */
class EnforcementJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired NoticeDocument notices;

    @Test
    void aJointCaseRunsFromAnOrderToOneCombinedNotice() throws Exception {
        DemoOrders demo = DemoOrders.of(context);
        WorkOrder order = demo.reported("贡院街夜市烧烤摊占道经营，油烟扰民，晚上十点后仍很吵");

        browser.signIn("dispatcher").open("/enforcement/cases");
        browser.waitForText("联合执法案件");
        browser.type(By.id("open-order"), order.number());
        browser.select(By.id("open-scenario"), "NIGHT_MARKET");
        browser.screenshots("enforcement-open");
        browser.click(By.id("open-case-submit"));
        assertThat(browser.flashSuccess()).contains("已立案");
        long id = Long.parseLong(browser.path().replaceAll("^/enforcement/cases/(\\d+).*$", "$1"));
        assertThat(browser.pageText()).contains("查看工单", "夜市", "立案");
        String market = jdbc.sql("SELECT id FROM people_org_unit WHERE name = '秦淮区市场监督管理局'").query(String.class).single();
        String police = jdbc.sql("SELECT id FROM people_org_unit WHERE name = '秦淮公安分局夫子庙派出所'").query(String.class).single();
        browser.click(By.cssSelector("#summon-form input[value='" + market + "']"));
        browser.click(By.cssSelector("#summon-form input[value='" + police + "']"));
        browser.click(By.id("step-summon"));
        assertThat(browser.flashSuccess()).contains("召集部门");
        assertThat(browser.findAll(By.cssSelector("#summons .light-GREEN"))).hasSize(2);
        browser.screenshots("enforcement-summoned");

        browser.viewport(Browser.Size.PHONE);
        browser.signIn("handler-market").open("/m/enforcement/cases/" + id);
        browser.click(By.id("m-arrive"));
        assertThat(browser.flashSuccess()).contains("到场");
        browser.screenshots("enforcement-phone-arrived");

        browser.signIn("handler-enforcement").open("/m/enforcement/cases/" + id);
        browser.click(By.id("m-investigate"));
        browser.flashSuccess();
        browser.click(By.id("check1-fail"));
        browser.click(By.id("check3-fail"));
        browser.click(By.id("check6-pass"));
        browser.type(By.id("inspection-findings"), "2 个摊位在人行道露天烧烤，1 名摊主未持健康证明；摊主电话 13905181234");
        browser.type(By.id("party-name-0"), "王建国烧烤摊");
        browser.select(By.id("party-kind-0"), "PERSON");
        browser.type(By.id("party-phone-0"), "13905181234");
        browser.click(By.id("item-ZF-008"));
        browser.click(By.id("item-SJ-002"));
        browser.click(By.id("item-GA-003"));
        browser.attach(By.id("inspection-photos"), Browser.samplePhoto("night-market"));
        browser.screenshots("enforcement-phone-checklist");
        browser.click(By.id("m-inspection-submit"));
        assertThat(browser.flashSuccess()).contains("已保存现场检查");
        assertThat(browser.pageText()).doesNotContain("13905181234");

        browser.viewport(Browser.Size.DESKTOP);
        browser.open("/enforcement/cases/" + id);
        assertThat(browser.text(By.id("parties"))).contains("王*****").contains("139****1234").doesNotContain("王建国");
        assertThat(browser.text(By.id("case-items"))).contains("综合行政执法", "市场监管", "公安");
        browser.type(By.id("notice-requirement"), "立即停止露天烧烤，三日内办理健康证明，夜间 22 时后停止经营");
        browser.click(By.id("step-notify"));
        assertThat(browser.flashSuccess()).contains("送达");
        String number = browser.text(By.id("notice-number"));
        assertThat(number).matches("综执责改〔\\d{4}〕002-\\d{4}号");
        assertThat(browser.text(By.id("case-stage"))).isEqualTo("告知");
        assertThat(browser.find(By.id("notice-pdf")).getAttribute("href")).endsWith("/api/enforcement/cases/" + id + "/notice.pdf");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("enforcement-notice");

        byte[] pdf = notices.pdf(id, demo.actor("dispatcher"));
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("enforcement-notice.pdf"), pdf);
        assertThat(notices.content(id, demo.actor("dispatcher")).items()).hasSize(3);
    }
}
