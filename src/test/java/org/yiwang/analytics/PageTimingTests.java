package org.yiwang.analytics;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.web.mobile.FieldOrders;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server time of each mobile and command-centre page on the demo territory with 20,000 orders of the
 * last 30 days in 秦淮区 (in every state, a tenth of them in 夫子庙街道): each GET is repeated 20 times
 * after 5 warm-up calls, over real HTTP on loopback, and the figures are printed and written to
 * {@code target/page-timings.txt}. Nothing is asserted about the times: the build machine varies.
 * Runs in its own application context, so that the many orders do not disturb other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yiwang.test.context=page-timing")
class PageTimingTests {

    static final int ORDERS = 20_000;
    static final int WARM_UP = 5;
    static final int RUNS = 20;
    static final String[] STATUSES = {"REPORTED", "DISPATCHED", "DISPATCHED", "ACCEPTED", "HANDLED", "VERIFYING",
            "CLOSED", "CLOSED", "CLOSED", "EVALUATED"};
    static final String[] SOURCES = {"RESIDENT", "GRID_PATROL", "HOTLINE_12345", "URBAN_MANAGEMENT"};
    static final String[] CATEGORIES = {"C01002", "M01001", "M09001", "M02001", "C03001", null};

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired GridLocator locator;
    @Autowired People people;

    @Test
    void measuresEveryPageOnADistrictWithTwentyThousandOrders() throws Exception {
        seed();
        FieldOrders orders = FieldOrders.of(context);
        WorkOrder residents = orders.closed("计时：居民上报");
        WorkOrder toCheck = orders.waitingForOnSiteCheck("计时：待核查");

        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-44s %-11s %8s %8s %8s", "GET", "as", "median", "p95", "max"));
        HttpClient resident = signedIn("resident");
        time(lines, resident, "resident", "/m/report");
        time(lines, resident, "resident", "/m/report/categories?q=" + URLEncoder.encode("井盖", StandardCharsets.UTF_8));
        time(lines, resident, "resident", "/m/reports");
        time(lines, resident, "resident", "/m/reports/" + residents.id());
        time(lines, resident, "resident", "/m/reports/" + residents.id() + "/receipt");
        HttpClient gridWorker = signedIn("gridworker");
        time(lines, gridWorker, "gridworker", "/m/grid");
        time(lines, gridWorker, "gridworker", "/m/grid/orders/" + toCheck.id());
        HttpClient dispatcher = signedIn("dispatcher");
        time(lines, dispatcher, "dispatcher", "/command/map");
        time(lines, dispatcher, "dispatcher", "/command/map/orders");
        time(lines, dispatcher, "dispatcher", "/command/map/grids.geojson");
        time(lines, dispatcher, "dispatcher", "/dashboard");
        HttpClient leader = signedIn("leader");
        time(lines, leader, "leader", "/command/map/orders");
        time(lines, leader, "leader", "/command/map/orders?status=CLOSED&from=" + java.time.LocalDate.now().minusDays(7));
        time(lines, leader, "leader", "/command/map/grids.geojson");
        time(lines, leader, "leader", "/dashboard");
        time(lines, leader, "leader", "/dashboard?period=today");

        String report = "Page server time (ms) with " + ORDERS + " orders in 秦淮区, " + RUNS + " runs after " + WARM_UP + " warm-up\n"
                + String.join("\n", lines);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "page-timings.txt"), report + "\n");
    }

    /** Orders in every state, spread over the last 30 days and over the district's grids, written in batches. */
    void seed() {
        List<IndexedGrid> grids = locator.index().grids().stream()
                .filter(g -> g.kind() == GridKind.COMPREHENSIVE && g.code().startsWith("320104")).toList();
        List<IndexedGrid> fuzimiao = grids.stream().filter(g -> g.code().startsWith("320104002")).toList();
        long resident = people.findByUsername("resident").orElseThrow().id();
        Random random = new Random(4);
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            IndexedGrid grid = i % 10 == 0 ? fuzimiao.get(random.nextInt(fuzimiao.size())) : grids.get(random.nextInt(grids.size()));
            Point p = grid.geometry().getInteriorPoint();
            String status = STATUSES[random.nextInt(STATUSES.length)];
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            if (category == null) {
                status = "REPORTED";
            }
            Instant created = now.minus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
            boolean closed = status.equals("CLOSED") || status.equals("EVALUATED");
            Instant due = created.plus(Duration.ofHours(24 + random.nextInt(72)));
            Instant closedAt = closed ? created.plus(Duration.ofHours(2 + random.nextInt(96))) : null;
            if (closedAt != null && closedAt.isAfter(now)) {
                closedAt = now;
            }
            rows.add(new Object[]{"T" + (1_000_000 + i), grid.code().substring(0, 6), grid.code().substring(0, 9), grid.code().substring(0, 12),
                    grid.code(), p.getY() + (random.nextDouble() - 0.5) * 1e-4, p.getX() + (random.nextDouble() - 0.5) * 1e-4,
                    SOURCES[random.nextInt(SOURCES.length)], category, status, i % 20 == 0 ? resident : null,
                    closed ? null : (status.equals("REPORTED") ? "REGISTER" : status.equals("HANDLED") || status.equals("VERIFYING") ? "VERIFY" : "HANDLE"),
                    closed ? null : Timestamp.from(created), closed ? null : Timestamp.from(due),
                    status.equals("EVALUATED") ? (random.nextInt(10) < 8 ? "SATISFIED" : "DISSATISFIED") : null,
                    Timestamp.from(created), closedAt == null ? null : Timestamp.from(closedAt), closedAt != null && closedAt.isBefore(due),
                    Timestamp.from(due)});
        }
        jdbc.batchUpdate("""
                INSERT INTO workorder_order (version, number, district_code, street_code, community_code, grid_code, lat, lon, source,
                    urgency, category_code, description, status, reporter_user_id, stage, stage_started_at, stage_due_at, satisfaction,
                    created_at, updated_at, closed_at, closed_on_time)
                VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, 'NORMAL', ?, '计时用工单', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[]{r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
                r[13], r[14], r[15], r[15], r[16], r[17]}).toList());
        jdbc.update("""
                INSERT INTO analytics_handling_due (order_id, district_code, street_code, grid_code, due_at, as_of, settled, closed_on_time)
                SELECT id, district_code, street_code, grid_code, created_at + interval '2 days', created_at,
                       status IN ('CLOSED', 'EVALUATED'), closed_on_time
                FROM workorder_order WHERE number LIKE 'T1%' AND category_code IS NOT NULL
                """);
        jdbc.execute("ANALYZE workorder_order");
        jdbc.execute("ANALYZE analytics_handling_due");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM workorder_order", Long.class)).isGreaterThanOrEqualTo(ORDERS);
    }

    void time(List<String> lines, HttpClient client, String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
        for (int i = 0; i < WARM_UP; i++) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        lines.add(String.format("%-44s %-11s %8.1f %8.1f %8.1f", path.length() > 44 ? path.substring(0, 44) : path, user,
                millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1], millis[RUNS - 1]));
    }

    /** A client signed in through the real sign-in form (session cookie, CSRF token from the page). */
    HttpClient signedIn(String username) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("CSRF token on the sign-in page").isTrue();
        String form = "username=" + username + "&password=yiwang-demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElse("")).as("signed in as " + username).doesNotContain("error");
        return client;
    }
}
