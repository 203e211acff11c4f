package org.yiwang.workorder;

import org.yiwang.platform.Actor;

/**
 * Lets another module open one order to a unit that is neither assigned to it nor in its territory:
 * the district departments a street summons to an order by a whistle (吹哨报到) must read the order
 * and its photos to report in. Reading only — acting stays with {@link ActionPolicy}. Consulted for
 * single orders and their photos, not for lists (the granting module lists what it granted).
 */
public interface OrderReadGrants {

    /** Whether the reader (one of their units) may read this order. */
    boolean mayRead(long orderId, Actor reader);
}
