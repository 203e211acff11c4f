package org.yiwang.catalog;

import java.util.Locale;

/**
 * The limit that applies to one stage of a case, with the row it came from: the most specific row for
 * the category, its major class or {@code *}, in that order.
 */
public record ResolvedTimeLimit(String categoryCode, Urgency urgency, Stage stage, TimeLimit limit, TimeLimitRule rule) {

    public TimeLimitRule.Specificity matchedBy() {
        return rule.specificity();
    }

    /** E.g. {@code "M09015 NORMAL HANDLE: 4 WORKING_HOURS by rule 17 (TL-M09-NORMAL-HANDLE, major class)"}. */
    public String explanation() {
        return categoryCode + " " + urgency + " " + stage + ": " + limit + " by rule " + rule.id() + " (" + rule.key() + ", "
                + rule.specificity().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }
}
