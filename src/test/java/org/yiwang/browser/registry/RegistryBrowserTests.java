package org.yiwang.browser.registry;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yiwang.browser.BrowserTests;

import static org.assertj.core.api.Assertions.assertThat;

/** 基础信息 in a real browser: the community's demo register, masked, and 显示 with a reason. */
class RegistryBrowserTests extends BrowserTests {

    @Test
    void communityStaffFindAnElderlyResidentAndShowTheirNumbersWithAReason() {
        browser.signIn("community").open("/registry?tag=ADVANCED_AGE");
        browser.waitForText("基础信息台账");
        assertThat(browser.pageText()).contains("高龄老人").contains("****").doesNotContain("??");
        browser.screenshots("registry-people");
        browser.click(By.cssSelector("table.data tbody tr a"));
        browser.waitForText("变更记录");
        String masked = browser.text(By.id("numbers"));
        assertThat(masked).contains("********");
        browser.type(By.name("reason"), "高龄老人电话回访");
        browser.click(By.xpath("//form[contains(@action,'/reveal')]//button[@type='submit']"));
        browser.waitForText("本次查看已记录");
        assertThat(browser.text(By.id("numbers"))).doesNotContain("********").containsPattern("\\d{17}[\\dX]");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("registry-person-shown");
        for (String[] screen : new String[][]{{"/registry/buildings", "登记楼栋"}, {"/registry/businesses", "登记法人商户"},
                {"/registry/import", "只导入正确的行"}, {"/registry/people/new", "登记人员"}}) {
            browser.open(screen[0]);
            browser.waitForText(screen[1]);
            assertThat(browser.pageText()).doesNotContain("??");
        }
        browser.screenshots("registry-person-new");
    }
}
