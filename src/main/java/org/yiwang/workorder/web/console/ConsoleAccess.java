package org.yiwang.workorder.web.console;

import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.util.Locale;

/** Who may open the console (staff only) and how its query parameters are read. */
final class ConsoleAccess {

    private ConsoleAccess() {
    }

    static Actor staff() {
        Actor actor = Actors.require();
        if (!actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    /** An enum parameter by name; null when blank, 400 naming the parameter when unknown. */
    static <E extends Enum<E>> E enumOf(Class<E> type, String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("error.typeMismatch", parameter, text);
        }
    }
}
