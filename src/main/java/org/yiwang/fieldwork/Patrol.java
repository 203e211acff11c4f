package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** 巡查 — one patrol of a grid worker, running until {@code endedAt} is set. */
public record Patrol(long id, long userId, String districtCode, Instant startedAt, @Nullable Instant endedAt) {

    public boolean running() {
        return endedAt == null;
    }
}
