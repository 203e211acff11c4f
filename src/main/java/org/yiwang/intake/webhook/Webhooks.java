package org.yiwang.intake.webhook;

import org.yiwang.platform.ChinaTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.intake.IntakeProperties;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Source;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Outbound webhooks: administrators register subscribers (URL, secret, event types, optionally the
 * work-order sources they care about); every matching event is written to the delivery outbox in the
 * transaction that handles the event, and {@link WebhookOutbox} sends it signed, retrying with
 * exponential backoff, until it is delivered or lands on the dead-letter list, from which an
 * administrator can redeliver it.
 */
@Service
public class Webhooks {

    public static final int MIN_SECRET = 16;
    public static final int MAX_PAGE_SIZE = 200;
    private static final Duration SUBSCRIBERS_TTL = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every time in a payload: ISO-8601 with milliseconds and the +08:00 offset. */
    public static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ChinaTime.ZONE);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final IntakeProperties.Webhooks settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile List<Webhook> subscribers;
    private volatile Instant subscribersLoadedAt = Instant.MIN;

    Webhooks(JdbcClient jdbc, SecretCipher cipher, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.settings = properties.webhooks();
        this.clock = clock;
    }

    /** A new subscriber; {@code secret} blank = generated. */
    public record NewWebhook(String name, String url, String secret, List<String> eventTypes, List<String> sources, Boolean enabled) {
    }

    /** A change of a subscriber; null fields stay as they are, a non-blank secret replaces the old one. */
    public record WebhookChange(String name, String url, String secret, List<String> eventTypes, List<String> sources, Boolean enabled) {
    }

    /** The subscriber with its secret, shown this once. */
    public record WithSecret(Webhook webhook, String secret) {
    }

    public WithSecret create(NewWebhook command, Actor admin) {
        requireAdmin(admin);
        if (command == null) {
            throw LocalizedException.badRequest("error.malformedBody", "empty");
        }
        String name = name(command.name());
        String url = UrlPolicy.check(command.url()).toString();
        List<String> types = eventTypes(command.eventTypes());
        List<String> sources = sources(command.sources());
        String secret = secret(command.secret());
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        INSERT INTO intake_webhook (name, url, secret, event_types, sources, enabled, created_at, created_by, updated_at)
                        VALUES (:name, :url, :secret, :types, :sources, :enabled, :now, :by, :now) RETURNING id""")
                .param("name", name).param("url", url).param("secret", cipher.encrypt(secret))
                .param("types", types.toArray(String[]::new)).param("sources", sources.toArray(String[]::new))
                .param("enabled", command.enabled() == null || command.enabled())
                .param("now", Timestamp.from(now)).param("by", admin.userId())
                .query(Long.class).single();
        forgetSubscribers();
        return new WithSecret(get(id, admin), secret);
    }

    public List<Webhook> list(Actor admin) {
        requireAdmin(admin);
        return jdbc.sql("SELECT * FROM intake_webhook ORDER BY id").query(Webhooks::map).list();
    }

    public Webhook get(long id, Actor admin) {
        requireAdmin(admin);
        return find(id).orElseThrow(() -> LocalizedException.notFound("intake.webhook.notFound", id));
    }

    /** Changes a subscriber; the secret in the answer is non-null only when it was replaced. */
    public WithSecret change(long id, WebhookChange change, Actor admin) {
        Webhook current = get(id, admin);
        if (change == null) {
            throw LocalizedException.badRequest("error.malformedBody", "empty");
        }
        String secret = change.secret() == null || change.secret().isBlank() ? null : secret(change.secret());
        jdbc.sql("""
                        UPDATE intake_webhook SET name = :name, url = :url, event_types = :types, sources = :sources, enabled = :enabled,
                            secret = coalesce(:secret, secret), updated_at = :now WHERE id = :id""")
                .param("name", change.name() == null ? current.name() : name(change.name()))
                .param("url", change.url() == null ? current.url() : UrlPolicy.check(change.url()).toString())
                .param("types", (change.eventTypes() == null ? current.eventTypes() : eventTypes(change.eventTypes())).toArray(String[]::new))
                .param("sources", (change.sources() == null ? current.sources() : sources(change.sources())).toArray(String[]::new))
                .param("enabled", change.enabled() == null ? current.enabled() : change.enabled())
                .param("secret", secret == null ? null : cipher.encrypt(secret))
                .param("now", Timestamp.from(clock.instant())).param("id", id)
                .update();
        forgetSubscribers();
        return new WithSecret(get(id, admin), secret);
    }

    /** Removes a subscriber with its deliveries. */
    public void delete(long id, Actor admin) {
        requireAdmin(admin);
        if (jdbc.sql("DELETE FROM intake_webhook WHERE id = :id").param("id", id).update() == 0) {
            throw LocalizedException.notFound("intake.webhook.notFound", id);
        }
        forgetSubscribers();
    }

    /** A page of deliveries, newest first; {@code status} {@code DEAD} is the dead-letter list. */
    public List<Delivery> deliveries(Long webhookId, String status, int page, int size, Actor admin) {
        requireAdmin(admin);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw LocalizedException.badRequest("intake.error.pageSize", MAX_PAGE_SIZE);
        }
        if (status != null && !List.of("PENDING", "DELIVERED", "DEAD").contains(status)) {
            throw LocalizedException.badRequest("intake.webhook.status", status);
        }
        return jdbc.sql("SELECT * FROM intake_webhook_delivery WHERE true"
                        + (webhookId == null ? "" : " AND webhook_id = :hook") + (status == null ? "" : " AND status = :status")
                        + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("hook", webhookId).param("status", status).param("size", size).param("offset", (long) page * size)
                .query(Webhooks::mapDelivery).list();
    }

    public Delivery delivery(long id, Actor admin) {
        requireAdmin(admin);
        return jdbc.sql("SELECT * FROM intake_webhook_delivery WHERE id = :id").param("id", id).query(Webhooks::mapDelivery)
                .optional().orElseThrow(() -> LocalizedException.notFound("intake.webhook.deliveryNotFound", id));
    }

    /** Sends a delivery again from scratch (attempts reset), whatever its state. */
    public Delivery redeliver(long deliveryId, Actor admin) {
        requireAdmin(admin);
        int n = jdbc.sql("""
                        UPDATE intake_webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now, delivered_at = NULL
                        WHERE id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("id", deliveryId).update();
        if (n == 0) {
            throw LocalizedException.notFound("intake.webhook.deliveryNotFound", deliveryId);
        }
        return delivery(deliveryId, admin);
    }

    /** Redelivers every dead delivery of a subscriber; the number requeued. */
    public int redeliverDead(long webhookId, Actor admin) {
        get(webhookId, admin);
        return jdbc.sql("""
                        UPDATE intake_webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                        WHERE webhook_id = :hook AND status = 'DEAD'""")
                .param("now", Timestamp.from(clock.instant())).param("hook", webhookId).update();
    }

    /** Queues a {@code ping} for one subscriber, whatever its event types. */
    public Delivery ping(long webhookId, Actor admin) {
        Webhook hook = get(webhookId, admin);
        UUID id = UUID.randomUUID();
        Map<String, Object> body = envelope(id, EventTypes.PING, clock.instant());
        body.put("webhook", Map.of("id", hook.id(), "name", hook.name()));
        long deliveryId = insert(hook.id(), id, EventTypes.PING, null, null, JSON.writeValueAsString(body));
        return delivery(deliveryId, admin);
    }

    /**
     * Queues an event for every enabled subscriber that wants it; runs in the caller's transaction. The
     * same event id is queued once per subscriber, however often it is published.
     *
     * @param source the work-order source, null when the event is not about an order
     * @param data the event's data; {@code id}, {@code type} and {@code occurredAt} are added around it
     */
    public int publish(UUID eventId, String type, String source, Instant occurredAt, Long orderId, String districtCode,
                       Map<String, Object> data) {
        List<Webhook> wanting = subscribers().stream().filter(h -> h.wants(type, source)).toList();
        if (wanting.isEmpty()) {
            return 0;
        }
        Map<String, Object> body = envelope(eventId, type, occurredAt);
        body.putAll(data);
        String payload = JSON.writeValueAsString(body);
        int queued = 0;
        for (Webhook hook : wanting) {
            if (insert(hook.id(), eventId, type, orderId, districtCode, payload) > 0) {
                queued++;
            }
        }
        return queued;
    }

    private long insert(long hook, UUID eventId, String type, Long orderId, String district, String payload) {
        return jdbc.sql("""
                        INSERT INTO intake_webhook_delivery (webhook_id, event_id, event_type, order_id, district_code, payload, status,
                            next_attempt_at, created_at)
                        VALUES (:hook, :event, :type, :order, :district, :payload, 'PENDING', :now, :now)
                        ON CONFLICT (webhook_id, event_id) DO NOTHING RETURNING id""")
                .param("hook", hook).param("event", eventId).param("type", type).param("order", orderId).param("district", district)
                .param("payload", payload).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(0L);
    }

    private static Map<String, Object> envelope(UUID id, String type, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("type", type);
        body.put("occurredAt", TIME.format(at));
        return body;
    }

    /** The enabled subscribers, from memory (changes on this node at once, on others within 30 s). */
    List<Webhook> subscribers() {
        Instant now = clock.instant();
        List<Webhook> current = subscribers;
        if (current == null || Duration.between(subscribersLoadedAt, now).compareTo(SUBSCRIBERS_TTL) > 0) {
            current = jdbc.sql("SELECT * FROM intake_webhook WHERE enabled ORDER BY id").query(Webhooks::map).list();
            subscribers = current;
            subscribersLoadedAt = now;
        }
        return current;
    }

    private void forgetSubscribers() {
        subscribers = null;
    }

    Optional<Webhook> find(long id) {
        return jdbc.sql("SELECT * FROM intake_webhook WHERE id = :id").param("id", id).query(Webhooks::map).optional();
    }

    /** The secret of a subscriber, decrypted for signing. */
    String secretOf(byte[] sealed) {
        return cipher.decrypt(sealed);
    }

    private String secret(String given) {
        if (given == null || given.isBlank()) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        String s = given.strip();
        if (s.length() < MIN_SECRET || s.length() > 200) {
            throw LocalizedException.badRequest("intake.webhook.secret", MIN_SECRET);
        }
        return s;
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw LocalizedException.badRequest("intake.field.required");
        }
        if (name.strip().length() > 100) {
            throw LocalizedException.badRequest("intake.field.tooLong", 100, name.strip().length());
        }
        return name.strip();
    }

    private static List<String> eventTypes(List<String> types) {
        if (types == null || types.isEmpty()) {
            throw LocalizedException.badRequest("intake.webhook.eventTypesRequired", String.join(", ", EventTypes.ALL));
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String type : types) {
            String t = type == null ? "" : type.strip();
            if (!EventTypes.ALL.contains(t) || t.equals(EventTypes.PING)) {
                throw LocalizedException.badRequest("intake.webhook.eventType", t, String.join(", ", EventTypes.ALL));
            }
            result.add(t);
        }
        return new ArrayList<>(result);
    }

    private static List<String> sources(List<String> sources) {
        if (sources == null) {
            return List.of();
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String source : sources) {
            try {
                result.add(Source.valueOf(source.strip().toUpperCase(java.util.Locale.ROOT)).name());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw LocalizedException.badRequest("intake.webhook.source", source, java.util.Arrays.toString(Source.values()));
            }
        }
        return new ArrayList<>(result);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    static Webhook map(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getLong("id"), rs.getString("name"), rs.getString("url"),
                List.of((String[]) rs.getArray("event_types").getArray()), List.of((String[]) rs.getArray("sources").getArray()),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static Delivery mapDelivery(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        int last = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : last;
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        return new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getObject("event_id", UUID.class),
                rs.getString("event_type"), orderId, rs.getString("status"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), lastStatus, rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant(), rs.getString("payload"));
    }
}
