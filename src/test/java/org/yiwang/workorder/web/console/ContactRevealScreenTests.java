package org.yiwang.workorder.web.console;

import org.yiwang.workorder.WorkOrderSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;
import org.yiwang.workorder.WorkOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 查看联系方式 on the console's order page, and the administrator's record of it. */
@WorkOrderSpringTest
class ContactRevealScreenTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void aDispatcherSeesTheReportMaskedAndShowsItWithAReasonThatTheAdministratorCanRead() throws Exception {
        WorkOrder order = DemoOrders.of(context).reported("楼道堆物，联系人 138-1234-5672，身份证 320104198001011234");
        mvc.perform(get("/console/orders/" + order.id()).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("1234-5672"))))
                .andExpect(content().string(not(containsString("19800101"))))
                .andExpect(content().string(containsString("显示联系方式")));
        mvc.perform(post("/console/orders/" + order.id() + "/contact").param("reason", " ").with(as("dispatcher")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写查看个人信息的原因")));
        mvc.perform(post("/console/orders/" + order.id() + "/contact").param("reason", "回访核实堆物位置").with(as("dispatcher")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("138-1234-5672")))
                .andExpect(content().string(containsString("本次查看已记录")));
        mvc.perform(post("/console/orders/" + order.id() + "/contact").param("reason", "看看").with(as("dispatcher-honghua")).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(get("/admin/personal-data-access").param("username", "dispatcher").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.number())))
                .andExpect(content().string(containsString("回访核实堆物位置")));
        mvc.perform(get("/admin/personal-data-access").with(as("dispatcher"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from platform_personal_data_access where subject_id = :n").param("n", order.number())
                .query(Long.class).single()).isEqualTo(1L);
    }
}
