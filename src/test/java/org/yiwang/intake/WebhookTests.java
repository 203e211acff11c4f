package org.yiwang.intake;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.intake.webhook.Signatures;
import org.yiwang.ledger.Checkpoint;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerLog;
import org.yiwang.ledger.LedgerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Webhooks delivered to a subscriber this test runs on 127.0.0.1 — never anywhere else. */
@ChannelSpringTest
class WebhookTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;

    IntakeFixtures fixtures;
    IndexedGrid grid;
    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(204);
    final List<Long> subscribers = new ArrayList<>();

    record Received(String path, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    @BeforeEach
    void aSubscriberOnThisMachine() throws Exception {
        fixtures = new IntakeFixtures(context);
        grid = fixtures.dispatchersGrid();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            int code = exchange.getRequestURI().getPath().startsWith("/flaky") ? answer.get() : 204;
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (long id : subscribers) {
            mvc.perform(delete("/api/intake/webhooks/" + id).with(fixtures.as("admin")).with(csrf()));
        }
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    JsonNode call(MockHttpServletRequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    JsonNode subscribe(Map<String, Object> body) throws Exception {
        JsonNode created = call(post("/api/intake/webhooks").with(fixtures.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)), 201);
        subscribers.add(created.get("id").asLong());
        return created;
    }

    List<Received> await(Predicate<Received> wanted, int count) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Received> found = received.stream().filter(wanted).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("only " + received.stream().filter(wanted).count() + " of " + count + " deliveries arrived");
    }

    @Test
    void orderEventsArriveSignedWithTheirIdTimeAndExternalNumber() throws Exception {
        JsonNode hook = subscribe(Map.of("name", "12345 回访", "url", url("/hotline"), "eventTypes", List.of("order.*"),
                "sources", List.of("HOTLINE_12345")));
        String secret = hook.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        // the secret is never shown again
        assertThat(call(get("/api/intake/webhooks/" + hook.get("id").asLong()).with(fixtures.as("admin")), 200).has("secret")).isFalse();

        String street = "剪子巷" + IntakeFixtures.unique("").replace("-", "") + "号";
        fixtures.address(grid, street);
        String number = IntakeFixtures.unique("W");
        call(post("/api/intake/hotline").with(fixtures.as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(HotlineApiTests.order(number, "address", street))), 201);

        List<Received> deliveries = await(r -> r.path().equals("/hotline") && new String(r.body(), StandardCharsets.UTF_8).contains(number), 1);
        Received first = deliveries.getFirst();
        assertThat(Signatures.verify(secret, first.body(), first.header(Signatures.HEADER))).isTrue();
        assertThat(first.header(Signatures.HEADER)).matches("sha256=[0-9a-f]{64}");
        assertThat(first.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(first.body());
        assertThat(body.get("id").asString()).isEqualTo(first.header(Signatures.EVENT_ID));
        assertThat(body.get("type").asString()).isEqualTo(first.header(Signatures.EVENT_TYPE)).startsWith("order.");
        assertThat(body.get("occurredAt").asString()).endsWith("+08:00");
        assertThat(Long.parseLong(first.header(Signatures.TIMESTAMP))).isPositive();
        assertThat(body.get("external").get("externalNo").asString()).isEqualTo(number);
        assertThat(body.get("order").get("source").asString()).isEqualTo("HOTLINE_12345");
        // a body changed on the way fails the check
        byte[] forged = new String(first.body(), StandardCharsets.UTF_8).replace(number, "X").getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.verify(secret, forged, first.header(Signatures.HEADER))).isFalse();
    }

    @Test
    void aFailingSubscriberIsRetriedWithBackoffThenDeadThenRedelivered() throws Exception {
        answer.set(500);
        JsonNode hook = subscribe(Map.of("name", "flaky", "url", url("/flaky"), "eventTypes", List.of("report.pending"), "secret", "0123456789abcdef-secret"));
        long hookId = hook.get("id").asLong();
        JsonNode ping = call(post("/api/intake/webhooks/" + hookId + "/ping").with(fixtures.as("admin")), 202);
        long deliveryId = ping.get("id").asLong();

        // three attempts (max-attempts in the test configuration), then the dead-letter list
        await(r -> r.path().equals("/flaky"), 3);
        JsonNode dead = null;
        for (int i = 0; i < 100; i++) {
            dead = call(get("/api/intake/webhooks/deliveries/" + deliveryId).with(fixtures.as("admin")), 200);
            if (dead.get("status").asString().equals("DEAD")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(dead.get("status").asString()).isEqualTo("DEAD");
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("lastStatus").asInt()).isEqualTo(500);
        assertThat(call(get("/api/intake/webhooks/deliveries").param("status", "DEAD").param("webhookId", String.valueOf(hookId))
                .with(fixtures.as("admin")), 200).findValues("id").stream().map(JsonNode::asLong)).contains(deliveryId);

        // the subscriber is fixed; an administrator redelivers
        answer.set(200);
        call(post("/api/intake/webhooks/deliveries/" + deliveryId + "/redeliver").with(fixtures.as("admin")), 200);
        JsonNode delivered = null;
        for (int i = 0; i < 100; i++) {
            delivered = call(get("/api/intake/webhooks/deliveries/" + deliveryId).with(fixtures.as("admin")), 200);
            if (delivered.get("status").asString().equals("DELIVERED")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(json.readTree(received.getLast().body()).get("type").asString()).isEqualTo("ping");
    }

    @Test
    void pendingReportsAreAnnouncedToo() throws Exception {
        subscribe(Map.of("name", "pending", "url", url("/pending"), "eventTypes", List.of("report.*")));
        String number = IntakeFixtures.unique("W");
        call(post("/api/intake/hotline").with(fixtures.as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(HotlineApiTests.order(number, "address", "无名地" + number))), 202);
        Received r = await(x -> x.path().equals("/pending") && new String(x.body(), StandardCharsets.UTF_8).contains(number), 1).getFirst();
        assertThat(json.readTree(r.body()).get("type").asString()).isEqualTo("report.pending");
    }

    @Test
    void eachSignedLedgerCheckpointIsDeliveredToItsSubscribers() throws Exception {
        subscribe(Map.of("name", "auditor", "url", url("/checkpoints"), "eventTypes", List.of("ledger.checkpoint")));
        Ledger ledger = context.getBean(Ledger.class);
        LedgerLog log = context.getBean(LedgerLog.class);
        context.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(status ->
                ledger.append(LedgerRecord.of("workorder", IntakeFixtures.unique("CP"), "320104002", "FILED",
                        java.time.Instant.parse("2025-03-01T08:00:00Z"), 7, Map.of("to", "FILED"))));
        ledger.seal();
        Checkpoint signed = log.sign().orElseGet(() -> log.latestCheckpoint().orElseThrow());

        Received r = await(x -> x.path().equals("/checkpoints")
                && new String(x.body(), StandardCharsets.UTF_8).contains(signed.rootHash()), 1).getFirst();
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("type").asString()).isEqualTo("ledger.checkpoint");
        assertThat(r.header(Signatures.EVENT_TYPE)).isEqualTo("ledger.checkpoint");
        assertThat(json.treeToValue(body.get("checkpoint"), Checkpoint.class)).isEqualTo(signed);
    }

    @Test
    void subscribersAreCheckedAndOnlyForAdministrators() throws Exception {
        String body = json.writeValueAsString(Map.of("name", "x", "url", url("/x"), "eventTypes", List.of("order.close")));
        call(post("/api/intake/webhooks").with(fixtures.as("dispatcher")).contentType(MediaType.APPLICATION_JSON).content(body), 403);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("name", "x", "url", "ftp://127.0.0.1/x", "eventTypes", List.of("order.close")),
                Map.of("name", "x", "url", "http://user:pw@127.0.0.1/x", "eventTypes", List.of("order.close")),
                Map.of("name", "x", "url", url("/x"), "eventTypes", List.of()),
                Map.of("name", "x", "url", url("/x"), "eventTypes", List.of("order.explode")),
                Map.of("name", "x", "url", url("/x"), "eventTypes", List.of("order.close"), "secret", "short"),
                Map.of("name", "x", "url", url("/x"), "eventTypes", List.of("order.close"), "sources", List.of("PIGEON")))) {
            call(post("/api/intake/webhooks").with(fixtures.as("admin")).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(bad)), 400);
        }
        assertThat(call(get("/api/intake/webhooks/event-types").with(fixtures.as("admin")), 200).get("eventTypes").toString())
                .contains("order.dispatch").contains("order.close").contains("report.pending");
    }
}
