package org.yiwang.catalog;

import java.util.Objects;

/** Sets the limit of a (scope, urgency, stage), adding the row or replacing its limit and note. */
public record SetTimeLimit(String scope, Urgency urgency, Stage stage, TimeLimit limit, String note) {

    public static final int MAX_NOTE_LENGTH = 500;

    public SetTimeLimit {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(limit, "limit");
        if (TimeLimitRule.specificityOf(scope) == null) {
            throw new IllegalArgumentException("scope must be a category code, a major class code or *: " + scope);
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("note longer than " + MAX_NOTE_LENGTH);
        }
    }
}
