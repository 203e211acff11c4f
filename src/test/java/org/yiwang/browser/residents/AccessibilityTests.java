package org.yiwang.browser.residents;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.mobile.PhoneLocation;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.1 AA of the resident pages, checked by axe-core (vendored as a test resource, MPL-2.0) in the real browser:
 * the report form (also in 适老化 mode), my reports, my follows, a followed report, and the public report, map and
 * open-data pages without signing in.
 */
class AccessibilityTests extends BrowserTests {

    static final String TAGS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    FieldOrders orders;
    String axe;

    @BeforeAll
    void loadAxe() throws IOException {
        try (InputStream in = AccessibilityTests.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe-core in src/test/resources/axe").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void onAPhone() {
        orders = FieldOrders.of(context);
        browser.viewport(Browser.Size.PHONE);
    }

    /** The WCAG 2.1 A/AA violations axe finds on the page as it is now: rule, impact and the first elements. */
    List<String> violations() {
        browser.script(axe);
        Object found = browser.driver().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
                  .then(function (r) { done(r.violations.map(function (v) {
                     return v.id + ' (' + v.impact + '): ' + v.help + ' → ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ');
                  })); })
                  .catch(function (e) { done(['axe failed: ' + e]); });""".formatted(TAGS));
        List<String> list = new ArrayList<>();
        ((List<?>) found).forEach(v -> list.add(String.valueOf(v)));
        return list;
    }

    void check(String what) {
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        assertThat(violations()).as("WCAG 2.1 AA on " + what + " (" + browser.path() + ")").isEmpty();
    }

    @Test
    void theResidentPagesMeetWcag21AA() {
        WorkOrder order = orders.reportIn(orders.gridWorkersGrid(), "人行道护栏损坏", orders.handlerCategory(), "gridworker", List.of());
        PhoneLocation.at(browser, FieldOrders.inside(orders.gridWorkersGrid()));
        browser.signIn("resident").viewport(Browser.Size.PHONE).open("/m/report");
        browser.waitUntil(d -> browser.exists(By.cssSelector("#where .where-found")), "the pin located");
        browser.waitUntil(d -> browser.exists(By.cssSelector("#nearby .nearby-item")), "reports nearby");
        check("the report form");

        browser.click(By.id("elder-mode"));
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return document.documentElement.classList.contains('elder');")), "large type");
        check("the report form in 适老化 mode");
        browser.screenshots("residents-elder-mode");
        browser.open("/m/reports");
        assertThat(browser.script("return document.documentElement.classList.contains('elder');")).as("remembered").isEqualTo(true);
        check("my reports in 适老化 mode");
        browser.click(By.id("elder-mode"));

        browser.open("/m/reports");
        check("my reports");
        browser.open("/m/follows/orders/" + order.id());
        check("a report to follow");
        browser.open("/m/follows");
        check("my follows");
        browser.open("/public/reports/" + order.number());
        check("the public report");
        browser.open("/public/map");
        browser.waitUntil(d -> browser.exists(By.cssSelector("#public-list li")), "the problems listed");
        check("the public map");
        browser.screenshots("residents-public-map");
        browser.open("/public/open-data");
        check("the open-data page");
    }
}
