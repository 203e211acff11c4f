package org.yiwang.browser.services;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.people.Organization;
import org.yiwang.people.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一网通办 in a real browser: a resident applies online with uploads; the community window calls the resident's number,
 * accepts, asks for a missing material (补正), the resident supplies it and the window approves and completes; a grid
 * worker applies for an elderly resident's care package (帮办代办).
 */
class ServicesJourneyTests extends BrowserTests {

    @Autowired People people;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;

    String community() {
        long unit = people.findByUsername("community").orElseThrow().orgUnitId();
        return organization.find(unit).orElseThrow().divisionCode();
    }

    String residentAppliesForTheElderlyCard() {
        browser.signIn("resident").open("/m/reports");
        browser.click(By.id("tab-services"));
        browser.waitForText("查事项");
        browser.type(By.id("q"), "优待证");
        browser.click(By.id("search-submit"));
        browser.waitForText("老年人优待证办理");
        browser.screenshots("services-resident-search");
        browser.click(By.cssSelector("li[data-item='MZ-008'] a.item-link"));
        browser.waitForText("办事指南");
        browser.attach(By.id("material-0"), Browser.samplePhoto("id-card"));
        browser.attach(By.id("material-1"), Browser.samplePhoto("portrait"));
        browser.select(By.id("communityCode"), community());
        browser.screenshots("services-resident-apply");
        browser.click(By.id("apply-submit"));
        browser.waitForText("已提交申请");
        String number = browser.text(By.id("application-number"));
        assertThat(browser.text(By.id("application-status"))).isEqualTo("待受理");
        browser.screenshots("services-resident-applied");
        return number;
    }

    long idOf(String number) {
        return jdbc.sql("select id from services_application where number = :n").param("n", number).query(Long.class).single();
    }

