package org.yiwang.residents.web;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

/** What the mobile layout needs to know about the person on a residents page (the same shape as the core's). */
public record ResidentShell(boolean gridWorker, boolean reporter, boolean staff, String tileUrl, boolean resident) {

    static ResidentShell of(@Nullable Actor actor, String tileUrl) {
        if (actor == null) {
            return new ResidentShell(false, false, false, tileUrl, false);
        }
        return new ResidentShell(actor.has(Role.GRID_WORKER), actor.hasAny(Role.RESIDENT, Role.GRID_WORKER), actor.isStaff(), tileUrl,
                actor.has(Role.RESIDENT));
    }
}
