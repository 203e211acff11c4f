package org.yiwang.load;

import org.yiwang.geo.GridKind;
import org.yiwang.geo.Territory;
import org.yiwang.geo.TerritoryGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the work-order HTTP API with N concurrent clients and prints throughput and latency
 * percentiles, for intake alone and for the full cycle (report → accept → handle → request
 * verification → approve → close → evaluate). By default it starts {@code target/yiwang.jar} on a
 * fresh embedded database with the demo data, so that it measures the real thing on this machine;
 * {@code --url} points it at a running instance instead. See README "Benchmarks".
 */
public final class LoadHarness {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] DESCRIPTIONS = {"路面破损，有积水，影响通行", "人行道井盖松动，踩上去有响声", "路灯不亮已经三天",
            "小区门口垃圾堆放无人清理", "共享单车堆在盲道上", "绿化带里有人私自种菜", "店铺占道经营，行人只能走机动车道",
            "下水道堵塞，下雨就积水", "墙上贴满小广告", "夜间工地施工噪音很大"};

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final Map<String, String> tokens = new java.util.HashMap<>();
    private final List<double[]> points = new ArrayList<>();
    private final List<double[]> streetPoints = new ArrayList<>();
    /** One point inside each comprehensive grid, by grid code: where that grid's demo worker (gw-CODE) patrols. */
    private final Map<String, double[]> gridPoints = new java.util.LinkedHashMap<>();
    private final CpuMeter cpu;
    private String category;

    private LoadHarness(URI base, CpuMeter cpu) {
        this.base = base;
        this.cpu = cpu;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "60")); // the JIT needs about a minute of load
        int cycleSeconds = Integer.parseInt(options.getOrDefault("cycle-seconds", "20"));
        int floorSeconds = Integer.parseInt(options.getOrDefault("floor-seconds", "10"));
        int patrolSeconds = Integer.parseInt(options.getOrDefault("patrol-seconds", "20"));
        int batch = Integer.parseInt(options.getOrDefault("patrol-batch", "20"));
        Process server = null;
        URI url;
        CpuMeter cpu;
        if (options.containsKey("url")) {
            url = URI.create(options.get("url"));
            cpu = CpuMeter.of(options.containsKey("server-pid") ? Long.parseLong(options.get("server-pid")) : -1,
                    options.containsKey("data") ? Path.of(options.get("data")) : null);
        } else {
            int port = Integer.parseInt(options.getOrDefault("port", "18765"));
            Path data = Path.of(options.getOrDefault("data", "target/load-data"));
            deleteRecursively(data);
            server = startServer(Path.of(options.getOrDefault("jar", "target/yiwang.jar")), data, port,
                    options.getOrDefault("heap", "512m"));
            url = URI.create("http://127.0.0.1:" + port);
            cpu = CpuMeter.of(server.pid(), data);
        }
        try {
            LoadHarness harness = new LoadHarness(url, cpu);
            harness.waitUntilUp(Duration.ofSeconds(120));
            harness.prepare();
            System.out.printf(Locale.ROOT, "Yiwang load harness: %d clients, %s, %d cores, JDK %s%n", clients, url,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            boolean patrolsOnly = "patrols".equals(options.get("only"));
            if (!patrolsOnly) {
                harness.intake(clients, warmup, false);
                harness.intake(clients, seconds, true);
                harness.fullCycle(clients, cycleSeconds);
            }
            if (patrolSeconds > 0) {
                harness.patrols(clients, patrolSeconds, batch);
            }
            if (floorSeconds > 0 && !patrolsOnly) {
                harness.floor(clients, floorSeconds);
            }
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
        }
    }

    private void prepare() throws Exception {
        for (String user : List.of("resident", "handler", "dispatcher", "admin")) {
            JsonNode token = send("POST", "/api/me/tokens", Map.of("name", "load-" + System.nanoTime()), basic(user), 201);
            tokens.put(user, "Bearer " + token.get("token").asString());
        }
        // 20 random points inside each comprehensive grid of the demo district (秦淮区, 1,037 grids), as
        // reports spread over a real territory: not all on a few spots, which would make every order a
        // duplicate candidate and a hot spot of every other
        Territory territory = TerritoryGenerator.demo();
        java.util.Random random = new java.util.Random(12345);
        org.locationtech.jts.geom.GeometryFactory factory = new org.locationtech.jts.geom.GeometryFactory();
        territory.grids().stream()
                .filter(g -> g.kind() == GridKind.COMPREHENSIVE && g.code().startsWith("320104"))
                .forEach(g -> {
                    org.locationtech.jts.geom.Envelope box = g.geometry().getEnvelopeInternal();
                    for (int found = 0, tries = 0; found < 20 && tries < 200; tries++) {
                        double lon = box.getMinX() + random.nextDouble() * box.getWidth();
                        double lat = box.getMinY() + random.nextDouble() * box.getHeight();
                        if (g.geometry().contains(factory.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat)))) {
                            points.add(new double[]{lat, lon});
                            gridPoints.putIfAbsent(g.code(), new double[]{lat, lon});
                            if (g.code().startsWith("320104002")) {
                                streetPoints.add(new double[]{lat, lon});
                            }
                            found++;
                        }
                    }
                });
        if (points.isEmpty()) {
            throw new IllegalStateException("no demo grids found: is the server running with demo data?");
        }
        category = findCategoryRoutedToTheDemoHandler();
        System.out.println("using category " + category + " (routed to the demo handler's department)");
    }

    /** A category that routing sends to 秦淮区城市管理局, so that the demo handler can act on the orders. */
    private String findCategoryRoutedToTheDemoHandler() throws Exception {
        HttpResponse<String> tree = http.send(request("GET", "/api/catalog/categories", null, tokens.get("dispatcher")),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher codes = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([CML]\\d{5})\"").matcher(tree.body());
        while (codes.find()) {
            category = codes.group(1);
            JsonNode created = JSON.readTree(report(null, points).body());
            if (created.path("routing").path("department").path("name").asString("").contains("城市管理局")) {
                return category;
            }
        }
        throw new IllegalStateException("no category is routed to the urban management department");
    }

    private void intake(int clients, int seconds, boolean report) throws Exception {
        Recorder recorder = new Recorder();
        CpuMeter.Reading before = cpu.read();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        runClients(clients, () -> {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                // the status is all this phase needs: the answer's body is not even decoded, to leave the cores to the server
                int status = http.send(reportRequest(null, points), HttpResponse.BodyHandlers.discarding()).statusCode();
                recorder.record("intake", System.nanoTime() - t0, status == 201);
            }
        });
        long behind = waitForFollowers(report);
        CpuMeter.Reading spent = cpu.read().minus(before);
        if (report) {
            recorder.print("intake (POST /api/work-orders, located, classified by category, routed, persisted, ledger, journal)", seconds);
            long drained = lastDrainNanos;
            long count = recorder.count("intake");
            System.out.printf(Locale.ROOT, "followers of the journal (time limits, notices, read models, feed, sorter, analytics): %d changes behind"
                            + " when the clients stopped, caught up %.1f s later -> %.1f intakes/s with everything applied%n",
                    behind, drained / 1e9, count / (seconds + drained / 1e9));
            System.out.println(spent.per(count, "intake, with everything its followers do"));
        }
    }

    /**
     * The floor: the cheapest authenticated call ({@code GET /api/me}: bearer token, security filters, one
     * query, JSON), driven like the intake. What it costs per call bounds what any API call can reach on
     * this machine with this stack.
     */
    private void floor(int clients, int seconds) throws Exception {
        Recorder recorder = new Recorder();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CpuMeter.Reading before = cpu.read();
        runClients(clients, () -> {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                HttpResponse<String> me = http.send(request("GET", "/api/me", null, tokens.get("resident")), HttpResponse.BodyHandlers.ofString());
                recorder.record("GET /api/me", System.nanoTime() - t0, me.statusCode() == 200);
            }
        });
        CpuMeter.Reading spent = cpu.read().minus(before);
        recorder.print("floor: the cheapest authenticated call (bearer token, security, one query, JSON)", seconds);
        System.out.println(spent.per(recorder.count("GET /api/me"), "call"));
    }

    /**
     * Patrol tracks: each client is another grid's demo worker (gw-CODE) on a running patrol, sending its phone's
     * points in batches as the patrol page does ({@code POST /api/fieldwork/patrols/{id}/points}, each point
     * located in a grid, stored once by its sequence number).
     */
    private void patrols(int clients, int seconds, int batch) throws Exception {
        List<String> grids = new ArrayList<>(gridPoints.keySet()).subList(0, Math.min(clients, gridPoints.size()));
        Map<String, String> workerTokens = new java.util.HashMap<>();
        Map<String, Long> patrols = new java.util.HashMap<>();
        for (String grid : grids) {
            String user = "gw-" + grid;
            JsonNode token = send("POST", "/api/me/tokens", Map.of("name", "load-" + System.nanoTime()), basic(user), 201);
            workerTokens.put(grid, "Bearer " + token.get("token").asString());
            patrols.put(grid, send("POST", "/api/fieldwork/patrols", null, workerTokens.get(grid), 201).get("id").asLong());
        }
        Recorder recorder = new Recorder();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        CpuMeter.Reading before = cpu.read();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        runClients(grids.size(), () -> {
            String grid = grids.get(next.getAndIncrement());
            double[] at = gridPoints.get(grid);
            String path = "/api/fieldwork/patrols/" + patrols.get(grid) + "/points";
            int seq = 0;
            while (System.nanoTime() < end) {
                long now = System.currentTimeMillis();
                List<Map<String, Object>> points = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    seq++;
                    points.add(Map.of("seq", seq, "at", now - (batch - i) * 10L, "lat", at[0] + (seq % 50) * 1e-6,
                            "lon", at[1], "accuracy", 8.0));
                }
                long t0 = System.nanoTime();
                HttpResponse<String> answer = http.send(request("POST", path, Map.of("points", points), workerTokens.get(grid)),
                        HttpResponse.BodyHandlers.ofString());
                recorder.record("points batch", System.nanoTime() - t0,
                        answer.statusCode() == 200 && answer.body().contains("\"stored\":" + batch));
            }
        });
        CpuMeter.Reading spent = cpu.read().minus(before);
        for (String grid : grids) {
            send("POST", "/api/fieldwork/patrols/" + patrols.get(grid) + "/stop", null, workerTokens.get(grid), 200);
        }
        long batches = recorder.count("points batch");
        recorder.print("patrol tracks (" + grids.size() + " grid workers, " + batch + " points per batch)", seconds);
        System.out.printf(Locale.ROOT, "track points accepted: %.0f per second%n", batches * (double) batch / seconds);
        System.out.println(spent.per(batches * batch, "track point"));
    }

    private long lastDrainNanos;

    /**
     * Waits until every module that follows the work-order journal has applied every intake, so that a
     * throughput is not reported for orders whose time limits, notices and read models are still to come.
     *
     * @return how many changes the slowest follower was behind when the clients stopped
     */
    private long waitForFollowers(boolean report) throws Exception {
        long start = System.nanoTime();
        long first = -1;
        while (true) {
            long behind = send("GET", "/api/journal", null, tokens.get("admin"), 200).get("followers").valueStream()
                    .mapToLong(f -> f.get("behind").asLong()).max().orElse(0);
            if (first < 0) {
                first = behind;
            }
            if (behind == 0) {
                lastDrainNanos = System.nanoTime() - start;
                return first;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("the journal's followers are still " + behind + " changes behind after 10 minutes");
            }
            Thread.sleep(report ? 100 : 500);
        }
    }

    private void fullCycle(int clients, int seconds) throws Exception {
        Recorder recorder = new Recorder();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong cycles = new AtomicLong();
        runClients(clients, () -> {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                HttpResponse<String> created = report(null, streetPoints);
                recorder.record("report", System.nanoTime() - start, created.statusCode() == 201);
                if (created.statusCode() != 201) {
                    continue;
                }
                long id = JSON.readTree(created.body()).get("id").asLong();
                boolean ok = step(recorder, "accept", id, "handler", Map.of())
                        && step(recorder, "handle", id, "handler", Map.of("note", "已处置"))
                        && step(recorder, "request-verification", id, "dispatcher", Map.of())
                        && step(recorder, "approve", id, "dispatcher", Map.of("note", "核查通过"))
                        && step(recorder, "close", id, "dispatcher", Map.of("note", "结案"))
                        && step(recorder, "evaluate", id, "resident", Map.of("satisfaction", "SATISFIED"));
                recorder.record("full cycle (7 calls)", System.nanoTime() - start, ok);
                if (ok) {
                    cycles.incrementAndGet();
                }
            }
        });
        recorder.print("full cycle", seconds);
    }

    private boolean step(Recorder recorder, String action, long id, String user, Map<String, Object> body) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request("POST", "/api/work-orders/" + id + "/" + action, body, tokens.get(user)),
                HttpResponse.BodyHandlers.ofString());
        boolean ok = response.statusCode() == 200;
        recorder.record(action, System.nanoTime() - t0, ok);
        if (!ok) {
            System.err.println(action + " → " + response.statusCode() + " " + response.body());
        }
        return ok;
    }

    private HttpResponse<String> report(String key) throws Exception {
        return report(key, points);
    }

    /** @param where the district's points for intake; the dispatcher's street's for the full cycle, which the dispatcher acts on */
    private HttpResponse<String> report(String key, List<double[]> where) throws Exception {
        return http.send(reportRequest(key, where), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest reportRequest(String key, List<double[]> where) throws IOException {
        double[] p = where.get(ThreadLocalRandom.current().nextInt(where.size()));
        Map<String, Object> body = Map.of("description", DESCRIPTIONS[ThreadLocalRandom.current().nextInt(DESCRIPTIONS.length)], "categoryCode", category,
                "lat", p[0], "lon", p[1], "urgency", "NORMAL");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/work-orders"))
                .header("Authorization", tokens.get("resident")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.build();
    }

    private interface Client {
        void run() throws Exception;
    }

    private static void runClients(int clients, Client client) throws Exception {
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    client.run();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed", failures.peek());
        }
    }

    /** Latencies per step, in nanoseconds, sorted for percentiles at the end. */
    private static final class Recorder {
        private final Map<String, ConcurrentLinkedQueue<Long>> samples = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final Map<String, AtomicLong> errors = new java.util.concurrent.ConcurrentHashMap<>();

        void record(String step, long nanos, boolean ok) {
            samples.computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>()).add(nanos);
            if (!ok) {
                errors.computeIfAbsent(step, s -> new AtomicLong()).incrementAndGet();
            }
        }

        long count(String step) {
            return samples.getOrDefault(step, new ConcurrentLinkedQueue<>()).size();
        }

        void print(String title, int seconds) {
            System.out.println();
            System.out.println("== " + title + " over " + seconds + " s");
            System.out.printf(Locale.ROOT, "%-22s %10s %10s %9s %9s %9s %9s %7s%n", "step", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
            samples.forEach((step, queue) -> {
                long[] sorted = queue.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-22s %10d %10.1f %9.2f %9.2f %9.2f %9.2f %7d%n", step, sorted.length,
                        sorted.length / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                        errors.getOrDefault(step, new AtomicLong()).get());
            });
        }

        private static double ms(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }

    private JsonNode send(String method, String path, Object body, String authorization, int expected) throws Exception {
        HttpResponse<String> response = http.send(request(method, path, body, authorization), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest request(String method, String path, Object body, String authorization) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization);
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":yiwang-demo").getBytes(StandardCharsets.UTF_8));
    }

    private void waitUntilUp(Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/me"))
                        .header("Authorization", basic("resident")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Yiwang did not come up at " + base);
    }

    private static Process startServer(Path jar, Path data, int port, String heap) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " not found: build it first (./mvnw -DskipTests package)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(data);
        return new ProcessBuilder(java, "-Xmx" + heap, "-jar", jar.toString(), "--yiwang.data-dir=" + data,
                "--server.port=" + port, "--logging.level.root=warn",
                // measured on a fresh database without the demo's generated past (its followers would still be busy)
                "--yiwang.demo.history=false")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile())
                .start();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("load."))
                .forEach(k -> options.putIfAbsent(k.substring(5), System.getProperty(k)));
        return options;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
