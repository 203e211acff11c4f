package org.yiwang.platform;

import org.jspecify.annotations.Nullable;

/**
 * What the phone layout and the {@code /m/} pages of every module ask of the signed-in person: which tabs and
 * buttons to show, and the map tiles. The one definition; a module's page advice puts it in the model as
 * {@code mobile}.
 *
 * @param gridWorker whether the person is a 网格员 (spot handling, the grid tab)
 * @param reporter whether the person may report problems (residents and grid workers)
 * @param staff whether the person works in the console too
 * @param tileUrl the map tile URL template, empty when the map works offline (grid outlines on a plain background)
 * @param resident whether the person may add 附议 and follow reports (residents)
 */
public record MobileShell(boolean gridWorker, boolean reporter, boolean staff, String tileUrl, boolean resident) {

    /** The shell of {@code actor} (nobody signed in: every flag false). */
    public static MobileShell of(@Nullable Actor actor, String tileUrl) {
        if (actor == null) {
            return new MobileShell(false, false, false, tileUrl, false);
        }
        return new MobileShell(actor.has(Role.GRID_WORKER), actor.hasAny(Role.RESIDENT, Role.GRID_WORKER),
                actor.isStaff(), tileUrl, actor.has(Role.RESIDENT));
    }

    /** The shell of the person signed in now, for pages with a map ({@link YiwangProperties.Map#tileUrl()}). */
    public static MobileShell current(String tileUrl) {
        return of(Actors.current().orElse(null), tileUrl);
    }

    /** The shell of the person signed in now, for pages that draw no map. */
    public static MobileShell current() {
        return current("");
    }
}
