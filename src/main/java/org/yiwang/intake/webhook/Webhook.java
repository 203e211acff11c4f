package org.yiwang.intake.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A subscriber: where to send which events. The secret is shown only when it is set.
 *
 * @param eventTypes e.g. {@code order.*}, {@code order.dispatch}, {@code order.close}, {@code report.pending}
 * @param sources work-order sources to send events of ({@code HOTLINE_12345} …); empty for all
 */
public record Webhook(long id, String name, String url, List<String> eventTypes, List<String> sources, boolean enabled,
                      Instant createdAt, Instant updatedAt) {

    public Webhook {
        eventTypes = List.copyOf(eventTypes);
        sources = List.copyOf(sources);
    }

    /** Whether an event of this type, about an order from this source (null for none), goes to this subscriber. */
    public boolean wants(String type, String source) {
        if (!enabled) {
            return false;
        }
        boolean typeMatches = eventTypes.contains(type) || (type.startsWith("order.") && eventTypes.contains("order.*"))
                || (type.startsWith("report.") && eventTypes.contains("report.*"));
        return typeMatches && (sources.isEmpty() || source == null || sources.contains(source));
    }
}
