package org.yiwang.workorder;

import org.yiwang.catalog.Urgency;

import java.util.List;
import java.util.Objects;

/**
 * A located report as it enters the pipeline.
 *
 * @param categoryCode null when the reporter did not choose one (the dispatcher, or the sorter, will)
 * @param idempotencyKey the client's request id; the same key from the same reporter never creates two orders
 * @param suggestions the sorter's category suggestions for the text, kept in the report's history
 * @param externalDueAt 办理时限 set by another system (12345); no stage is due later than it; null when none
 */
public record NewReport(String description, String categoryCode, Place place, String address, Source source,
                        Urgency urgency, String reporterName, String reporterPhone, List<String> photos,
                        String idempotencyKey, List<CategorySuggester.Suggestion> suggestions,
                        java.time.@org.jspecify.annotations.Nullable Instant externalDueAt) {

    public NewReport {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(source, "source");
        urgency = urgency == null ? Urgency.NORMAL : urgency;
        photos = List.copyOf(photos == null ? List.of() : photos);
        suggestions = List.copyOf(suggestions == null ? List.of() : suggestions);
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description is required");
        }
    }

    public NewReport(String description, String categoryCode, Place place, String address, Source source,
                     Urgency urgency, String reporterName, String reporterPhone, List<String> photos,
                     String idempotencyKey, List<CategorySuggester.Suggestion> suggestions) {
        this(description, categoryCode, place, address, source, urgency, reporterName, reporterPhone, photos, idempotencyKey,
                suggestions, null);
    }
}
