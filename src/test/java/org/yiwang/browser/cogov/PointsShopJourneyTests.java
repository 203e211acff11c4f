package org.yiwang.browser.cogov;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 积分兑换 in a real browser: the community's staff put an item in the shop, the demo resident (a volunteer with
 * points) redeems it on the phone, the staff hand it over, and the resident sees it collected.
 */
class PointsShopJourneyTests extends BrowserTests {

    @Test
    void aVolunteerRedeemsPointsForAnItemTheStaffHandOver() {
        browser.viewport(Browser.Size.DESKTOP);
        browser.signIn("community").open("/cogov/shop");
        browser.waitForText("积分兑换");
        browser.click(By.id("s-submit"));
        assertThat(browser.flashError()).contains("name");
        browser.type(By.id("s-name"), "雨伞（1 把）");
        browser.type(By.id("s-price"), "5");
        browser.type(By.id("s-stock"), "2");
        browser.click(By.id("s-submit"));
        assertThat(browser.flashSuccess()).contains("已上架");
        String item = browser.findAll(By.cssSelector("#shop-items tr[data-item]")).stream().filter(tr -> tr.getText().contains("雨伞"))
                .findFirst().orElseThrow().getAttribute("data-item");
        browser.screenshots("shop-items");

        browser.viewport(Browser.Size.PHONE);
        browser.signIn("resident").open("/m/volunteer");
        browser.waitForText("雨伞");
        int before = Integer.parseInt(browser.text(By.id("my-points")));
        browser.click(By.id("redeem-" + item));
        assertThat(browser.flashSuccess()).contains("雨伞").contains("5");
        assertThat(Integer.parseInt(browser.text(By.id("my-points")))).isEqualTo(before - 5);
        assertThat(browser.text(By.id("my-redemptions"))).contains("雨伞").contains("待领取");
        assertThat(browser.text(By.cssSelector("#m-shop li[data-item='" + item + "']"))).contains("剩 1");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("shop-redeemed-phone");

        browser.viewport(Browser.Size.DESKTOP);
        browser.signIn("community").open("/cogov/shop");
        String row = browser.findAll(By.cssSelector("#shop-redemptions tr[data-redemption]")).stream()
                .filter(tr -> tr.getText().contains("雨伞")).findFirst().orElseThrow().getAttribute("data-redemption");
        assertThat(browser.text(By.id("shop-redemptions"))).doesNotContain("退出");
        browser.click(By.id("handover-" + row));
        assertThat(browser.flashSuccess()).contains("已标记领取");
        assertThat(browser.exists(By.id("handover-" + row))).isFalse();
        browser.screenshots("shop-handed-over");

        // the last umbrella is kept for the office: 下架 — volunteers no longer see it
        browser.click(By.id("sale-" + item));
        assertThat(browser.flashSuccess()).contains("已下架");
        assertThat(browser.text(By.cssSelector("#shop-items tr[data-item='" + item + "']"))).contains("已下架").contains("重新上架");
        browser.screenshots("shop-off-sale");

        browser.viewport(Browser.Size.PHONE);
        browser.signIn("resident").open("/m/volunteer");
        assertThat(browser.text(By.cssSelector("#my-redemptions li[data-redemption='" + row + "']"))).contains("已领取");
        assertThat(browser.exists(By.cssSelector("#m-shop li[data-item='" + item + "']"))).isFalse();
    }
}
