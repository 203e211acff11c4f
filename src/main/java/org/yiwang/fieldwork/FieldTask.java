package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * 派发任务 — a visit or check another module handed to a grid's worker, due by a time, with where it came from.
 *
 * @param sourceKey the assigning module's key of the task (e.g. {@code enforcement.campaign-task:42}), unique
 * @param subject   the person or site to visit or check, stored as given and shown masked
 * @param about     why, in a line (the campaign and its rule)
 * @param link      the page of the source, for staff
 */
public record FieldTask(long id, String sourceKey, Kind kind, String gridCode, String subject, String address, String about,
                        @Nullable String link, Instant dueAt, Instant assignedAt, @Nullable Instant doneAt, @Nullable String doneByName,
                        @Nullable String note) {

    /** 走访 (a person at home) or 检查 (a site). */
    public enum Kind { VISIT, CHECK }

    public boolean done() {
        return doneAt != null;
    }

    /** Late: open past its due time, or done after it. */
    public boolean overdue(Instant now) {
        return doneAt == null ? now.isAfter(dueAt) : doneAt.isAfter(dueAt);
    }
}
