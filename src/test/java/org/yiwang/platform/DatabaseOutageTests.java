package org.yiwang.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.YiwangApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on its own embedded database in a folder of its own, over real HTTP: the postmaster is
 * killed ({@code kill -9}) while it cannot start again (its configuration file is moved away, so every restart
 * fails), so the outage lasts
 * as long as the test wants; then the file comes back and the supervisor's next try brings the server back.
 */
class DatabaseOutageTests {

    @TempDir
    Path data;

    ConfigurableApplicationContext app;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void killedDatabaseIsAnswered503WithinSecondsAndTheSupervisorBringsItBack() throws Exception {
        start();
        assertThat(get("/api/me", "en").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", "en").statusCode()).isEqualTo(200);

        Path conf = pgData().resolve("postgresql.conf");
        Path away = pgData().resolve("postgresql.conf.away");
        Files.move(conf, away);
        long killed = killPostmaster();

        long t0 = System.nanoTime();
        // the backends of the killed postmaster may answer for a few more milliseconds
        HttpResponse<String> readiness = waitFor(Duration.ofSeconds(10), 503, () -> get("/actuator/health/readiness", "en"));
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");
        assertThat(get("/actuator/health/liveness", "en").statusCode()).as("the application itself lives").isEqualTo(200);

        long t1 = System.nanoTime();
        HttpResponse<String> english = get("/api/me", "en");
        long apiMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(english.headers().firstValue("Retry-After")).contains("5");
        assertThat(english.body()).contains("\"code\":\"error.databaseUnavailable\"").contains("database cannot be reached");
        assertThat(apiMillis).as("a request fails within the connection timeout, not after 30 s").isLessThan(6_000);

        HttpResponse<String> chinese = get("/api/me", "zh-CN");
        assertThat(chinese.statusCode()).isEqualTo(503);
        assertThat(chinese.body()).contains("数据库暂时无法连接");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Accept", "text/html")
                .header("Accept-Language", "zh-CN").header("Cookie", "SESSION=" + Base64.getEncoder().encodeToString("some-session".getBytes()))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("a screen whose session cannot be read").isEqualTo(503);
        assertThat(page.body()).contains("<html").contains("数据库暂时无法连接");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(20);

        Files.move(away, conf);
        HttpResponse<String> back = waitFor(Duration.ofSeconds(60), 200, () -> get("/api/me", "en"));
        assertThat(back.statusCode()).as("requests succeed again without restarting the application").isEqualTo(200);
        assertThat(get("/actuator/health/readiness", "en").statusCode()).isEqualTo(200);
        assertThat(postmasterPid()).isNotEqualTo(killed);
        assertThat(app.getBean(EmbeddedDatabaseSupervisor.class).restarts()).isEqualTo(1);
    }

    @Test
    void shutdownEndsWithinThirtySecondsWhileTheDatabaseIsGone() throws Exception {
        start();
        Files.move(pgData().resolve("postgresql.conf"), pgData().resolve("postgresql.conf.away"));
        killPostmaster();
        assertThat(waitFor(Duration.ofSeconds(10), 503, () -> get("/actuator/health/readiness", "en")).statusCode()).isEqualTo(503);

        long t0 = System.nanoTime();
        app.close();
        app = null;
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(30);
    }

    private void start() {
        app = new SpringApplicationBuilder(YiwangApplication.class).run(
                "--yiwang.data-dir=" + data, "--yiwang.db.embedded.ephemeral=false", "--server.port=0",
                "--yiwang.db.embedded.check-interval=500ms", "--yiwang.db.embedded.max-backoff=2s");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    private Path pgData() {
        return data.resolve("db").resolve("pg17");
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(pgData().resolve("postmaster.pid")).getFirst().trim());
    }

    private long killPostmaster() throws Exception {
        long pid = postmasterPid();
        assertThat(new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor()).isZero();
        return pid;
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        String admin = Base64.getEncoder().encodeToString("admin:yiwang-demo".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + admin)
                .header("Accept-Language", language).timeout(Duration.ofSeconds(40)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> waitFor(Duration limit, int status, Call call) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> response = call.send();
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = call.send();
        }
        return response;
    }
}
