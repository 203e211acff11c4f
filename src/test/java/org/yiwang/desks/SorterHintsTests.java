package org.yiwang.desks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SorterHintsTests {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired WorkOrderQueries queries;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** Two reports of the same problem at the same place; returns the pair's id once the sorter found it. */
    long pair(WorkOrder older, WorkOrder newer) {
        await().atMost(WAIT).until(() -> pairOf(older, newer) != null);
        return pairOf(older, newer);
    }

    Long pairOf(WorkOrder older, WorkOrder newer) {
        return jdbc.sql("SELECT id FROM sorter_duplicate WHERE order_id = :newer AND candidate_id = :older")
                .param("newer", newer.id()).param("older", older.id()).query(Long.class).optional().orElse(null);
    }

    @Test
    void theOrderPageHintsAtALikelyDuplicateAndTheDispatcherMergesIt() throws Exception {
        WorkOrder older = demo.reported("贡院街12号门口乱堆杂物，堵住了通道，联系 13912345678");
        WorkOrder newer = demo.reported("贡院街12号门口又堆满杂物，通道被堵住了");
        long pair = pair(older, newer);
        mvc.perform(get("/console/orders/{id}", newer.id()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/desks/orders/" + newer.id() + "/duplicates")));
        mvc.perform(get("/desks/orders/{id}/duplicates", newer.id()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("#" + older.number())))
                .andExpect(content().string(containsString("/desks/duplicates/" + pair + "/merge")))
                .andExpect(content().string(containsString("139****5678")))
                .andExpect(content().string(not(containsString("13912345678"))));
        mvc.perform(get("/desks/orders/{id}/duplicates", older.id()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("#" + newer.number())));
        mvc.perform(get("/desks/orders/{id}/duplicates", newer.id()).with(as("dispatcher-honghua")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/desks/duplicates/{id}/merge", pair).param("orderId", String.valueOf(newer.id())).with(as("dispatcher")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desks/duplicates/{id}/merge", pair).param("orderId", String.valueOf(newer.id()))
                        .with(as("handler")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desks/duplicates/{id}/merge", pair).param("orderId", String.valueOf(newer.id()))
                        .with(as("dispatcher")).with(csrf()))
                .andExpect(redirectedUrl("/console/orders/" + newer.id()))
                .andExpect(flash().attributeExists("flashSuccess"));
        WorkOrder merged = queries.get(newer.id(), demo.actor("dispatcher"));
        assertThat(merged.status()).isEqualTo(WorkOrderStatus.VOIDED);
        assertThat(merged.masterOrderId()).isEqualTo(older.id());
        mvc.perform(post("/desks/duplicates/{id}/keep-apart", pair).param("orderId", String.valueOf(newer.id()))
                        .with(as("dispatcher")).with(csrf()))
                .andExpect(redirectedUrl("/console/orders/" + newer.id()))
                .andExpect(flash().attributeExists("flashError"));
        mvc.perform(get("/desks/orders/{id}/duplicates", older.id()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("#" + newer.number()))));
    }

    @Test
    void aHandlerSeesNoDuplicateHintAndTheHotSpotListIsForTheCommandCentre() throws Exception {
        WorkOrder order = demo.dispatchedToHandler("贡院街路面塌陷（热点）");
        mvc.perform(get("/desks/orders/{id}/duplicates", order.id()).with(as("handler")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("duplicates/"))));
        mvc.perform(get("/desks/hotspots").with(as("dispatcher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("热点诉求")));
        mvc.perform(get("/desks/hotspots").param("tab", "all").param("lang", "en").with(as("leader"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hot spots")));
        mvc.perform(get("/desks/hotspots").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(get("/desks/hotspots").with(as("resident"))).andExpect(status().isForbidden());
    }

    @Test
    void fiveReportsOfOneProblemInOneGridAppearAsAHotSpotWithTheirOrders() throws Exception {
        java.util.List<WorkOrder> reports = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            reports.add(demo.reported("小区门口的污水井盖坏了，第 " + i + " 次反映"));
        }
        WorkOrder last = reports.getLast();
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM sorter_hotspot_order WHERE order_id = :id")
                .param("id", last.id()).query(Long.class).single() > 0);
        mvc.perform(get("/desks/hotspots").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(last.number())))
                .andExpect(content().string(containsString(demo.grid().code())));
        mvc.perform(get("/desks/hotspots").with(as("dispatcher-honghua")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(last.number()))));
    }

    @Test
    void theQueueMarksRowsWithLikelyDuplicatesAndHotSpotsForTheCommandCentreOnly() throws Exception {
        WorkOrder older = demo.reported("夫子庙东市场门口共享单车乱停，堵住人行道");
        WorkOrder newer = demo.reported("夫子庙东市场门口共享单车又乱停，人行道走不通");
        pair(older, newer);
        WorkOrder alone = demo.reported("瞻园路口的路灯白天也亮着");
        String ids = older.id() + "," + newer.id() + "," + alone.id();
        mvc.perform(get("/console/queue").with(as("dispatcher")))
                .andExpect(content().string(containsString("data-marks=\"/desks/queue-marks\"")))
                .andExpect(content().string(containsString("data-order-id=\"" + newer.id() + "\"")));
        mvc.perform(get("/desks/queue-marks").param("ids", ids).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                        "$[?(@.orderId == " + newer.id() + ")].labels[0]").value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("疑似重复（"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                        "$[?(@.orderId == " + alone.id() + ")]").isEmpty());
        mvc.perform(get("/desks/queue-marks").param("ids", ids).with(as("dispatcher-honghua")))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
        mvc.perform(get("/desks/queue-marks").param("ids", ids).with(as("handler")))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
        mvc.perform(get("/desks/queue-marks").param("ids", "1,x").with(as("dispatcher"))).andExpect(status().isBadRequest());
    }
}
