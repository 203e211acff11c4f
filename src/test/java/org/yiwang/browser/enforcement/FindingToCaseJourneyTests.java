package org.yiwang.browser.enforcement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.Browser;
import org.yiwang.browser.BrowserTests;
import org.yiwang.fieldwork.Patrols;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 转执法 in a real browser: a grid worker on patrol logs a finding with a photo, opens it, takes "转执法" to the case
 * form prefilled from it, opens the case; the finding then links to that case.
 */
class FindingToCaseJourneyTests extends BrowserTests {

    @Autowired Patrols patrols;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void stopPatrols() {
        jdbc.sql("update fieldwork_patrol set ended_at = started_at where ended_at is null").update();
    }

    @Test
    void aGridWorkerOpensAnEnforcementCaseFromAPatrolFinding() {
        var worker = people.actorOf("gridworker").orElseThrow();
        patrols.running(worker).orElseGet(() -> patrols.start(worker));
        Point p = locator.grid(grids.gridsOf(worker.userId()).getFirst().code()).orElseThrow().geometry().getInteriorPoint();

        browser.viewport(Browser.Size.PHONE);
        browser.signIn("gridworker").open("/m/patrol");
        browser.waitForText("民情日志");
        browser.type(By.id("finding-text"), "路口早点摊占道经营，油烟直排，未见健康证");
        browser.script("document.getElementById('finding-lat').value = arguments[0]; document.getElementById('finding-lon').value = arguments[1];",
                p.getY(), p.getX());
        browser.attach(By.id("finding-photos"), Browser.samplePhoto("stall.jpg"));
        browser.click(By.id("finding-submit"));
        browser.waitForPath("/m/patrol");
        String link = browser.findAll(By.cssSelector("#finding-list a")).stream().filter(a -> a.getText().contains("早点摊占道")).findFirst()
                .orElseThrow().getAttribute("id");
        browser.click(By.id(link));
        browser.waitForText("转执法");
        assertThat(browser.findAll(By.cssSelector("#finding-photos img"))).hasSize(1);
        browser.screenshots("finding-page");

        browser.click(By.id("finding-enforce"));
        browser.waitForText("由民情日志转执法立案");
        assertThat(browser.find(By.id("from-finding-title")).getAttribute("value")).contains("早点摊占道");
        assertThat(browser.find(By.id("from-finding-address")).getAttribute("value")).isNotBlank();
        assertThat(browser.findAll(By.cssSelector("#from-finding-photos img"))).hasSize(1);
        browser.click(By.id("from-finding-submit"));
        assertThat(browser.flashError()).contains("scenario");
        browser.screenshots("finding-case-form-refused");

        browser.select(By.id("from-finding-scenario"), "CATERING");
        browser.click(By.id("from-finding-submit"));
        assertThat(browser.flashSuccess()).contains("ZF");
        assertThat(browser.path()).startsWith("/m/enforcement/cases/");
        assertThat(browser.pageText()).contains("早点摊占道");
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshots("finding-case-opened");

        browser.open("/m/patrol");
        browser.click(By.id(link));
        browser.waitForText("查看执法案件");
        assertThat(browser.exists(By.id("finding-enforce"))).isFalse();
    }
}
