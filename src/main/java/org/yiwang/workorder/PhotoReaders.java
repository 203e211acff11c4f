package org.yiwang.workorder;

import org.yiwang.platform.Actor;

/**
 * Another module's say on who may look at a stored photo ({@code GET /api/photos/{id}}): photos are stored once for
 * every module (an enforcement inspection's, a patrol finding's), but only the work-order core knows its own orders. A
 * bean of this type answers for the photos its module holds — an enforcement case's inspection photos to those who
 * may read the case, say. The core asks each bean after its own rules and knows nothing of the modules behind them.
 */
public interface PhotoReaders {

    /** Whether the reader may see the photo because of something this module holds; false when it holds nothing of it. */
    boolean maySee(String photoId, Actor reader);
}
