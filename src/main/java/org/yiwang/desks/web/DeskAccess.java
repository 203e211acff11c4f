package org.yiwang.desks.web;

import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

/** Who may open which desk. */
final class DeskAccess {

    private DeskAccess() {
    }

    static Actor staff() {
        Actor actor = Actors.require();
        if (!actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    /** The command centre's desks (phone intake, 待定位, imports, 回访, hot spots): dispatchers and administrators. */
    static Actor dispatcher() {
        Actor actor = Actors.require();
        if (!actor.hasAny(Role.DISPATCHER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
