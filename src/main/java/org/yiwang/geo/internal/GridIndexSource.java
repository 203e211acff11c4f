package org.yiwang.geo.internal;

import org.yiwang.geo.GridIndex;

/** Where the grid index comes from: the territory's current revision, and the index built at it. */
public interface GridIndexSource {

    /** The revision of the territory now, cheap to ask. */
    long revision();

    /** An index of all grids, consistent with the revision it reports. */
    GridIndex load();
}
