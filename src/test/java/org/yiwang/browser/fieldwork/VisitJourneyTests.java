package org.yiwang.browser.fieldwork;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.geo.Grids;
import org.yiwang.people.People;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 入户走访 in a real browser: the grid worker's day page, a household visit whose need becomes an order, coverage moving. */
class VisitJourneyTests extends BrowserTests {

    @Autowired Grids grids;
    @Autowired People people;
    @Autowired JdbcClient jdbc;

    @Test
    void gridWorkerVisitsAHouseholdReportsItsNeedAsAnOrderAndSeesCoverageGrow() {
        String grid = grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code();
        By figure = By.cssSelector("tr[data-grid='" + grid + "'] .coverage-figure");
        browser.signIn("gridworker").open("/m/today");
        browser.waitForText("派给我的工单");
        assertThat(browser.pageText()).contains("待走访住户", "逾期关爱走访").doesNotContain("??");
        browser.screenshots("fieldwork-today");
        browser.click(By.id("tab-visits"));
        browser.waitForText("本轮覆盖");
        String before = browser.text(figure);
        browser.screenshots("fieldwork-visits");
        String household = browser.find(By.cssSelector("#households-due li[data-household]")).getAttribute("data-household");
        browser.click(By.cssSelector("#households-due li[data-household='" + household + "'] a.household-link"));
        browser.waitForText("是否有人在家");
        browser.type(By.id("visit-needs"), "楼道声控灯损坏，老人夜间出行不便");
        browser.click(By.xpath("//input[@name='needKinds' and @value='SAFETY_HAZARD']"));
        browser.click(By.xpath("//input[@name='services' and @value='POLICY_EXPLAINED']"));
        browser.attach(By.id("finding-photos"), Browser.samplePhoto("visit-door"));
        browser.click(By.id("visit-follow-up"));
        browser.screenshots("fieldwork-visit-form");
        browser.click(By.id("visit-submit"));
        browser.waitForText("诉求已转为工单");
        String number = jdbc.sql("select order_number from fieldwork_visit where household_id = :h")
                .param("h", Long.parseLong(household)).query(String.class).single();
        assertThat(browser.flashSuccess()).contains(number);
        String after = browser.text(figure);
        assertThat(covered(after)).isEqualTo(covered(before) + 1);
        assertThat(after.split("/")[1]).isEqualTo(before.split("/")[1]);
        assertThat(browser.exists(By.cssSelector("#households-due li[data-household='" + household + "']"))).isFalse();
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("fieldwork-visits-after");
    }

    @Test
    void atTheDoorTheGridWorkerStartsAnApplicationOnBehalfOfAHouseholdMember() {
        browser.signIn("gridworker").open("/m/visits");
        browser.waitForText("本轮覆盖");
        // a household of the worker's list that has people in the register
        List<Long> due = browser.driver().findElements(By.cssSelector("#households-due li[data-household]")).stream()
                .map(li -> Long.parseLong(li.getAttribute("data-household"))).toList();
        String household = jdbc.sql("SELECT min(household_id) FROM registry_person WHERE household_id = ANY (:ids)")
                .param("ids", due.toArray(new Long[0])).query(String.class).single();
        browser.click(By.cssSelector("#households-due li[data-household='" + household + "'] a.household-link"));
        browser.waitForText("帮办代办");
        String person = browser.find(By.cssSelector("#visit-proxy a")).getAttribute("id").substring("proxy-".length());
        browser.screenshots("fieldwork-visit-proxy");
        browser.click(By.id("proxy-" + person));
        browser.waitForPath("/m/services/proxy/" + person);
        browser.waitForText("本人同意代办的方式");
        assertThat(browser.cspViolations()).isEmpty();
    }

    private static int covered(String figure) {
        return Integer.parseInt(figure.split("/")[0].strip());
    }
}
