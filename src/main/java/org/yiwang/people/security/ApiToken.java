package org.yiwang.people.security;

import java.time.Instant;

/**
 * A personal API token as its owner sees it in a list: never the token itself.
 *
 * @param hint {@code ywt_…} and the last four characters
 * @param expiresAt null for a token without expiry
 */
public record ApiToken(long id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                       Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
