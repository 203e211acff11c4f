package org.yiwang.workorder;

import java.util.List;
import java.util.Objects;

/**
 * The seam for automatic sorting (智能分拣): suggests categories for a report's text. Intake asks it
 * when the reporter chose no category; above the configured confidence the top suggestion is used
 * and the order is routed at once, below it the order waits for a dispatcher with the suggestions in
 * its history. Implemented by the sorter module; without an implementation nothing is suggested.
 */
public interface CategorySuggester {

    /** At most {@code limit} suggestions, best first, with calibrated confidence in [0, 1]. */
    List<Suggestion> suggest(String text, int limit);

    /**
     * The confidence at or above which intake files a report under the top suggestion. {@code configured} is
     * {@code yiwang.workorder.auto-category-confidence}; an implementation may let administrators change it.
     */
    default double autoConfidence(double configured) {
        return configured;
    }

    /**
     * @param evidence the words or features that drove the suggestion, for the dispatcher to see
     */
    record Suggestion(String categoryCode, double confidence, List<String> evidence) {

        public Suggestion {
            Objects.requireNonNull(categoryCode, "categoryCode");
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
            }
            evidence = List.copyOf(evidence == null ? List.of() : evidence);
        }
    }

    /** A suggestion the dispatcher overrode: the order was filed under another category. */
    record Correction(long orderId, String text, String suggestedCategory, String chosenCategory) {
    }
}
