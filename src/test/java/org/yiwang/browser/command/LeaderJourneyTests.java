package org.yiwang.browser.command;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader (领导): from the 工作台's 已超期 card to the overdue list, where an order late at its department is
 * supervised (督办) with a note; then the dashboard and the map.
 */
class LeaderJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;
    @Autowired JdbcClient jdbc;

    @Test
    void theLeaderSupervisesAnOverdueOrderFromTheWorkbench() {
        DemoOrders demo = DemoOrders.of(context);
        WorkOrder order = demo.dispatchedToHandler("贡院街东口井盖缺失，已超期未签收（督办）");
        // the department let its time run out: the stage was due two hours ago
        Timestamp due = Timestamp.from(Instant.now().minus(Duration.ofHours(2)));
        jdbc.sql("update workorder_order set stage_due_at = :due where id = :id").param("due", due).param("id", order.id()).update();
        // and in the time-limit module's clock, once its follower has taken the dispatch
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc
                .sql("update sla_clock set due_at = :due, warn_at = :due where order_id = :id and status = 'DISPATCHED'")
                .param("due", due).param("id", order.id()).update() == 1);

        browser.signIn("leader");
        assertThat(browser.text(By.id("workbench"))).contains("已超期");
        browser.click(By.cssSelector("#workbench a[href='/console/overdue']")).waitForPath("/console/overdue");
        browser.waitForText(order.number());
        browser.type(By.id("supervise-note-" + order.id()), "请城管局今日内签收处置");
        browser.click(By.xpath("//form[contains(@action,'/console/orders/" + order.id() + "/supervise')]//button[@type='submit']"));
        assertThat(browser.flashSuccess()).contains("督办");
        assertThat(queries.get(order.id(), demo.actor("leader")).supervisionCount()).isEqualTo(1);
        browser.screenshots("leader-supervised");

        browser.open("/dashboard");
        browser.waitForText("按期结案率");
        browser.open("/command/map");
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return !!window.yiwangMap && window.yiwangMap.gridCount() > 10")),
                "the leader's map drawn");
        assertThat(browser.cspViolations()).isEmpty();
    }
}
