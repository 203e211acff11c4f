package org.yiwang.browser.enforcement;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 返宁人员排查 in a real browser: the grid worker registers a resident back from a high-risk area (red, a visit due
 * in 2 hours appears in the worker's list) and one from elsewhere (green, no visit), does the visit; the command
 * centre sees the colours on the campaign's dashboard.
 */
class CampaignJourneyTests extends BrowserTests {

    @Test
    void aCampaignColoursReturningResidentsAndSpawnsVisits() {
        browser.viewport(Browser.Size.PHONE);
        browser.signIn("gridworker").open("/m/campaigns");
        browser.waitForText("返宁人员排查登记");
        browser.click(By.cssSelector("a[data-campaign='EPIDEMIC_RETURN']"));
        browser.waitForText("登记返回人员");
        int before = browser.findAll(By.cssSelector("#m-tasks li")).size();
        register("周建华", "13700002222", "上海市浦东新区", "上海虹桥—南京南（G7002）");
        assertThat(browser.flashSuccess()).contains("红").contains("1 项待办");
        assertThat(browser.findAll(By.cssSelector("#m-tasks li"))).hasSize(before + 1);
        assertThat(browser.pageText()).contains("周**").doesNotContain("13700002222");
        browser.screenshots("campaign-registered-red");

        register("吴晓梅", "13700003333", "安徽省合肥市蜀山区", "合肥南—南京南");
        assertThat(browser.flashSuccess()).contains("绿");
        assertThat(browser.findAll(By.cssSelector("#m-tasks li"))).hasSize(before + 1);

        String task = browser.findAll(By.cssSelector("#m-tasks li")).stream()
                .filter(li -> li.getText().contains("周**")).findFirst().orElseThrow().getAttribute("data-task");
        browser.type(By.id("task-note-" + task), "已上门，体温 36.5℃，已告知居家健康监测");
        browser.click(By.id("task-done-" + task));
        assertThat(browser.flashSuccess()).contains("已完成");
        assertThat(browser.exists(By.cssSelector("#m-tasks li[data-task='" + task + "']"))).isFalse();
        browser.screenshots("campaign-visit-done");

        browser.viewport(Browser.Size.DESKTOP);
        browser.signIn("dispatcher").open("/enforcement/campaigns/EPIDEMIC_RETURN?colour=RED");
        browser.waitForText("登记记录");
        assertThat(browser.text(By.id("campaign-records"))).contains("周**").doesNotContain("吴**");
        assertThat(Long.parseLong(browser.text(By.id("figure-red")))).isPositive();
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("campaign-dashboard");
    }

    /**
     * The campaign's visit is the grid worker's day: registered red on the campaign page, it appears on 今日, is done
     * there, and the command centre sees the record's work done with the worker's note.
     */
    @Test
    void aRedReturnIsVisitedFromTheGridWorkersDayAndTheCampaignShowsItDone() {
        browser.viewport(Browser.Size.PHONE);
        browser.signIn("gridworker").open("/m/campaigns/EPIDEMIC_RETURN");
        browser.waitForText("登记返回人员");
        register("陶文静", "13700005555", "广东省广州市荔湾区", "广州南—南京南");
        assertThat(browser.flashSuccess()).contains("红");

        browser.open("/m/today");
        browser.waitForText("派发的走访和检查");
        var line = browser.findAll(By.cssSelector("#today-tasks li")).stream().filter(li -> li.getText().contains("陶**")).findFirst()
                .orElseThrow();
        assertThat(line.getText()).contains("走访").contains("返宁人员排查登记").doesNotContain("陶文静");
        String task = line.getAttribute("data-task");
        browser.screenshots("campaign-visit-on-today");
        browser.click(By.id("task-" + task));
        browser.waitForText("现场情况");
        browser.click(By.id("task-submit"));
        assertThat(browser.flashError()).contains("note");
        browser.type(By.id("task-note"), "已上门，体温 36.6℃，已告知 14 天居家健康监测");
        browser.click(By.id("task-submit"));
        assertThat(browser.flashSuccess()).contains("已完成");
        assertThat(browser.exists(By.cssSelector("#today-tasks li[data-task='" + task + "']"))).isFalse();
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("campaign-visit-done-on-today");

        browser.viewport(Browser.Size.DESKTOP);
        browser.signIn("dispatcher");
        browser.waitUntil(d -> {
            browser.open("/enforcement/campaigns/EPIDEMIC_RETURN?colour=RED");
            return browser.findAll(By.cssSelector("#campaign-done-tasks tr")).stream().anyMatch(tr -> tr.getText().contains("陶**")
                    && tr.getText().contains("36.6"));
        }, "the visit done on the campaign page");
        String row = browser.findAll(By.cssSelector("#campaign-records tr")).stream().filter(tr -> tr.getText().contains("陶**"))
                .findFirst().orElseThrow().getText();
        assertThat(row).contains("已完成 1");
        browser.screenshots("campaign-record-done");
    }

    private void register(String name, String phone, String origin, String route) {
        browser.type(By.id("register-subject"), name);
        browser.type(By.id("register-phone"), phone);
        browser.type(By.id("register-address"), "平江府路 12 号 3 幢");
        browser.type(By.id("register-origin"), origin);
        browser.type(By.id("register-route"), route);
        browser.script("document.getElementById('register-arrived').value = arguments[0]",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
        browser.click(By.id("register-submit"));
    }
}
