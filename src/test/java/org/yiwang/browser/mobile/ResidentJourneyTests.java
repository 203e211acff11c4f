package org.yiwang.browser.mobile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.web.mobile.FieldOrders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident on a phone: signs in, reports a problem with a photo from the camera and the phone's
 * position, gets the receipt with the tracking number, finds the report under "my reports", and
 * rates a closed one.
 */
class ResidentJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;

    FieldOrders orders;

    @BeforeEach
    void onAPhone() {
        orders = FieldOrders.of(context);
        browser.viewport(Browser.Size.PHONE);
    }

    @Test
    void aResidentReportsWithAPhotoAndTheirLocationAndFollowsTheReport() {
        PhoneLocation.at(browser, FieldOrders.inside(orders.gridWorkersGrid()));
        browser.signIn("resident").viewport(Browser.Size.PHONE).open("/m/report");

        // the phone's position puts the pin in a grid, which the page names
        browser.waitUntil(d -> browser.exists(By.cssSelector("#where .where-found")), "the pin located in a grid");
        assertThat(browser.text(By.cssSelector("#where"))).contains(orders.gridWorkersGrid().grid().name());
        browser.attach(By.id("photos"), Browser.samplePhoto("resident-manhole"));
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#photo-preview img")).size() == 1, "the photo preview");

        browser.click(By.cssSelector("#category-picker summary"));
        browser.type(By.id("category-search"), "井盖");
        browser.waitUntil(d -> browser.exists(By.cssSelector("#category-results .cat-option[data-code^='C']")), "categories found");
        browser.click(By.cssSelector("#category-results .cat-option[data-code^='C']"));
        assertThat(browser.text(By.id("category-name"))).contains("井盖");
        browser.type(By.id("description"), "人行道上井盖缺失，晚上很危险");
        browser.screenshots("mobile-resident-report");

        browser.viewport(Browser.Size.PHONE).click(By.id("submit-report"));
        browser.waitUntil(d -> browser.path().matches("/m/reports/\\d+/receipt"), "the receipt");
        String number = browser.text(By.id("tracking-number"));
        assertThat(number).startsWith("YW");
        browser.screenshots("mobile-resident-receipt");

        browser.viewport(Browser.Size.PHONE).click(By.linkText("查看进度"));
        browser.waitForText("办理过程");
        assertThat(browser.pageText()).contains(number).contains("问题已上报").contains("处置前");
        browser.screenshots("mobile-resident-report-detail");

        browser.viewport(Browser.Size.PHONE).click(By.cssSelector(".m-tabs a[href='/m/reports']"));
        browser.waitForText("我的上报");
        assertThat(browser.text(By.id("my-reports"))).contains(number);
        browser.screenshots("mobile-resident-my-reports");
    }

    @Test
    void aResidentRatesAClosedReport() {
        WorkOrder closed = orders.closed("路灯不亮（已修复）");
        browser.signIn("resident").viewport(Browser.Size.PHONE).open("/m/reports/" + closed.id());
        browser.waitForText("请评价处理结果");
        assertThat(browser.pageText()).contains("处置后").contains("已修复并清理现场");
        browser.screenshots("mobile-resident-rating");

        browser.viewport(Browser.Size.PHONE).click(By.xpath("//label[contains(@class,'choice')][.//span[text()='满意']]"));
        browser.type(By.id("comment"), "修得很快，谢谢");
        browser.click(By.cssSelector("#rating button[type=submit]"));
        assertThat(browser.flashSuccess()).contains("感谢");
        assertThat(queries.get(closed.id(), orders.actor("resident")).status()).isEqualTo(WorkOrderStatus.EVALUATED);
        assertThat(queries.get(closed.id(), orders.actor("resident")).satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    }

    @Test
    void theSorterSuggestsACategoryWhileTheResidentTypes() {
        browser.signIn("resident").viewport(Browser.Size.PHONE).open("/m/report");
        browser.type(By.id("description"), "人行道上的井盖缺失了，晚上走路很危险");
        By suggestion = By.cssSelector("#category-suggestions .cat-option.suggested");
        browser.waitUntil(d -> browser.exists(suggestion), "the sorter's suggestions");
        assertThat(browser.text(By.id("category-suggestions"))).contains("智能推荐").contains("%");
        String name = browser.find(suggestion).getAttribute("data-name");
        browser.screenshots("mobile-resident-suggestions");
        browser.click(suggestion);
        assertThat(browser.text(By.id("category-name"))).isEqualTo(name);
    }

    @Test
    void withoutAPositionTheTypedAddressPlacesThePin() {
        browser.driver().executeCdpCommand("Emulation.setGeolocationOverride", java.util.Map.of()); // position unavailable
        browser.signIn("resident").viewport(Browser.Size.PHONE).open("/m/report");
        String community = orders.gridWorkersGrid().community().name();
        browser.type(By.id("address"), community + " 门口");
        browser.click(By.id("find-address"));
        browser.waitUntil(d -> browser.exists(By.cssSelector("#where .where-found")), "the pin placed from the address");
        assertThat(browser.text(By.id("where"))).contains(community);
    }
}
