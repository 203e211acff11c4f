package org.yiwang.people.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens (个人访问令牌): named, optionally expiring, revocable, with the time of last use.
 */
@Service
public class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    public static final int MAX_ACTIVE_PER_USER = 20;
    public static final int MAX_DAYS = 3650;
    /** Last use is written at most this often per token, not on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final RowMapper<ApiToken> MAPPER = (rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
            rs.getString("hint"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
            instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Recently verified tokens and their principals, so that an API client's every call does not cost
     * a token and an account lookup. Entries live {@link #RECENT_TTL}. A revocation or an access change
     * bumps the access epoch ({@code people_access_epoch}) in its own transaction: this node forgets every
     * entry at once and again after the commit, and every node forgets them when its poll (every second)
     * sees the epoch move.
     */
    static final Duration RECENT_TTL = Duration.ofSeconds(10);
    private final java.util.concurrent.ConcurrentHashMap<String, Recent> recent = new java.util.concurrent.ConcurrentHashMap<>();
    /** The access epoch as this node last saw it; a verification begun under an older one is not remembered. */
    private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong(-1);

    record Recent(SignedInUser principal, Instant until) {
    }

    Optional<SignedInUser> recentlyVerified(String token) {
        Recent hit = recent.get(token);
        if (hit == null || hit.until().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(hit.principal());
    }

    /** The epoch to hand to {@link #rememberVerified} for a verification that starts now. */
    long epochNow() {
        return epoch.get();
    }

    /**
     * Remembers a verification, unless access changed since it began ({@code startedAt} from
     * {@link #epochNow}): a token read just before its revocation committed is not kept.
     */
    void rememberVerified(String token, SignedInUser principal, long startedAt) {
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(token, new Recent(principal, clock.instant().plus(RECENT_TTL)));
        if (epoch.get() != startedAt) {
            recent.remove(token);
        }
    }

    /**
     * Access changed (a token revoked, an account disabled, roles or org unit changed): bumps the access
     * epoch in the caller's transaction, if any, and forgets every remembered verification now and, in a
     * transaction, again after its commit.
     */
    public void forgetVerified() {
        jdbc.sql("UPDATE people_access_epoch SET value = value + 1 WHERE id = 1").update();
        forgetLocally();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            forgetLocally();
                        }
                    });
        }
    }

    private void forgetLocally() {
        epoch.incrementAndGet();
        recent.clear();
    }

    /** Every node, every second: forgets the remembered verifications when another node changed access. */
    @org.springframework.scheduling.annotation.Scheduled(initialDelayString = "${yiwang.people.access-check-interval:PT1S}",
            fixedDelayString = "${yiwang.people.access-check-interval:PT1S}")
    void followAccessEpoch() {
        long stored = jdbc.sql("SELECT value FROM people_access_epoch WHERE id = 1").query(Long.class).single();
        if (stored != lastStored) {
            lastStored = stored;
            forgetLocally();
        }
    }

    private volatile long lastStored = Long.MIN_VALUE;

    /**
     * Creates a token for {@code owner}.
     *
     * @param expiresInDays null for a token that does not expire
     */
    @Transactional
    public IssuedToken issue(Actor owner, String name, Integer expiresInDays) {
        String tokenName = name == null ? "" : name.strip();
        if (tokenName.isEmpty() || tokenName.length() > 100 || tokenName.chars().anyMatch(Character::isISOControl)) {
            throw LocalizedException.badRequest("people.error.tokenName");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            throw LocalizedException.badRequest("people.error.tokenExpiry", MAX_DAYS);
        }
        Instant now = clock.instant();
        // serializes concurrent issues for one user so that the limit holds
        jdbc.sql("SELECT id FROM people_user WHERE id = :id FOR UPDATE").param("id", owner.userId()).query(Long.class).optional();
        long active = jdbc.sql("""
                        SELECT count(*) FROM people_api_token
                         WHERE user_id = :user AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .param("user", owner.userId()).param("now", Timestamp.from(now)).query(Long.class).single();
        if (active >= MAX_ACTIVE_PER_USER) {
            throw LocalizedException.conflict("people.error.tooManyTokens", MAX_ACTIVE_PER_USER);
        }
        String token = TokenCodec.generate();
        Instant expiresAt = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO people_api_token (user_id, name, token_hash, hint, created_at, expires_at)
                            VALUES (:user, :name, :hash, :hint, :now, :expires) RETURNING id""")
                    .param("user", owner.userId()).param("name", tokenName).param("hash", TokenCodec.hash(token))
                    .param("hint", TokenCodec.hint(token)).param("now", Timestamp.from(now))
                    .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw LocalizedException.conflict("people.error.tokenNameTaken", tokenName);
        }
        log.info("User {} created API token {} ({})", owner.username(), id, tokenName);
        return new IssuedToken(id, tokenName, token, TokenCodec.hint(token), now, expiresAt);
    }

    /** The user's tokens, newest first, revoked ones included. */
    public List<ApiToken> list(long userId) {
        return jdbc.sql("SELECT * FROM people_api_token WHERE user_id = :user ORDER BY created_at DESC, id DESC")
                .param("user", userId).query(MAPPER).list();
    }

    /** Revokes one of the user's tokens; 404 when it is not theirs. Revoking twice is harmless. */
    @Transactional
    public void revoke(long userId, long tokenId) {
        int found = jdbc.sql("SELECT count(*) FROM people_api_token WHERE id = :id AND user_id = :user")
                .param("id", tokenId).param("user", userId).query(Integer.class).single();
        if (found == 0) {
            throw LocalizedException.notFound("people.error.tokenNotFound", tokenId);
        }
        forgetVerified();
        int revoked = jdbc.sql("UPDATE people_api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", tokenId).param("now", Timestamp.from(clock.instant())).update();
        if (revoked > 0) {
            log.info("API token {} of user {} revoked", tokenId, userId);
        }
    }

    /** Revokes every live token of a user, e.g. when the account is disabled. */
    public int revokeAll(long userId) {
        forgetVerified();
        return jdbc.sql("UPDATE people_api_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId).param("now", Timestamp.from(clock.instant())).update();
    }

    /** The owner and id of an active token, noting its use. */
    Optional<Match> use(String token) {
        if (!TokenCodec.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Match> match = jdbc.sql("""
                        SELECT id, user_id, last_used_at FROM people_api_token
                         WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .param("hash", TokenCodec.hash(token)).param("now", Timestamp.from(now))
                .query((rs, n) -> new Match(rs.getLong("id"), rs.getLong("user_id"), instant(rs.getTimestamp("last_used_at"))))
                .optional();
        match.filter(m -> m.lastUsedAt() == null || m.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION)))
                .ifPresent(m -> jdbc.sql("UPDATE people_api_token SET last_used_at = :now WHERE id = :id")
                        .param("id", m.tokenId()).param("now", Timestamp.from(now)).update());
        return match;
    }

    record Match(long tokenId, long userId, Instant lastUsedAt) {
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
