package org.yiwang.sorter;

import java.time.Instant;

/**
 * An order as the sorter shows it beside duplicates and hot spots.
 *
 * @param categoryCode the filed category, or the top suggestion when {@code suggested}
 * @param text         the start of the description
 */
public record OrderRef(long id, String number, String gridCode, String categoryCode, boolean suggested, String text,
                       Instant reportedAt, String status) {
}
