package org.yiwang.browser.cogov;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.BrowserTests;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident proposes a topic to the demo 零距离家园理事会 on the phone, the community's staff open the discussion and
 * the vote, the members vote on their phones, the vote adopts it and its resolution becomes a work order.
 */
class CouncilJourneyTests extends BrowserTests {

    @Autowired JdbcClient jdbc;

    @Test
    void aResidentsTopicBecomesAResolutionAndTheResolutionAnOrder() {
        long council = jdbc.sql("select id from cogov_council where name = '零距离家园理事会'").query(Long.class).single();

        browser.signIn("resident").open("/m/council");
        browser.waitForText("议事会");
        browser.select(By.id("m-council"), String.valueOf(council));
        browser.type(By.id("m-topic-title"), "小区南门加装夜间照明");
        browser.type(By.id("m-topic-body"), "南门外小路晚上很黑，老人孩子出行不安全，建议加装两盏路灯。");
        browser.screenshots("cogov-council-phone-propose");
        browser.click(By.id("m-propose"));
        assertThat(browser.flashSuccess()).contains("已提出议题");
        String topicPath = browser.path();
        long topic = Long.parseLong(topicPath.substring(topicPath.lastIndexOf('/') + 1));

        browser.signIn("community").open("/cogov/topics/" + topic);
        browser.waitForText("小区南门加装夜间照明");
        browser.click(By.id("open-discussion"));
        assertThat(browser.text(By.id("topic-status"))).isEqualTo("议事中");
        browser.type(By.id("comment-text"), "可申请社区微实事资金，建议路灯由街道城管科安装");
        browser.click(By.cssSelector("#comment-form button"));
        browser.click(By.id("open-vote"));
        assertThat(browser.text(By.id("topic-status"))).isEqualTo("表决中");
        browser.click(By.cssSelector("#vote-form input[value=FOR]"));
        browser.click(By.cssSelector("#vote-form button"));
        assertThat(browser.flashSuccess()).contains("已投票");

        browser.signIn("resident").open("/m/council/topics/" + topic);
        assertThat(browser.text(By.id("m-topic-status"))).isEqualTo("表决中");
        browser.click(By.id("m-vote-FOR"));
        browser.screenshots("cogov-council-phone-vote");
        browser.click(By.id("m-vote"));
        assertThat(browser.text(By.id("m-my-vote"))).contains("赞成");

        browser.signIn("gridworker").open("/m/council/topics/" + topic);
        browser.click(By.id("m-vote-AGAINST"));
        browser.click(By.id("m-vote"));
        assertThat(browser.text(By.id("m-my-vote"))).contains("反对");

        browser.signIn("community").open("/cogov/topics/" + topic);
        browser.click(By.id("close-vote"));
        assertThat(browser.text(By.id("topic-status"))).isEqualTo("已通过");
        assertThat(browser.text(By.id("topic-votes"))).contains("赞成 2").contains("反对 1");
        browser.type(By.id("resolution-text"), "南门外小路加装两盏路灯");
        browser.type(By.id("resolution-owner"), "社区居委会");
        browser.script("document.getElementById('resolution-due').value = arguments[0]",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14).toString());
        browser.click(By.cssSelector("#resolve-form button"));
        assertThat(browser.flashSuccess()).contains("已形成决议事项");
        browser.type(By.cssSelector(".to-order-form input[name=address]"), "小区南门");
        browser.click(By.cssSelector(".to-order-form button"));
        assertThat(browser.flashSuccess()).contains("已转为工单");
        String number = browser.text(By.cssSelector("a.resolution-order"));
        assertThat(number).startsWith("YW");
        browser.find(By.cssSelector("#minutes-form textarea")).sendKeys("到会理事 3 人，赞成 2 票、反对 1 票，议题通过。");
        browser.click(By.cssSelector("#minutes-form button"));
        assertThat(browser.text(By.id("topic-minutes"))).contains("议题通过");
        browser.screenshots("cogov-council-resolution-order");
        assertThat(jdbc.sql("select description from workorder_order where number = :n").param("n", number).query(String.class).single())
                .contains("南门外小路加装两盏路灯");
        assertThat(browser.cspViolations()).isEmpty();
    }
}
