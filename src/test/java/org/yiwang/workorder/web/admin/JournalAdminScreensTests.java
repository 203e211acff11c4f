package org.yiwang.workorder.web.admin;

import org.yiwang.workorder.WorkOrderSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.locationtech.jts.geom.Point;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.People;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Source;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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

/** The work-order journal page: followers and their backlog, parked changes with their error, trying them again. */
@WorkOrderSpringTest
class JournalAdminScreensTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Intake intake;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void anAdministratorSeesTheFollowersAndTriesAParkedChangeAgain() throws Exception {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        Point p = locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow().geometry().getInteriorPoint();
        intake.report(new ReportProblem("路边护栏倒伏", "C01006", p.getY(), p.getX(), "wgs84", null, Source.RESIDENT, null, null, null,
                List.of(), null), people.actorOf("resident").orElseThrow());
        // a change of a real order, parked for the analytics follower as if its database write had failed
        var row = jdbc.sql("SELECT tx::text AS tx, position, order_id, change FROM workorder_journal ORDER BY position DESC LIMIT 1")
                .query((rs, n) -> new Object[]{rs.getString("tx"), rs.getLong("position"), rs.getLong("order_id"), rs.getString("change")})
                .single();
        jdbc.sql("""
                        INSERT INTO workorder_journal_parked (follower, tx, position, change, error, attempts)
                        VALUES ('analytics.handling-due', CAST(:tx AS xid8), :position, :change, 'PSQLException: disk full', 3)""")
                .param("tx", row[0]).param("position", row[1]).param("change", row[3]).update();
        String number = jdbc.sql("SELECT number FROM workorder_order WHERE id = :id").param("id", row[2]).query(String.class).single();

        mvc.perform(get("/admin/journal").with(as("admin")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("工单日志跟随"), containsString("时限与督办"), containsString("智能分拣（重复件与热点）"),
                        containsString("统计（按期结案）"), containsString("PSQLException: disk full"), containsString(number),
                        containsString("立即重试"), containsString("href=\"/admin/journal\""))));
        mvc.perform(get("/admin/journal").with(as("admin")).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Work-order journal followers"), containsString("Time limits and supervision"),
                        containsString("Try again now"))));

        mvc.perform(post("/admin/journal/parked/retry").with(as("admin")).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(redirectedUrl("/admin/journal"))
                .andExpect(flash().attribute("flashSuccess", "已重试：1 条变更处理成功"));
        assertThat(jdbc.sql("SELECT count(*) FROM workorder_journal_parked").query(Long.class).single()).isZero();
        mvc.perform(get("/admin/journal").with(as("admin")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(allOf(containsString("没有未能处理的变更"), not(containsString("disk full")))));
    }

    @Test
    void onlyAdministratorsMayOpenItOrRetry() throws Exception {
        mvc.perform(get("/admin/journal").with(as("dispatcher")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/journal/parked/retry").with(as("dispatcher")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/journal/parked/retry").with(as("admin")))
                .andExpect(status().isForbidden()); // no CSRF token
    }
}
