package org.yiwang.browser.staff;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.geo.GridExports;
import org.yiwang.geo.Grids;
import org.yiwang.people.People;
import org.yiwang.platform.DataScope;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's screens: a duty list with bad lines is rejected with a line-numbered report; every screen renders. */
class AdminScreensBrowserTests extends BrowserTests {

    @Autowired GridExports exports;
    @Autowired Grids grids;
    @Autowired People people;

    @Test
    void aDutyListWithBadLinesIsRejectedWithALineNumberedReport() {
        Path csv = Browser.textFile("duty-list-with-errors.csv",
                "category_code,level,department_type,assisting_department_types,rule_id,note\n"
                        + "M09006,GRID,OFFICE,,,\n"
                        + "X99999,STREET,OFFICE,,,\n"
                        + "M09006,NOWHERE,OFFICE,,,\n");
        browser.signIn("admin").open("/admin/duty-list");
        browser.waitForText("职责清单");
        browser.screenshots("admin-duty-list");
        browser.attach(By.id("duty-file"), csv);
        browser.type(By.id("duty-note"), "含错误的测试文件");
        browser.click(By.xpath("//form[contains(@action,'/admin/duty-list/import')]//button[@type='submit']"));
        browser.waitForText("导入报告");
        String report = browser.text(By.id("duty-problems"));
        assertThat(report).contains("第 3 行：未知的类别编码“X99999”").contains("第 4 行：未知的层级“NOWHERE”");
        assertThat(browser.flashError()).contains("职责清单须整体导入");
        browser.screenshots("admin-duty-list-import-report");
    }

    @Test
    void aGridFileIsCheckedWithAMapPreviewBeforeItIsImported() {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        String community = grids.gridsOf(gridWorker).getFirst().communityCode();
        Path file = Browser.textFile("community.geojson",
                new String(exports.geoJson(DataScope.everything(), community), StandardCharsets.UTF_8));
        browser.signIn("admin").open("/admin/grids?street=320104002");
        browser.waitForText("网格管理");
        browser.screenshots("admin-grids");
        browser.attach(By.id("grid-file"), file);
        browser.click(By.xpath("//form[contains(@action,'/admin/grids/import/check')]//button[@type='submit']"));
        browser.waitForText("校验通过");
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#grid-map .leaflet-interactive, #grid-map canvas")).size() > 0,
                "the grids drawn on the preview map");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("admin-grids-dry-run");
        browser.click(By.xpath("//button[normalize-space()='确认导入']"));
        assertThat(browser.flashSuccess()).contains("已导入");
    }

    @Test
    void everyAdministrationScreenRenders() {
        browser.signIn("admin");
        for (String[] screen : new String[][]{
                {"/admin/users", "用户与角色", "admin-users"},
                {"/admin/users/new", "新建用户", "admin-user-new"},
                {"/admin/org-units", "部门管理", "admin-org-units"},
                {"/admin/categories?q=井盖", "案件类别", "admin-categories"},
                {"/admin/duty-list/1", "第 1 版", "admin-duty-list-version"},
                {"/admin/time-limits", "时限标准", "admin-time-limits"},
                {"/admin/calendar?year=2026", "工作日历", "admin-calendar"},
                {"/admin/open311-keys", "Open311 接口密钥", "admin-open311-keys"},
                {"/admin/webhooks", "网络推送", "admin-webhooks"},
                {"/admin/webhooks/deliveries?status=DEAD", "推送死信", "admin-webhook-dead-letters"}}) {
            browser.open(screen[0]);
            browser.waitForText(screen[1]);
            assertThat(browser.pageText()).doesNotContain("??");
            browser.screenshots(screen[2]);
        }
        browser.open("/admin/users?q=dispatcher");
        browser.click(By.linkText("dispatcher"));
        browser.waitForText("编辑用户 dispatcher");
        browser.screenshots("admin-user-edit");
    }
}
