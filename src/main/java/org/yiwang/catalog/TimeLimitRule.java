package org.yiwang.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of the time-limit table: the limit of one stage at one urgency for a scope, which is a
 * category code ({@code M09015}), a major class code ({@code M09}) or {@value #ALL} for every category.
 *
 * @param id database id, recorded by whoever applies the limit
 */
public record TimeLimitRule(long id, String scope, Urgency urgency, Stage stage, TimeLimit limit, String note,
                            String updatedBy, Instant updatedAt) {

    public static final String ALL = "*";

    public TimeLimitRule {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(limit, "limit");
        if (specificityOf(scope) == null) {
            throw new IllegalArgumentException("scope must be a category code, a major class code or *: " + scope);
        }
    }

    /** Readable key of the row, e.g. {@code TL-M09-NORMAL-HANDLE}. */
    public String key() {
        return "TL-" + scope + "-" + urgency + "-" + stage;
    }

    public Specificity specificity() {
        return specificityOf(scope);
    }

    /** How specific a scope is; null when the text is no scope at all. */
    public static Specificity specificityOf(String scope) {
        if (ALL.equals(scope)) {
            return Specificity.ALL;
        }
        if (MajorClass.isCode(scope)) {
            return Specificity.MAJOR_CLASS;
        }
        if (Category.isCode(scope)) {
            return Specificity.CATEGORY;
        }
        return null;
    }

    /** What a rule's scope names, most specific first: a category beats its major class, which beats {@code *}. */
    public enum Specificity {
        CATEGORY, MAJOR_CLASS, ALL
    }
}
