package org.yiwang.geo;

import java.util.Set;

/**
 * Grids were created, changed or removed (by an import, an edit or the demo generator).
 *
 * @param communityCodes the communities whose grids changed
 * @param revision the territory revision after the change; every node rebuilds its grid index up to it
 */
public record GridsChanged(Set<String> communityCodes, int created, int updated, int removed, long revision) {

    public GridsChanged {
        communityCodes = Set.copyOf(communityCodes);
    }
}
