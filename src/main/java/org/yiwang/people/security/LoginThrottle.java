package org.yiwang.people.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Counts consecutive failed sign-ins per username in the database, so that a lock holds on every
 * node. Unknown usernames are counted too: the answer must not reveal whether an account exists.
 */
@Component
class LoginThrottle {

    static final int KEY_LENGTH = 64;

    private final JdbcClient jdbc;
    private final LoginThrottlePolicy policy;
    private final Duration forgetAfter;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, LoginProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policy = properties.policy();
        this.forgetAfter = properties.forgetAfter();
        this.clock = clock;
    }

    /** The key a typed username is counted under. */
    static String key(String username) {
        String key = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
    }

    /** Until when the username is locked, if it is now. */
    Optional<Instant> lockedUntil(String key) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM people_login_failure WHERE username = :key AND locked_until > :now")
                .param("key", key).param("now", Timestamp.from(now))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Counts a failure; returns until when the username is now locked, if this failure locked it. */
    Optional<Instant> recordFailure(String key) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                        INSERT INTO people_login_failure AS f (username, failures, last_failure_at) VALUES (:key, 1, :now)
                        ON CONFLICT (username) DO UPDATE
                           SET failures = CASE WHEN f.last_failure_at < :forgetBefore THEN 1 ELSE f.failures + 1 END,
                               last_failure_at = EXCLUDED.last_failure_at
                        RETURNING failures""")
                .param("key", key).param("now", Timestamp.from(now)).param("forgetBefore", Timestamp.from(now.minus(forgetAfter)))
                .query(Integer.class).single();
        Optional<Instant> lockedUntil = policy.lockAfter(failures).map(now::plus);
        lockedUntil.ifPresent(until -> jdbc.sql("UPDATE people_login_failure SET locked_until = :until WHERE username = :key")
                .param("key", key).param("until", Timestamp.from(until)).update());
        if (ThreadLocalRandom.current().nextInt(64) == 0) {
            forgetStale(now);
        }
        return lockedUntil;
    }

    /** A successful sign-in ends the run of failures. */
    void recordSuccess(String key) {
        jdbc.sql("DELETE FROM people_login_failure WHERE username = :key").param("key", key).update();
    }

    private void forgetStale(Instant now) {
        jdbc.sql("DELETE FROM people_login_failure WHERE last_failure_at < :before AND (locked_until IS NULL OR locked_until < :now)")
                .param("before", Timestamp.from(now.minus(forgetAfter))).param("now", Timestamp.from(now))
                .update();
    }
}
