package org.yiwang.intake;

import org.yiwang.catalog.Urgency;

import java.time.Instant;

/**
 * 待定位 — an external report that could not be located, as a dispatcher sees it. The caller's name and
 * phone are always masked; phone and ID numbers in the text too, unless the reader may see personal data.
 *
 * @param districtHint the district the report names (a 数字城管 unit grid code), null when unknown
 */
public record PendingReport(long id, Channel channel, String externalNo, Instant receivedAt, Instant externalDueAt,
                            String description, String address, String addressCode, String categoryCode, String categoryText,
                            Urgency urgency, String reporterName, String reporterPhone, Double lat, Double lon, String crs,
                            String unitGridCode, String componentId, String districtHint, Instant createdAt) {
}
