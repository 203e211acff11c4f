package org.yiwang.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.intake.webhook.Delivery;
import org.yiwang.intake.webhook.EventTypes;
import org.yiwang.intake.webhook.Signatures;
import org.yiwang.intake.webhook.Webhook;
import org.yiwang.intake.webhook.Webhooks;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Outbound webhooks for administrators: subscribers, their deliveries (the dead-letter list is
 * {@code status=DEAD}), redelivery and a test ping.
 */
@RestController
@RequestMapping("/api/intake/webhooks")
@Tag(name = "Webhooks", description = "事件推送：订阅、签名投递、重试与死信")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "The event types a subscriber may choose, and how deliveries are signed")
    @GetMapping("/event-types")
    Map<String, Object> eventTypes() {
        admin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventTypes", EventTypes.ALL);
        body.put("signatureHeader", Signatures.HEADER);
        body.put("signature", "sha256=<hex HMAC-SHA256 of the raw body with the subscriber's secret>");
        body.put("headers", List.of(Signatures.EVENT_ID, Signatures.EVENT_TYPE, Signatures.TIMESTAMP, Signatures.DELIVERY));
        return body;
    }

    @Operation(summary = "Subscribers")
    @GetMapping
    List<Map<String, Object>> list() {
        return webhooks.list(admin()).stream().map(WebhookController::view).toList();
    }

    @Operation(summary = "Add a subscriber; the secret (given, or generated) is shown in this answer only")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody Webhooks.NewWebhook body) {
        Webhooks.WithSecret created = webhooks.create(body, admin());
        Map<String, Object> view = view(created.webhook());
        view.put("secret", created.secret());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/intake/webhooks/" + created.webhook().id())).body(view);
    }

    @GetMapping("/{id}")
    Map<String, Object> one(@PathVariable long id) {
        return view(webhooks.get(id, admin()));
    }

    @Operation(summary = "Change a subscriber (omitted fields stay); a new secret is shown once")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> change(@PathVariable long id, @RequestBody Webhooks.WebhookChange body) {
        Webhooks.WithSecret changed = webhooks.change(id, body, admin());
        Map<String, Object> view = view(changed.webhook());
        if (changed.secret() != null) {
            view.put("secret", changed.secret());
        }
        return view;
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        webhooks.delete(id, admin());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Queue a test event (ping) for one subscriber")
    @PostMapping("/{id}/ping")
    ResponseEntity<Map<String, Object>> ping(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(webhooks.ping(id, admin())));
    }

    @Operation(summary = "Redeliver every dead delivery of a subscriber")
    @PostMapping("/{id}/redeliver-dead")
    Map<String, Object> redeliverDead(@PathVariable long id) {
        return Map.of("requeued", webhooks.redeliverDead(id, admin()));
    }

    @Operation(summary = "Deliveries, newest first; status=DEAD is the dead-letter list")
    @GetMapping("/deliveries")
    List<Map<String, Object>> deliveries(@RequestParam(required = false) Long webhookId, @RequestParam(required = false) String status,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return webhooks.deliveries(webhookId, status == null ? null : status.strip().toUpperCase(Locale.ROOT), page, size, admin())
                .stream().map(WebhookController::view).toList();
    }

    @GetMapping("/deliveries/{id}")
    Map<String, Object> delivery(@PathVariable long id) {
        return view(webhooks.delivery(id, admin()));
    }

    @Operation(summary = "Send a delivery again (attempts start over)")
    @PostMapping("/deliveries/{id}/redeliver")
    Map<String, Object> redeliver(@PathVariable long id) {
        return view(webhooks.redeliver(id, admin()));
    }

    private static Actor admin() {
        return Actors.requireAny(Role.ADMIN);
    }

    static Map<String, Object> view(Webhook w) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", w.id());
        body.put("name", w.name());
        body.put("url", w.url());
        body.put("eventTypes", w.eventTypes());
        body.put("sources", w.sources());
        body.put("enabled", w.enabled());
        body.put("createdAt", Views.time(w.createdAt()));
        body.put("updatedAt", Views.time(w.updatedAt()));
        return body;
    }

    static Map<String, Object> view(Delivery d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", d.id());
        body.put("webhookId", d.webhookId());
        body.put("eventId", d.eventId().toString());
        body.put("eventType", d.eventType());
        body.put("orderId", d.orderId());
        body.put("status", d.status());
        body.put("attempts", d.attempts());
        body.put("nextAttemptAt", Views.time(d.nextAttemptAt()));
        body.put("lastStatus", d.lastStatus());
        body.put("lastError", d.lastError());
        body.put("createdAt", Views.time(d.createdAt()));
        body.put("deliveredAt", Views.time(d.deliveredAt()));
        body.put("payload", d.payload());
        return body;
    }
}
