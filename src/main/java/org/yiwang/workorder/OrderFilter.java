package org.yiwang.workorder;

import java.time.Instant;

/**
 * Filters of the order list; every field is optional. {@code area} is a division or grid code
 * prefix (district, street, community or grid); {@code mine} limits to orders with the caller's unit
 * or reported by the caller.
 */
public record OrderFilter(WorkOrderStatus status, Boolean open, String categoryCode, Source source, String area,
                          Instant createdFrom, Instant createdTo, Boolean overdue, Boolean mine, String q) {

    public static final OrderFilter NONE = new OrderFilter(null, null, null, null, null, null, null, null, null, null);
}
