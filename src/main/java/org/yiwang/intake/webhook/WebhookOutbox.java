package org.yiwang.intake.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiwang.intake.IntakeProperties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The webhook delivery worker. A round claims due deliveries by pushing their next attempt a lease into
 * the future (rows another node holds are skipped, so several nodes share the work and none sends a
 * delivery twice at once), POSTs each one on a virtual thread outside any transaction, and records the
 * outcome: 2xx = delivered; anything else is retried after a wait that doubles each time (with jitter,
 * capped), and after the last attempt the delivery is dead (the dead-letter list). A node that dies
 * mid-round leaves its deliveries to be claimed again when the lease ends — so a subscriber may, rarely,
 * get an event twice and must drop event ids it has seen.
 */
@Component
class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);
    private static final int MAX_ERROR = 500;

    private final JdbcClient jdbc;
    private final Webhooks webhooks;
    private final IntakeProperties.Webhooks settings;
    private final Clock clock;
    private final HttpClient http;

    WebhookOutbox(JdbcClient jdbc, Webhooks webhooks, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.settings = properties.webhooks();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @Scheduled(initialDelayString = "${yiwang.intake.webhooks.interval:PT1S}", fixedDelayString = "${yiwang.intake.webhooks.interval:PT1S}")
    void scheduledRound() {
        if (!settings.deliveryEnabled()) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.error("Webhook delivery round failed; the next round retries", e);
        }
    }

    /** One round: everything due now. @return deliveries attempted */
    int deliverDue() {
        int attempted = 0;
        while (true) {
            List<Claim> claims = claim(clock.instant());
            if (claims.isEmpty()) {
                return attempted;
            }
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (Claim claim : claims) {
                    running.add(threads.submit(() -> deliver(claim)));
                }
                for (Future<?> f : running) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        log.warn("A webhook delivery failed unexpectedly: {}", e.toString());
                    }
                }
            }
            attempted += claims.size();
            if (claims.size() < settings.batchSize()) {
                return attempted;
            }
        }
    }

    record Claim(long id, long webhookId, UUID eventId, String type, String payload, int attempts, String url, byte[] secret) {
    }

    List<Claim> claim(Instant now) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT d.id FROM intake_webhook_delivery d JOIN intake_webhook w ON w.id = d.webhook_id
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND w.enabled
                            ORDER BY d.next_attempt_at, d.id LIMIT :batch FOR UPDATE OF d SKIP LOCKED)
                        UPDATE intake_webhook_delivery d SET next_attempt_at = :leaseEnd, attempts = d.attempts + 1
                        FROM due, intake_webhook w
                        WHERE d.id = due.id AND w.id = d.webhook_id
                        RETURNING d.id, d.webhook_id, d.event_id, d.event_type, d.payload, d.attempts, w.url, w.secret""")
                .param("now", Timestamp.from(now)).param("batch", settings.batchSize())
                .param("leaseEnd", Timestamp.from(now.plus(settings.lease())))
                .query((rs, n) -> new Claim(rs.getLong("id"), rs.getLong("webhook_id"), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"), rs.getString("url"),
                        rs.getBytes("secret")))
                .list();
    }

    void deliver(Claim claim) {
        URI uri;
        try {
            uri = UrlPolicy.check(claim.url());
        } catch (RuntimeException e) {
            failed(claim, null, "invalid URL", true);
            return;
        }
        Optional<String> refused = UrlPolicy.refusal(uri, settings.allowLoopback());
        if (refused.isPresent()) {
            failed(claim, null, refused.get(), false);
            return;
        }
        byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
        String signature;
        try {
            signature = Signatures.sign(webhooks.secretOf(claim.secret()), body);
        } catch (RuntimeException e) {
            failed(claim, null, e.getMessage(), false);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Yiwang-Webhooks/1")
                .header(Signatures.HEADER, signature)
                .header(Signatures.EVENT_ID, claim.eventId().toString())
                .header(Signatures.EVENT_TYPE, claim.type())
                .header(Signatures.TIMESTAMP, Long.toString(clock.instant().getEpochSecond()))
                .header(Signatures.DELIVERY, Long.toString(claim.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                jdbc.sql("""
                                UPDATE intake_webhook_delivery SET status = 'DELIVERED', delivered_at = :now, last_status = :code,
                                    last_error = NULL WHERE id = :id""")
                        .param("now", Timestamp.from(clock.instant())).param("code", response.statusCode()).param("id", claim.id())
                        .update();
            } else {
                failed(claim, response.statusCode(), "HTTP " + response.statusCode(), false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(claim, null, "interrupted", false);
        } catch (Exception e) {
            failed(claim, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), false);
        }
    }

    private void failed(Claim claim, Integer status, String error, boolean permanent) {
        String message = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        Instant now = clock.instant();
        if (permanent || claim.attempts() >= settings.maxAttempts()) {
            log.warn("Webhook delivery {} ({} to subscriber {}) is dead after {} attempt(s): {}", claim.id(), claim.type(),
                    claim.webhookId(), claim.attempts(), message);
            jdbc.sql("UPDATE intake_webhook_delivery SET status = 'DEAD', last_status = :code, last_error = :error WHERE id = :id")
                    .param("code", status).param("error", message).param("id", claim.id()).update();
            return;
        }
        jdbc.sql("""
                        UPDATE intake_webhook_delivery SET next_attempt_at = :next, last_status = :code, last_error = :error
                        WHERE id = :id AND status = 'PENDING'""")
                .param("next", Timestamp.from(now.plus(backoff(claim.attempts()))))
                .param("code", status).param("error", message).param("id", claim.id()).update();
    }

    /** initial × 2^(attempts − 1), capped, ± 20 % so that many failed deliveries do not all return at once. */
    Duration backoff(int attempts) {
        long base = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long wait = attempts >= 40 ? max : Math.min(max, base << Math.max(0, attempts - 1));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, Math.round(wait * jitter)));
    }
}
