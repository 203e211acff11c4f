package org.yiwang.analytics;

import org.yiwang.platform.LocalizedException;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Instant;
import java.util.Locale;

/**
 * What the command-centre map shows; every field is optional.
 *
 * @param category a category code or its prefix (a major class such as {@code M09}, or a kind letter)
 * @param status one state; null means every open order
 * @param from orders reported from (inclusive); {@code to} until (exclusive)
 */
public record MapFilter(String category, WorkOrderStatus status, Source source, Instant from, Instant to) {

    public static final MapFilter OPEN = new MapFilter(null, null, null, null, null);

    public MapFilter {
        category = category == null || category.isBlank() ? null : category.strip().toUpperCase(Locale.ROOT);
        if (category != null && !category.matches("[CML]\\d{0,5}")) {
            throw LocalizedException.badRequest("analytics.error.category", category);
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw LocalizedException.badRequest("analytics.error.timeRange");
        }
    }

    /** Whether an order with these facts passes the filter (the map applies it to live updates too). */
    public boolean accepts(String categoryCode, WorkOrderStatus orderStatus, Source orderSource, Instant createdAt) {
        return (category == null || (categoryCode != null && categoryCode.startsWith(category)))
                && (status == null ? orderStatus.isOpen() : status == orderStatus)
                && (source == null || source == orderSource)
                && (from == null || !createdAt.isBefore(from))
                && (to == null || createdAt.isBefore(to));
    }
}
