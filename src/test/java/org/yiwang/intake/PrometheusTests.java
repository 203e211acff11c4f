package org.yiwang.intake;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.LonLat;
import org.yiwang.workorder.JournalStatus;
import org.yiwang.workorder.JournalTail;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /actuator/prometheus}: who may read it, and the application's own metrics in it. */
@ChannelSpringTest
class PrometheusTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;
    @Autowired JournalTail tail;

    IntakeFixtures fixtures;
    IndexedGrid grid;

    @BeforeEach
    void demoTerritory() {
        fixtures = new IntakeFixtures(context);
        grid = fixtures.dispatchersGrid();
    }

    @Test
    void onlyAdministratorsReadTheMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(fixtures.as("dispatcher"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(fixtures.as("admin"))).andExpect(status().isOk());
    }

    @Test
    void healthIsPublicWithItsProbes() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void everyIntakeIsCountedBySource() throws Exception {
        double before = value(scrape(), "yiwang_intake_orders_total", "source=\"HOTLINE_12345\"");

        for (int i = 0; i < 2; i++) {
            double[] p = IntakeFixtures.latLon(grid);
            LonLat gcj = CoordinateSystem.GCJ02.fromWgs84(new LonLat(p[1], p[0]));
            Map<String, Object> body = HotlineApiTests.order(IntakeFixtures.unique("GD"), "lat", String.valueOf(gcj.lat()),
                    "lon", String.valueOf(gcj.lon()), "crs", "gcj02", "address", "无名小路");
            mvc.perform(post("/api/intake/hotline").with(fixtures.as("dispatcher")).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                    .andExpect(status().isCreated());
        }

        assertThat(value(scrape(), "yiwang_intake_orders_total", "source=\"HOTLINE_12345\"")).isEqualTo(before + 2);
    }

    @Test
    void journalLagIsReportedForEveryFollowerThatKeepsItsPlaceInTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()); // at least one finished request to time
        String metrics = scrape();

        JournalStatus status = tail.status();
        assertThat(status.followers()).isNotEmpty();
        for (JournalStatus.Follower follower : status.followers()) {
            assertThat(value(metrics, "yiwang_journal_lag", "follower=\"" + follower.name() + "\""))
                    .as(follower.name()).isGreaterThanOrEqualTo(0);
        }
        // the live map follows on every node for itself and has no backlog in the database
        assertThat(metrics).doesNotContain("follower=\"analytics.live-map\"");
        assertThat(metrics).contains("yiwang_journal_parked").contains("hikaricp_connections_active")
                .contains("http_server_requests_seconds_count");
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(fixtures.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The value of the one sample of {@code metric} whose labels include {@code label}; fails if there is none. */
    private static double value(String metrics, String metric, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no " + metric + "{" + label + "} in\n" + metrics.lines()
                .filter(l -> l.startsWith(metric)).reduce("", (a, b) -> a + b + "\n"));
    }
}
