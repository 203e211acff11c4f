package org.yiwang.workorder.web.mobile;

import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

/**
 * What the mobile layout needs to know about the signed-in person: which tabs to show.
 *
 * @param resident whether the person may add 附议 and follow reports (residents)
 * @param tileUrl the map tile URL template, empty when the map works offline (grid outlines on a plain background)
 */
public record MobileShell(boolean gridWorker, boolean reporter, boolean staff, String tileUrl, boolean resident) {

    static MobileShell of(Actor actor, String tileUrl) {
        if (actor == null) {
            return new MobileShell(false, false, false, tileUrl, false);
        }
        return new MobileShell(actor.has(Role.GRID_WORKER), actor.hasAny(Role.RESIDENT, Role.GRID_WORKER),
                actor.isStaff(), tileUrl, actor.has(Role.RESIDENT));
    }
}
