package org.yiwang.desks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;
import org.yiwang.intake.PendingReports;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class PhoneIntakeDeskTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired WorkOrderQueries queries;
    @Autowired PendingReports pending;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    static long idAtEnd(MvcResult result) {
        String url = result.getResponse().getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void aCallWithoutAKnownPlaceWaitsToBeLocatedAndAClickOnTheMapRoutesIt() throws Exception {
        MvcResult taken = mvc.perform(post("/desks/phone").with(as("dispatcher")).with(csrf())
                        .param("source", "phone").param("caller", "张三丰").param("phone", "13812345678")
                        .param("content", "小区门口下水道堵了，污水漫到路上（待定位）").param("address", "不知名小巷深处")
                        .param("urgency", "NORMAL"))
                .andExpect(redirectedUrlPattern("/desks/pending/*"))
                .andReturn();
        long record = idAtEnd(taken);
        mvc.perform(get("/desks/pending").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/desks/pending/" + record)))
                .andExpect(content().string(containsString("138****5678")))
                .andExpect(content().string(not(containsString("13812345678"))));
        mvc.perform(get("/desks/pending/{id}", record).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("place-map")))
                .andExpect(content().string(containsString("TEL")))
                .andExpect(content().string(not(containsString("13812345678"))))
                .andExpect(content().string(not(containsString("张三丰"))));
        mvc.perform(post("/desks/pending/{id}/locate", record).with(as("dispatcher")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请在地图上点选位置")));
        Point inside = demo.grid().geometry().getInteriorPoint();
        MvcResult located = mvc.perform(post("/desks/pending/{id}/locate", record).with(as("dispatcher")).with(csrf())
                        .param("lat", String.valueOf(inside.getY())).param("lon", String.valueOf(inside.getX())))
                .andExpect(redirectedUrlPattern("/console/orders/*"))
                .andReturn();
        WorkOrder order = queries.get(idAtEnd(located), demo.actor("dispatcher"));
        assertThat(order.source()).isEqualTo(Source.HOTLINE_12345);
        assertThat(order.gridCode()).isEqualTo(demo.grid().code());
        assertThat(order.reporterPhone()).isEqualTo("13812345678");
        assertThat(pending.status(record)).get().extracting(s -> s.orderId()).isEqualTo(order.id());
    }

    @Test
    void aHotlineCallWithAPointBecomesAnOrderAtOnce() throws Exception {
        Point inside = demo.grid().geometry().getInteriorPoint();
        String number = "GD" + System.nanoTime();
        MvcResult taken = mvc.perform(post("/desks/phone").with(as("dispatcher")).with(csrf())
                        .param("source", "12345").param("externalNo", number).param("caller", "李四").param("phone", "13812340000")
                        .param("content", "路边井盖破损，有安全隐患").param("lat", String.valueOf(inside.getY()))
                        .param("lon", String.valueOf(inside.getX())))
                .andExpect(redirectedUrlPattern("/console/orders/*"))
                .andReturn();
        WorkOrder order = queries.get(idAtEnd(taken), demo.actor("dispatcher"));
        assertThat(order.source()).isEqualTo(Source.HOTLINE_12345);
        mvc.perform(post("/desks/phone").with(as("dispatcher")).with(csrf())
                        .param("source", "12345").param("externalNo", number).param("content", "又打来一次")
                        .param("lat", String.valueOf(inside.getY())).param("lon", String.valueOf(inside.getX())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString(order.number())));
    }

    @Test
    void aCallWithoutWordsOrWithABadNumberShowsTheFormAgainNamingTheFields() throws Exception {
        mvc.perform(post("/desks/phone").with(as("dispatcher")).with(csrf())
                        .param("source", "12345").param("phone", "电话不详").param("address", "贡院街"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不是电话号码")))
                .andExpect(content().string(containsString("必填项为空")))
                .andExpect(content().string(containsString("贡院街")));
        mvc.perform(post("/desks/phone").param("lang", "en").with(as("dispatcher")).with(csrf()).param("source", "phone"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Take the call")));
    }

    @Test
    void onlyTheCommandCentreTakesCallsAndLocatesReports() throws Exception {
        mvc.perform(get("/desks/phone").with(as("dispatcher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/desks/phone").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(get("/desks/pending").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(get("/desks/phone").with(as("resident"))).andExpect(status().isForbidden());
        mvc.perform(post("/desks/phone").with(as("handler")).with(csrf()).param("source", "phone").param("content", "x")
                .param("address", "贡院街")).andExpect(status().isForbidden());
        mvc.perform(post("/desks/phone").with(as("dispatcher")).param("source", "phone").param("content", "没有令牌")
                .param("address", "贡院街")).andExpect(status().isForbidden());
    }
}
