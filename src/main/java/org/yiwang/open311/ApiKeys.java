package org.yiwang.open311;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys of Open311 client applications: issued by administrators (the key is shown once, only its
 * SHA-256 is stored), revocable at once, each with a rate limit in calls per minute counted across all
 * nodes. A verified key is remembered for 10 s, so a key revoked on another node stops working within
 * 10 s (on this node at once).
 */
@Service
public class ApiKeys {

    public static final String PREFIX = "o311_";
    public static final int MAX_RATE = 100_000;
    private static final Duration REMEMBER = Duration.ofSeconds(10);
    private static final String COLUMNS = """
            k.id, k.client_name, k.contact, k.key_prefix, k.requests_per_minute, k.created_at, k.created_by, k.revoked_at,
            (SELECT max(u.window_start) FROM open311_key_usage u WHERE u.key_id = k.id) AS last_used_at""";

    private final JdbcClient jdbc;
    private final Open311Properties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    private record Remembered(Optional<ApiKey> key, Instant at) {
    }

    ApiKeys(JdbcClient jdbc, Open311Properties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** A newly issued key: the key itself, shown this once. */
    public record IssuedKey(ApiKey apiKey, String key) {
    }

    /** What an administrator gives when issuing a key; a null rate means the default. */
    public record NewKey(String clientName, String contact, Integer requestsPerMinute) {
    }

    /** A change of a key's description or rate; null fields stay. */
    public record KeyChange(String clientName, String contact, Integer requestsPerMinute) {
    }

    public IssuedKey issue(NewKey command, Actor admin) {
        requireAdmin(admin);
        if (command == null) {
            throw LocalizedException.badRequest("error.malformedBody", "empty");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        INSERT INTO open311_api_key (client_name, contact, key_prefix, key_hash, requests_per_minute, created_at, created_by)
                        VALUES (:name, :contact, :prefix, :hash, :rate, :now, :by) RETURNING id""")
                .param("name", clientName(command.clientName())).param("contact", contact(command.contact()))
                .param("prefix", key.substring(0, 12)).param("hash", sha256(key))
                .param("rate", rate(command.requestsPerMinute() == null ? properties.defaultRequestsPerMinute() : command.requestsPerMinute()))
                .param("now", Timestamp.from(clock.instant())).param("by", admin.userId())
                .query(Long.class).single();
        return new IssuedKey(get(id, admin), key);
    }

    public List<ApiKey> list(Actor admin) {
        requireAdmin(admin);
        return jdbc.sql("SELECT " + COLUMNS + " FROM open311_api_key k ORDER BY k.id").query(ApiKeys::map).list();
    }

    public ApiKey get(long id, Actor admin) {
        requireAdmin(admin);
        return jdbc.sql("SELECT " + COLUMNS + " FROM open311_api_key k WHERE k.id = :id").param("id", id).query(ApiKeys::map)
                .optional().orElseThrow(() -> LocalizedException.notFound("open311.key.notFound", id));
    }

    public ApiKey change(long id, KeyChange change, Actor admin) {
        ApiKey current = get(id, admin);
        if (change == null) {
            throw LocalizedException.badRequest("error.malformedBody", "empty");
        }
        jdbc.sql("UPDATE open311_api_key SET client_name = :name, contact = :contact, requests_per_minute = :rate WHERE id = :id")
                .param("name", change.clientName() == null ? current.clientName() : clientName(change.clientName()))
                .param("contact", change.contact() == null ? current.contact() : contact(change.contact()))
                .param("rate", change.requestsPerMinute() == null ? current.requestsPerMinute() : rate(change.requestsPerMinute()))
                .param("id", id).update();
        verified.clear();
        return get(id, admin);
    }

    /** Revokes a key: it stops working at once on this node, within 10 s on the others. */
    public ApiKey revoke(long id, Actor admin) {
        get(id, admin);
        jdbc.sql("UPDATE open311_api_key SET revoked_at = coalesce(revoked_at, :now), revoked_by = coalesce(revoked_by, :by) WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("by", admin.userId()).param("id", id).update();
        verified.clear();
        return get(id, admin);
    }

    /** The active key with this value; empty for an unknown or revoked one. */
    public Optional<ApiKey> verify(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(key.strip());
        Instant now = clock.instant();
        Remembered remembered = verified.get(hash);
        if (remembered != null && Duration.between(remembered.at(), now).compareTo(REMEMBER) < 0) {
            return remembered.key();
        }
        Optional<ApiKey> found = jdbc.sql("SELECT " + COLUMNS + " FROM open311_api_key k WHERE k.key_hash = :hash AND k.revoked_at IS NULL")
                .param("hash", hash).query(ApiKeys::map).optional();
        if (verified.size() > 10_000) {
            verified.clear();
        }
        verified.put(hash, new Remembered(found, now));
        return found;
    }

    /** Counts one call of the key; false when the key has used up this minute's calls. */
    public boolean tryCall(ApiKey key) {
        Instant window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        int calls = jdbc.sql("""
                        INSERT INTO open311_key_usage (key_id, window_start, calls) VALUES (:key, :window, 1)
                        ON CONFLICT (key_id, window_start) DO UPDATE SET calls = open311_key_usage.calls + 1
                        RETURNING calls""")
                .param("key", key.id()).param("window", Timestamp.from(window)).query(Integer.class).single();
        return calls <= key.requestsPerMinute();
    }

    /** Usage older than a day is of no further use (the last-used time keeps the latest minute of each key). */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void purgeUsage() {
        jdbc.sql("""
                        DELETE FROM open311_key_usage u WHERE u.window_start < :before
                          AND u.window_start < (SELECT max(v.window_start) FROM open311_key_usage v WHERE v.key_id = u.key_id)""")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clientName(String name) {
        if (name == null || name.isBlank()) {
            throw LocalizedException.badRequest("open311.key.nameRequired");
        }
        if (name.strip().length() > 100) {
            throw LocalizedException.badRequest("open311.key.tooLong", "clientName", 100);
        }
        return name.strip();
    }

    private static String contact(String contact) {
        if (contact == null || contact.isBlank()) {
            return null;
        }
        if (contact.strip().length() > 200) {
            throw LocalizedException.badRequest("open311.key.tooLong", "contact", 200);
        }
        return contact.strip();
    }

    private static int rate(int perMinute) {
        if (perMinute < 1 || perMinute > MAX_RATE) {
            throw LocalizedException.badRequest("open311.key.rate", MAX_RATE);
        }
        return perMinute;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    static ApiKey map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        Timestamp used = rs.getTimestamp("last_used_at");
        return new ApiKey(rs.getLong("id"), rs.getString("client_name"), rs.getString("contact"), rs.getString("key_prefix"),
                rs.getInt("requests_per_minute"), rs.getTimestamp("created_at").toInstant(), rs.getLong("created_by"),
                revoked == null ? null : revoked.toInstant(), used == null ? null : used.toInstant());
    }
}
