package org.yiwang.browser.hotline;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.browser.BrowserTests;
import org.yiwang.browser.DemoOrders;
import org.yiwang.hotline.Article;
import org.yiwang.hotline.Calls;
import org.yiwang.hotline.Knowledge;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrderQueries;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 12345 desk in a real browser: an agent takes a call, the same caller phones again about the same matter and
 * the call is linked to the open order (重复来电) instead of a new one; an agent answers a caller from the knowledge
 * base (直接答复) without an order.
 */
class HotlineJourneyTests extends BrowserTests {

    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries orders;
    @Autowired Calls calls;
    @Autowired Knowledge knowledge;
    @Autowired JdbcClient jdbc;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    long orderCount() {
        return jdbc.sql("select count(*) from workorder_order").query(Long.class).single();
    }

    @Test
    void anAgentTakesARepeatCallThatLinksToTheOpenOrder() {
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        Point inside = demo.grid().geometry().getInteriorPoint();

        // the first call becomes an order
        browser.signIn("dispatcher").open("/desks/phone");
        browser.waitForText("电话受理");
        browser.type(By.id("caller"), "唐僧");
        browser.type(By.id("phone"), phone);
        browser.type(By.id("content"), "瞻园路小区门口的污水井盖翘起来了，很危险");
        browser.click(By.cssSelector("details summary"));
        browser.type(By.id("lat"), String.valueOf(inside.getY()));
        browser.type(By.id("lon"), String.valueOf(inside.getX()));
        browser.click(By.id("phone-submit"));
        browser.waitForPath("/console/orders/");
        long id = Long.parseLong(browser.path().replaceAll("^/console/orders/(\\d+).*$", "$1"));
        String number = orders.get(id, demo.actor("dispatcher")).number();

        // the same caller phones again: the agent looks the number up and links the call
        browser.open("/desks/phone");
        browser.waitForText("电话受理");
        browser.type(By.id("phone"), phone);
        browser.type(By.id("content"), "井盖还没修，再次催促");
        browser.click(By.id("caller-lookup"));
        browser.waitForText("来电记录 " + masked);
        assertThat(browser.text(By.id("caller-history"))).contains(number).contains("新建工单").doesNotContain(phone);
        browser.screenshots("hotline-caller-history");
        long before = orderCount();
        browser.click(By.cssSelector("#caller-history button.repeat-link[value='" + id + "']"));
        browser.waitForPath("/console/orders/" + id);
        assertThat(browser.flashSuccess()).contains("重复来电").contains(number);
        assertThat(browser.pageText()).contains("重复来电").contains("第 1 次重复来电");
        browser.screenshots("hotline-repeat-linked");
        assertThat(orderCount()).isEqualTo(before);
        assertThat(calls.repeatCalls(id)).isEqualTo(1);
        assertThat(orders.detail(id, demo.actor("dispatcher")).history()).anyMatch(t -> t.action() == Action.REPEAT_CALL);
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void anAgentAnswersACallerFromTheKnowledgeBase() {
        Article parking = knowledge.search("停车费", demo.actor("dispatcher")).getFirst();
        long answeredBefore = parking.answeredCount();
        long before = orderCount();

        browser.signIn("dispatcher").open("/desks/phone");
        browser.waitForText("电话受理");
        browser.type(By.id("phone"), "13512340000");
        browser.type(By.id("kb"), "小区停车怎么收费");
        browser.click(By.id("kb-search"));
        browser.waitForText(parking.question());
        browser.screenshots("hotline-knowledge-search");
        browser.click(By.cssSelector("button.kb-answer[value='" + parking.id() + "']"));
        browser.waitForText("已直接答复");
        assertThat(browser.flashSuccess()).contains("直接答复").contains(parking.question()).contains("135****0000");
        assertThat(orderCount()).isEqualTo(before);
        assertThat(knowledge.get(parking.id(), demo.actor("dispatcher")).answeredCount()).isEqualTo(answeredBefore + 1);

        browser.open("/hotline/knowledge");
        browser.waitForText(parking.question());
        browser.screenshots("hotline-knowledge-list");
        assertThat(browser.cspViolations()).isEmpty();
    }

    @Test
    void anAdministratorWritesAnArticleThatAgentsThenFind() {
        browser.signIn("admin").open("/hotline/knowledge");
        browser.waitForText("知识库");
        browser.click(By.id("article-new"));
        browser.waitForPath("/hotline/knowledge/new");
        browser.type(By.id("question"), "老年证怎么办理？");
        browser.type(By.id("answer"), "年满 60 周岁的本市户籍老人，携带身份证和一寸照片到社区服务中心办理，当场发证。");
        browser.type(By.id("category"), "社会保障");
        browser.type(By.id("tags"), "老年证，敬老");
        browser.type(By.id("owner"), "区民政局");
        browser.screenshots("hotline-article-form");
        browser.click(By.id("article-save"));
        assertThat(browser.flashSuccess()).contains("已保存");
        assertThat(knowledge.search("老年证", demo.actor("dispatcher"))).extracting(Article::question).contains("老年证怎么办理？");
        assertThat(browser.cspViolations()).isEmpty();
    }
}
