package org.yiwang.catalog;

import java.util.Locale;
import java.util.Optional;

final class Enums {

    private Enums() {
    }

    /** Case-insensitive, surrounding blanks ignored; empty for null, blank or unknown text. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
