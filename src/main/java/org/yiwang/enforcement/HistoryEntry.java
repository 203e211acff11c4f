package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One step of a case: who did what when, from which stage to which, and why. */
public record HistoryEntry(Instant at, String actorName, String action, @Nullable Stage from, Stage to, @Nullable String note) {
}
