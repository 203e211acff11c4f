package org.yiwang.open311;

import java.time.Instant;

/**
 * An Open311 client's API key as administrators see it: never the key itself, which is shown once when
 * issued and stored only as its SHA-256.
 *
 * @param prefix the key's first characters, to tell keys apart
 * @param lastUsedAt the start of the last minute the key was used in, null if never
 */
public record ApiKey(long id, String clientName, String contact, String prefix, int requestsPerMinute, Instant createdAt,
                     long createdBy, Instant revokedAt, Instant lastUsedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
