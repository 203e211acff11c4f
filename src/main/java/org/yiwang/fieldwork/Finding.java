package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** 民情日志 — one entry of the patrol log, with the work order it became, if any. */
public record Finding(long id, long patrolId, long userId, Instant at, String text, @Nullable Double lat, @Nullable Double lon,
                      List<String> photoIds, FindingOutcome outcome, @Nullable Long orderId, @Nullable String orderNumber) {

    public Finding {
        photoIds = List.copyOf(photoIds);
    }
}
