package org.yiwang.fieldwork;

import org.yiwang.geo.GridSummary;
import org.yiwang.geo.Grids;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whose households and care visits a signed-in person sees: a grid worker their own grids; community staff their
 * community, a street dispatcher their street, leaders and administrators all — each by their data scope.
 * Grid workers and community staff record visits; the others read.
 *
 * @param patterns SQL {@code LIKE ANY} patterns over grid codes
 */
record VisitScope(String[] patterns, boolean records) {

    static VisitScope of(Actor actor, Grids grids) {
        Set<String> patterns = new LinkedHashSet<>();
        if (actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN)) {
            patterns.addAll(Arrays.asList(actor.scope().likePatterns()));
        }
        if (actor.has(Role.GRID_WORKER)) {
            grids.gridsOf(actor.userId()).stream().map(GridSummary::code).forEach(patterns::add);
        }
        if (!actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN)) {
            throw LocalizedException.forbidden("fieldwork.error.visitsForbidden");
        }
        return new VisitScope(patterns.toArray(String[]::new), actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF));
    }

    boolean covers(String gridCode) {
        for (String pattern : patterns) {
            if (pattern.endsWith("%") ? gridCode.startsWith(pattern.substring(0, pattern.length() - 1)) : gridCode.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** The patterns narrowed to an area (a grid, community or street code) the scope must reach. */
    String[] within(String area) {
        if (covers(area)) {
            return new String[]{area + "%"};
        }
        String[] inside = Arrays.stream(patterns).filter(p -> p.startsWith(area)).toArray(String[]::new);
        if (inside.length == 0) {
            throw LocalizedException.notFound("fieldwork.error.areaNotFound", area);
        }
        return inside;
    }

    void requireRecorder() {
        if (!records) {
            throw LocalizedException.forbidden("fieldwork.error.visitsRecordForbidden");
        }
    }
}