    @Test
    void residentAppliesOnlineWithUploadsAndFollowsItInMyApplications() {
        String number = residentAppliesForTheElderlyCard();
        assertThat(jdbc.sql("select count(*) from services_application_material where application_id = :id")
                .param("id", idOf(number)).query(Long.class).single()).isEqualTo(2);
        browser.open("/m/services/mine");
        browser.waitForText(number);
        browser.screenshots("services-resident-mine");
        assertThat(browser.pageText()).doesNotContain("??");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void windowClerkCallsTheNumberAcceptsAsksForAMissingMaterialAndCompletes() {
        String number = residentAppliesForTheElderlyCard();
        // the resident takes a number at the community's hall
        browser.open("/m/services/queue");
        browser.select(By.id("hall"), community());
        browser.select(By.id("queue"), "民政");
        browser.click(By.id("take-submit"));
        browser.waitForText("取号成功");
        String ticket = browser.text(By.cssSelector("#my-tickets .ticket-label"));
        browser.screenshots("services-queue-taken");

        browser.signIn("community").open("/services/desk");
        browser.waitForText("叫号");
        browser.select(By.id("call-queue"), "民政");
        browser.click(By.id("call-next"));
        browser.waitForText("请 " + ticket);
        browser.screenshots("services-desk-called");
        browser.type(By.cssSelector("#called input[name='applicationNumber']"), number);
        browser.click(By.cssSelector("#called button.served"));
        browser.waitForText("已办理离柜");
        browser.open("/services/desk/applications/" + idOf(number));
        browser.click(By.id("do-ACCEPT"));
        browser.waitForText("已受理。");
        browser.type(By.id("missing"), "近期免冠照片不清晰，请重新上传");
        browser.click(By.id("do-REQUEST_SUPPLEMENT"));
        browser.waitForText("办理时限暂停");
        browser.screenshots("services-desk-supplement");

        browser.signIn("resident").open("/m/services/applications/" + idOf(number));
        browser.waitForText("需补正");
        browser.attach(By.id("material-1"), Browser.samplePhoto("portrait-again"));
        browser.screenshots("services-resident-supply");
        browser.click(By.id("supply-submit"));
        browser.waitForText("补正材料已提交");

        browser.signIn("community").open("/services/desk/applications/" + idOf(number));
        browser.click(By.id("do-ACCEPT"));
        browser.waitForText("已受理。");
        browser.click(By.id("do-APPROVE"));
        browser.waitForText("已审批通过。");
        browser.type(By.id("result-number"), "宁老优字2026第0815号");
        browser.click(By.id("do-COMPLETE"));
        browser.waitForText("已办结。");
        assertThat(browser.text(By.id("application-status"))).isEqualTo("已办结");
        browser.screenshots("services-desk-completed");
        assertThat(jdbc.sql("select approved_level from services_application where number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("COMMUNITY");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void theWindowForwardsADepartmentItemAndTheDepartmentApprovesIt() {
        browser.signIn("resident").open("/m/services");
        browser.type(By.id("q"), "退休");
        browser.click(By.id("search-submit"));
        browser.waitForText("职工退休申请");
        browser.click(By.cssSelector("li[data-item='SB-024'] a.item-link"));
        browser.waitForText("转报区人力资源和社会保障局审批");
        browser.attach(By.id("material-0"), Browser.samplePhoto("id-card"));
        browser.attach(By.id("material-1"), Browser.samplePhoto("file"));
        browser.attach(By.id("material-2"), Browser.samplePhoto("form"));
        browser.select(By.id("communityCode"), community());
        browser.click(By.id("apply-submit"));
        browser.waitForText("已提交申请");
        String number = browser.text(By.id("application-number"));

        browser.signIn("community").open("/services/desk/applications/" + idOf(number));
        browser.click(By.id("do-ACCEPT"));
        browser.waitForText("已受理。");
        assertThat(browser.exists(By.id("do-APPROVE"))).isFalse();
        browser.type(By.id("forward-opinion"), "材料齐全，档案出生日期与身份证一致，建议批准");
        browser.screenshots("services-desk-forward");
        browser.click(By.id("do-FORWARD"));
        browser.waitForText("已转报部门审批。");
        assertThat(browser.text(By.id("application-status"))).isEqualTo("部门审批中");
        assertThat(browser.text(By.id("forwarded-to"))).isEqualTo("区人力资源和社会保障局");

        browser.signIn("handler-hrss").open("/");
        browser.click(By.cssSelector("a[href='/services/review']"));
        browser.waitForText(number);
        browser.screenshots("services-department-review");
        browser.click(By.linkText(number));
        browser.waitForText("办理过程");
        assertThat(browser.text(By.id("history"))).contains("转报部门", "材料齐全");
        browser.click(By.id("do-APPROVE"));
        browser.waitForText("已审批通过。");
        assertThat(browser.pageText()).doesNotContain(number);
        browser.open("/services/review?decided=true");
        browser.waitForText(number);
        browser.screenshots("services-department-decided");

        browser.signIn("community").open("/services/desk/applications/" + idOf(number));
        browser.type(By.id("result-number"), "宁人社退字2026第1207号");
        browser.click(By.id("do-COMPLETE"));
        browser.waitForText("已办结。");
        assertThat(jdbc.sql("select approved_level from services_application where number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("DEPARTMENT");
        assertThat(browser.pageText()).doesNotContain("??");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void theWindowFindsTheDemoApplicationsWaitingOnAFreshDemoDatabase() {
        String waiting = jdbc.sql("select number from services_application where request_id = 'demo-services-4'").query(String.class).single();
        String missing = jdbc.sql("select number from services_application where request_id = 'demo-services-2'").query(String.class).single();
        browser.signIn("community").open("/services/desk");
        browser.waitForText(waiting);
        browser.screenshots("services-desk-demo");
        browser.click(By.linkText(waiting));
        browser.waitForText("办理过程");
        assertThat(browser.text(By.id("history"))).contains("提交申请", "窗口办").doesNotContain("WINDOW");
        assertThat(browser.exists(By.id("do-ACCEPT"))).isTrue();
        browser.open("/services/desk?tab=SUPPLEMENT");
        browser.waitForText(missing);
        assertThat(browser.pageText()).doesNotContain("??");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void gridWorkerAppliesForAnElderlyResidentsCarePackageWithConsent() {
        browser.signIn("gridworker").open("/m/today");
        // a grid worker's bar holds 今日, 巡查, 走访, 随手拍 and 更多; 一网通办 is among 更多's tiles
        browser.click(By.id("tab-more"));
        browser.click(By.id("more-services"));
        browser.click(By.id("link-proxy"));
        browser.waitForText("须征得本人同意");
        browser.select(By.id("tag"), "ADVANCED_AGE");
        browser.click(By.id("person-search-submit"));
        browser.waitForText("须征得本人同意");
        if (!browser.exists(By.cssSelector("#people a.package-link"))) {
            browser.open("/m/services/proxy"); // no 高龄 resident in this grid: anyone of the grid
        }
        browser.screenshots("services-proxy-people");
        browser.click(By.cssSelector("#people a.package-link[data-bundle='ELDERLY-CARE']"));
        browser.waitForText("老年人优待服务包");
        browser.type(By.id("consent"), "本人当面口头同意，女儿在场");
        browser.attach(By.id("material-0"), Browser.samplePhoto("elder-id"));
        browser.screenshots("services-proxy-form");
        browser.click(By.id("proxy-submit"));
        browser.waitForText("已代为提交");
        String number = browser.text(By.id("application-number"));
        assertThat(browser.pageText()).contains("本人当面口头同意", "老年人优待证办理", "敬老卡");
        assertThat(browser.text(By.id("history"))).contains("上门办").doesNotContain("DOOR");
        browser.screenshots("services-proxy-applied");
        assertThat(jdbc.sql("select count(*) from services_application where parent_id = :p and channel = 'DOOR'")
                .param("p", idOf(number)).query(Long.class).single()).isEqualTo(4);
        assertThat(browser.cspViolations()).isEmpty();
    }
}
