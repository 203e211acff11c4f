package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

/** The checks every command of the module makes on free text: present when required, not longer than allowed. */
final class Texts {

    private Texts() {
    }

    static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw LocalizedException.badRequest("enforcement.error.required", field);
        }
        return optional(value, field, max);
    }

    static @Nullable String optionalOrNull(@Nullable String value, String field, int max) {
        return value == null || value.isBlank() ? null : optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        String v = value.strip();
        if (v.length() > max) {
            throw LocalizedException.badRequest("enforcement.error.tooLong", field, max);
        }
        return v;
    }
}
