package org.yiwang.services.web;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

/** What the mobile layout asks of the signed-in person on the services pages: which tabs to show. */
public record MobileShell(boolean gridWorker, boolean reporter, boolean staff) {

    static MobileShell of(@Nullable Actor actor) {
        if (actor == null) {
            return new MobileShell(false, false, false);
        }
        return new MobileShell(actor.has(Role.GRID_WORKER), actor.hasAny(Role.RESIDENT, Role.GRID_WORKER), actor.isStaff());
    }
}
