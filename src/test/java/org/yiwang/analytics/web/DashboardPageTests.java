package org.yiwang.analytics.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.workorder.web.mobile.FieldOrders;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard page: figures with a table beside each chart, for leaders and the command centre only. */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardPageTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theLeaderSeesTheFiguresOfTheDistrictWithATableBesideEachChart() throws Exception {
        FieldOrders.of(context).rated("看板：井盖已修复", org.yiwang.workorder.Satisfaction.SATISFIED);
        mvc.perform(get("/dashboard").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("按期结案率")))
                .andExpect(content().string(containsString("满意率")))
                .andExpect(content().string(containsString("id=\"table-trend\"")))
                .andExpect(content().string(containsString("id=\"table-streets\"")))
                .andExpect(content().string(containsString("id=\"table-departments\"")))
                .andExpect(content().string(containsString("id=\"table-categories\"")))
                .andExpect(content().string(containsString("夫子庙")))
                .andExpect(content().string(containsString("echarts.min.js")));
        mvc.perform(get("/dashboard").param("period", "today").param("lang", "en").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Closed on time")));
    }

    @Test
    void chartRowsWithoutANameAreLabelledAsTheirTablesLabelThem() throws Exception {
        FieldOrders.of(context).reportIn(FieldOrders.of(context).honghuaGrid(), "看板：未分类的工单", null, "resident", java.util.List.of());
        String page = mvc.perform(get("/dashboard").with(as("leader"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher data = java.util.regex.Pattern.compile("id=\"chart-data\">(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        org.assertj.core.api.Assertions.assertThat(data.find()).isTrue();
        // an empty name drew a bar without a label (the uncategorised orders, the orders no unit was sent)
        org.assertj.core.api.Assertions.assertThat(data.group(1)).doesNotContain("\"\"").contains("未分类");
    }

    @Test
    void aStreetDispatcherSeesTheirStreetOnly() throws Exception {
        FieldOrders.of(context).reportIn(FieldOrders.of(context).honghuaGrid(), "看板：红花工单", null, "resident", java.util.List.of());
        mvc.perform(get("/dashboard").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("红花街道"))));
    }

    @Test
    void othersAreRefusedAndABadPeriodIsExplained() throws Exception {
        mvc.perform(get("/dashboard").with(as("resident"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").param("period", "decade").with(as("leader")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("统计期“decade”无效")));
    }
}
