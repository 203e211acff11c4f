package org.yiwang.geo;

/**
 * A grid worker (网格员) as geography knows them: the user, and whether they work full-time (专职)
 * — every comprehensive grid needs at least one full-time worker.
 */
public record GridWorker(long userId, String username, String displayName, boolean fullTime) {

    public GridWorker {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("grid worker needs a username");
        }
        if (displayName == null || displayName.isBlank()) {
            displayName = username;
        }
    }
}
