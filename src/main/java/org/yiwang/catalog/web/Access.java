package org.yiwang.catalog.web;

import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** Who may call the catalog API — reads by any signed-in user or staff, changes by administrators — and parameter parsing. */
final class Access {

    private Access() {
    }

    static Actor signedIn() {
        return Actors.require();
    }

    static Actor staff() {
        Actor actor = Actors.require();
        if (!actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    static Actor admin() {
        return Actors.requireAny(Role.ADMIN);
    }

    /** An enum value named by a request field, or 400 naming the field and the allowed values. */
    static <E extends Enum<E>> E required(String field, String text, Class<E> type, Function<String, Optional<E>> parse) {
        if (text == null || text.isBlank()) {
            throw LocalizedException.badRequest("error.missingParameter", field);
        }
        return parse.apply(text).orElseThrow(() -> LocalizedException.badRequest("catalog.param.oneOf", field,
                Arrays.toString(type.getEnumConstants()), text));
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw LocalizedException.badRequest("catalog.param.date", field, String.valueOf(text));
        }
    }

    /** An ISO instant with offset ({@code 2026-10-09T16:00:00+08:00}) or a local date-time in China Standard Time. */
    static Instant instant(String field, String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(org.yiwang.catalog.WorkingCalendar.ZONE).toInstant();
            } catch (DateTimeParseException again) {
                throw LocalizedException.badRequest("catalog.param.instant", field, text);
            }
        }
    }
}
