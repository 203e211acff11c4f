package org.yiwang.workorder.web.console;

import org.yiwang.workorder.WorkOrderSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.browser.DemoOrders;
import org.yiwang.people.People;
import org.yiwang.workorder.WorkOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Server time of every staff screen with the demo territory (1,069 grids, 1,045 users, 422 categories,
 * the default duty list) and a few hundred orders: each page is requested 5 times to warm up, then 20
 * times, through the whole filter chain, controller and template. The figures are printed and written to
 * {@code target/staff-page-timings.txt}; nothing is asserted about them (timings depend on the machine).
 */
@WorkOrderSpringTest
class StaffPageTimingTests {

    static final int WARM_UP = 5;
    static final int RUNS = 20;

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired People people;

    @Test
    void everyStaffPageIsTimed() throws Exception {
        DemoOrders demo = DemoOrders.of(context);
        List<WorkOrder> reported = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            reported.add(demo.reported("请派人看看贡院街的情况（计时 " + i + "）"));
        }
        List<WorkOrder> dispatched = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            dispatched.add(demo.dispatchedToHandler("请派人看看贡院街的情况（计时派遣 " + i + "）"));
        }
        long someone = people.findByUsername("dispatcher").orElseThrow().id();
        String[][] pages = {
                {"dispatcher", "/console/queue"},
                {"dispatcher", "/console/queue?tab=all"},
                {"dispatcher", "/console/queue?tab=dispatched&q=贡院街"},
                {"dispatcher", "/console/overdue"},
                {"dispatcher", "/console/orders/" + reported.getFirst().id()},
                {"dispatcher", "/console/orders/" + dispatched.getFirst().id()},
                {"dispatcher", "/console/categories?q=井盖"},
                {"handler", "/console/inbox"},
                {"handler", "/console/orders/" + dispatched.getLast().id()},
                {"admin", "/admin/grids"},
                {"admin", "/admin/grids?street=320104002"},
                {"admin", "/admin/users"},
                {"admin", "/admin/users/" + someone},
                {"admin", "/admin/org-units"},
                {"admin", "/admin/categories"},
                {"admin", "/admin/categories?q=井盖"},
                {"admin", "/admin/duty-list"},
                {"admin", "/admin/duty-list/1"},
                {"admin", "/admin/time-limits"},
                {"admin", "/admin/calendar?year=2026"}};
        StringBuilder report = new StringBuilder(String.format("%-10s %-42s %8s %8s %8s%n", "user", "page", "median", "p95", "max"));
        for (String[] page : pages) {
            var who = user(users.loadUserByUsername(page[0]));
            for (int i = 0; i < WARM_UP; i++) {
                int status = mvc.perform(get(page[1]).with(who)).andReturn().getResponse().getStatus();
                assertThat(status).as(page[1]).isEqualTo(200);
            }
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                mvc.perform(get(page[1]).with(who)).andReturn();
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            report.append(String.format("%-10s %-42s %6.1fms %6.1fms %6.1fms%n", page[0],
                    page[1].replaceAll("/\\d{2,}$", "/{id}"), ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1], ms[RUNS - 1]));
        }
        System.out.println("Staff page server times (MockMvc, " + RUNS + " runs after " + WARM_UP + " warm-up):\n" + report);
        write(report.toString());
    }

    private static void write(String report) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "staff-page-timings.txt"), report);
    }
}
