package org.yiwang.fieldwork.web;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

/**
 * What the mobile layout asks of the signed-in person on the field-work pages (the same questions as the
 * work-order pages' shell): which tabs to show, and the map tiles.
 */
public record PatrolShell(boolean gridWorker, boolean reporter, boolean staff, String tileUrl) {

    static PatrolShell of(@Nullable Actor actor, String tileUrl) {
        if (actor == null) {
            return new PatrolShell(false, false, false, tileUrl);
        }
        return new PatrolShell(actor.has(Role.GRID_WORKER), actor.hasAny(Role.RESIDENT, Role.GRID_WORKER), actor.isStaff(), tileUrl);
    }
}
