package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.time.Instant;

/**
 * Hands a visit or check to the worker(s) of a grid. The same {@code sourceKey} assigns once.
 *
 * @see FieldTasks#assign(AssignFieldTask)
 */
public record AssignFieldTask(String sourceKey, FieldTask.Kind kind, String gridCode, String subject, String address, String about,
                              @Nullable String link, Instant dueAt) {

    public AssignFieldTask {
        sourceKey = required(sourceKey, "sourceKey", 200);
        if (kind == null) {
            throw LocalizedException.badRequest("fieldwork.error.taskField", "kind");
        }
        gridCode = required(gridCode, "gridCode", 15);
        subject = required(subject, "subject", 200);
        address = required(address, "address", 200);
        about = required(about, "about", 300);
        if (dueAt == null) {
            throw LocalizedException.badRequest("fieldwork.error.taskField", "dueAt");
        }
    }

    static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw LocalizedException.badRequest("fieldwork.error.taskField", field);
        }
        return value.strip();
    }
}
