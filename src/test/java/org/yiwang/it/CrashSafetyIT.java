package org.yiwang.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real jar, kills it with SIGKILL while reports are coming in, starts it again on the same
 * data folder and checks that nothing the platform acknowledged was lost: every order that got a 201
 * is there with its history, its ledger records, and — applied by the journal's followers after the
 * restart — its notifications. Runs after {@code package} (failsafe), because it needs target/yiwang.jar.
 */
class CrashSafetyIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path DATA = Path.of("target/it-crash");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    Process server;
    int httpPort;
    int dbPort;

    @AfterEach
    void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killNineLosesNoAcknowledgedOrderTransitionOrNotification() throws Exception {
        deleteRecursively(DATA);
        httpPort = freePort();
        dbPort = freePort();
        start();

        // a resident reports concurrently; we kill the server while requests are still in flight
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        double[][] points = pointsInDemoGrids();
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    double[] p = points[(client * 31 + i) % points.length];
                    try {
                        HttpResponse<String> response = post("/api/work-orders", "resident", Map.of(
                                "description", "井盖松动 " + client + "-" + i, "categoryCode", "C01006", "lat", p[0], "lon", p[1]));
                        if (response.statusCode() == 201) {
                            acknowledged.add(JSON.readTree(response.body()).get("id").asLong());
                        }
                    } catch (IOException | InterruptedException connectionLost) {
                        return;
                    }
                }
            }));
        }
        while (acknowledged.size() < 40) {
            Thread.sleep(20);
        }
        server.destroyForcibly(); // SIGKILL
        server.waitFor(30, TimeUnit.SECONDS);
        for (Thread t : clients) {
            t.join();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

        start();
        for (long id : acknowledged) {
            HttpResponse<String> response = get("/api/work-orders/" + id, "admin");
            assertThat(response.statusCode()).as("order %d after the restart", id).isEqualTo(200);
            JsonNode order = JSON.readTree(response.body());
            assertThat(order.get("history").findValuesAsString("action")).as("history of %d", id).startsWith("REPORT");
        }
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres", "postgres",
                java.nio.file.Files.readString(DATA.resolve("db").resolve(org.yiwang.platform.EmbeddedDatabase.PASSWORD_FILE)).strip())) {
            String numbers = "(select number from workorder_order where id = any(?))";
            long transitions = count(db, "select count(*) from workorder_transition where order_id = any(?)", acknowledged);
            long ledgered = count(db, "select (select count(*) from ledger_entry where subject_id in " + numbers + ")"
                    + " + (select count(*) from ledger_pending where subject_id in " + numbers + ")", acknowledged, acknowledged);
            assertThat(ledgered).as("every transition of an acknowledged order is in the ledger").isEqualTo(transitions);
            // changes the followers had not applied before the kill are applied after the restart
            String behind = "select count(*) from workorder_journal j, workorder_journal_cursor c where (j.tx, j.position) > (c.tx, c.position)";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((count(db, behind) > 0 || count(db, "select count(*) from event_publication") > 0) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(count(db, behind)).as("journal changes not yet applied by some follower").isZero();
            assertThat(count(db, "select count(*) from workorder_journal_parked")).as("parked journal changes").isZero();
            assertThat(count(db, "select count(*) from event_publication")).isZero();
            long dispatched = count(db, "select count(*) from workorder_transition where action = 'DISPATCH' and order_id = any(?)", acknowledged);
            long noticed = count(db, "select count(distinct link) from notify_inbox where template_key = 'workorder.notice.DISPATCH'"
                    + " and link = any(?)", acknowledged.stream().map(id -> "/work-orders/" + id).toList());
            assertThat(noticed).as("a dispatch notice for every acknowledged, dispatched order").isEqualTo(dispatched);
            System.out.printf("kill -9 after %d acknowledged orders: all found with %d transitions, %d ledger records, %d dispatch notices%n",
                    acknowledged.size(), transitions, ledgered, noticed);
        }
        HttpResponse<String> verify = get("/api/ledger/verify", "admin");
        assertThat(JSON.readTree(verify.body()).get("valid").asBoolean()).isTrue();
    }

    private void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(DATA);
        server = new ProcessBuilder(java, "-Xmx512m", "-jar", "target/yiwang.jar", "--yiwang.data-dir=" + DATA,
                "--server.port=" + httpPort, "--yiwang.db.embedded.port=" + dbPort, "--logging.level.root=warn",
                // the demo's generated past would compete with the load for the two cores
                "--yiwang.demo.history=false")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DATA.resolve("server.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300); // generous: shared CI machines can be slow
        while (System.nanoTime() < deadline) {
            try {
                if (get("/api/me", "resident").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("Yiwang exited: see " + DATA.resolve("server.log"));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Yiwang did not start: see " + DATA.resolve("server.log"));
    }

    /** Points inside the demo territory's grids, from the same generator the server uses. */
    private static double[][] pointsInDemoGrids() {
        return org.yiwang.geo.TerritoryGenerator.demo().comprehensiveGrids().stream()
                .limit(200)
                .map(g -> g.geometry().getInteriorPoint())
                .map(p -> new double[]{p.getY(), p.getX()})
                .toArray(double[][]::new);
    }

    private HttpResponse<String> post(String path, String user, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", basic(user)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":yiwang-demo").getBytes(StandardCharsets.UTF_8));
    }

    private static long count(Connection db, String sql, Object... arrays) throws Exception {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                List<?> values = new ArrayList<>((java.util.Collection<?>) arrays[i]);
                boolean numbers = !values.isEmpty() && values.getFirst() instanceof Long;
                statement.setArray(i + 1, db.createArrayOf(numbers ? "bigint" : "text", values.toArray()));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
