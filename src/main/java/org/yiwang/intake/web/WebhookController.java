package org.yiwang.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import java.util.List;
import java.util.Locale;

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
    EventTypeList eventTypes() {
        admin();
        return new EventTypeList(EventTypes.ALL, Signatures.HEADER, "sha256=<hex HMAC-SHA256 of the raw body with the subscriber's secret>",
                List.of(Signatures.EVENT_ID, Signatures.EVENT_TYPE, Signatures.TIMESTAMP, Signatures.DELIVERY));
    }

    @Operation(summary = "Subscribers")
    @GetMapping
    List<WebhookView> list() {
        return webhooks.list(admin()).stream().map(WebhookController::view).toList();
    }

    @Operation(summary = "Add a subscriber; the secret (given, or generated) is shown in this answer only")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookView> create(@RequestBody Webhooks.NewWebhook body) {
        Webhooks.WithSecret created = webhooks.create(body, admin());
        WebhookView view = view(created.webhook()).withSecret(created.secret());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/intake/webhooks/" + created.webhook().id())).body(view);
    }

    @GetMapping("/{id}")
    WebhookView one(@PathVariable long id) {
        return view(webhooks.get(id, admin()));
    }

    @Operation(summary = "Change a subscriber (omitted fields stay); a new secret is shown once")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    WebhookView change(@PathVariable long id, @RequestBody Webhooks.WebhookChange body) {
        Webhooks.WithSecret changed = webhooks.change(id, body, admin());
        return view(changed.webhook()).withSecret(changed.secret());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        webhooks.delete(id, admin());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Queue a test event (ping) for one subscriber")
    @PostMapping("/{id}/ping")
    ResponseEntity<DeliveryView> ping(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(webhooks.ping(id, admin())));
    }

    @Operation(summary = "Redeliver every dead delivery of a subscriber")
    @PostMapping("/{id}/redeliver-dead")
    Requeued redeliverDead(@PathVariable long id) {
        return new Requeued(webhooks.redeliverDead(id, admin()));
    }

    @Operation(summary = "Deliveries, newest first; status=DEAD is the dead-letter list")
    @GetMapping("/deliveries")
    List<DeliveryView> deliveries(@RequestParam(required = false) Long webhookId, @RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return webhooks.deliveries(webhookId, status == null ? null : status.strip().toUpperCase(Locale.ROOT), page, size, admin())
                .stream().map(WebhookController::view).toList();
    }

    @GetMapping("/deliveries/{id}")
    DeliveryView delivery(@PathVariable long id) {
        return view(webhooks.delivery(id, admin()));
    }

    @Operation(summary = "Send a delivery again (attempts start over)")
    @PostMapping("/deliveries/{id}/redeliver")
    DeliveryView redeliver(@PathVariable long id) {
        return view(webhooks.redeliver(id, admin()));
    }

    private static Actor admin() {
        return Actors.requireAny(Role.ADMIN);
    }

    /** The event types a subscriber may choose, and how deliveries are signed. */
    @Schema(name = "WebhookEventTypes")
    record EventTypeList(List<String> eventTypes, String signatureHeader, String signature, List<String> headers) {
    }

    /** A subscriber; {@code secret} only in the answer that sets it. Times with +08:00. */
    @Schema(name = "Webhook")
    record WebhookView(long id, String name, String url, List<String> eventTypes, List<String> sources, boolean enabled,
                       String createdAt, String updatedAt, String secret) {

        WebhookView withSecret(String secret) {
            return new WebhookView(id, name, url, eventTypes, sources, enabled, createdAt, updatedAt, secret);
        }
    }

    /** One delivery of an event to a subscriber; status DEAD after the last attempt failed. */
    @Schema(name = "WebhookDelivery")
    record DeliveryView(long id, long webhookId, String eventId, String eventType, Long orderId, String status, int attempts,
                        String nextAttemptAt, Integer lastStatus, String lastError, String createdAt, String deliveredAt,
                        String payload) {
    }

    /** How many dead deliveries were queued again. */
    @Schema(name = "WebhookRequeued")
    record Requeued(int requeued) {
    }

    static WebhookView view(Webhook w) {
        return new WebhookView(w.id(), w.name(), w.url(), w.eventTypes(), w.sources(), w.enabled(), Views.time(w.createdAt()),
                Views.time(w.updatedAt()), null);
    }

    static DeliveryView view(Delivery d) {
        return new DeliveryView(d.id(), d.webhookId(), d.eventId().toString(), d.eventType(), d.orderId(), d.status(), d.attempts(),
                Views.time(d.nextAttemptAt()), d.lastStatus(), d.lastError(), Views.time(d.createdAt()), Views.time(d.deliveredAt()),
                d.payload());
    }
}
