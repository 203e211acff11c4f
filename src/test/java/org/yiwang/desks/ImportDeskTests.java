package org.yiwang.desks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.browser.DemoOrders;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ImportDeskTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;

    DemoOrders demo;

    @BeforeEach
    void demoOrders() {
        demo = DemoOrders.of(context);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "hotline.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anImportListsItsFaultyRowsByLineAndLandsTheGoodOnes() throws Exception {
        Point p = demo.grid().geometry().getInteriorPoint();
        String stamp = String.valueOf(System.nanoTime());
        String file = "工单编号,来电时间,诉求人,联系电话,诉求内容,地址,经度,纬度\n"
                + "IMP" + stamp + "A,2026-11-20 09:30:00,王五,13812345678,路灯不亮,贡院街," + p.getX() + "," + p.getY() + "\n"
                + "IMP" + stamp + "B,2026-11-20 09:40:00,赵六,不详,井盖丢了,贡院街," + p.getX() + "," + p.getY() + "\n"
                + "IMP" + stamp + "C,,钱七,13812345679,,贡院街," + p.getX() + "," + p.getY() + "\n";
        MvcResult done = mvc.perform(multipart("/desks/imports").file(csv(file)).param("kind", "hotline").with(as("dispatcher")).with(csrf()))
                .andExpect(redirectedUrlPattern("/desks/imports/*"))
                .andReturn();
        String page = done.getResponse().getRedirectedUrl();
        mvc.perform(get(page).with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong id=\"rejected\">2</strong>")))
                .andExpect(content().string(matchesPattern("(?s).*<td data-col=\"line\">3</td>\\s*<td data-col=\"number\">IMP" + stamp
                        + "B</td>\\s*<td data-col=\"field\">联系电话</td>.*")))
                .andExpect(content().string(matchesPattern("(?s).*<td data-col=\"line\">4</td>\\s*<td data-col=\"number\">IMP" + stamp
                        + "C</td>\\s*<td data-col=\"field\">来电时间</td>.*")))
                .andExpect(content().string(containsString("不是电话号码")));
        mvc.perform(get(page).param("lang", "en").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Faulty rows")));
        mvc.perform(get("/desks/imports").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hotline.csv")));
        // an import is its importer's (and administrators')
        mvc.perform(get(page).with(as("dispatcher-honghua"))).andExpect(status().isNotFound());
    }

    @Test
    void anImportWithoutAFileOrTokenOrByAHandlerIsRefused() throws Exception {
        mvc.perform(multipart("/desks/imports").param("kind", "hotline").with(as("dispatcher")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择 CSV 或 .xlsx 文件")));
        mvc.perform(multipart("/desks/imports").file(csv("工单编号\n1\n")).param("kind", "hotline").with(as("dispatcher")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/desks/imports").file(csv("工单编号\n1\n")).param("kind", "hotline").with(as("handler")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/desks/imports").with(as("handler"))).andExpect(status().isForbidden());
    }
}
