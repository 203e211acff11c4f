package org.yiwang.catalog.internal;

import org.yiwang.catalog.Category;
import org.yiwang.catalog.ResolvedTimeLimit;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.TimeLimitRule;
import org.yiwang.catalog.Urgency;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time-limit rows by (scope, urgency, stage), and the precedence between them: a row for the
 * category beats a row for its major class, which beats the row for {@code *}.
 */
public final class TimeLimitIndex {

    private final Map<String, TimeLimitRule> byKey = new HashMap<>();
    private final List<TimeLimitRule> rules;

    public TimeLimitIndex(Collection<TimeLimitRule> rules) {
        for (TimeLimitRule rule : rules) {
            if (byKey.put(key(rule.scope(), rule.urgency(), rule.stage()), rule) != null) {
                throw new IllegalArgumentException("two rows for " + rule.key());
            }
        }
        this.rules = rules.stream()
                .sorted(Comparator.comparing(TimeLimitRule::specificity).reversed()
                        .thenComparing(TimeLimitRule::scope).thenComparing(TimeLimitRule::urgency).thenComparing(TimeLimitRule::stage))
                .toList();
    }

    /** All rows, general ones first. */
    public List<TimeLimitRule> rules() {
        return rules;
    }

    public Optional<TimeLimitRule> rule(String scope, Urgency urgency, Stage stage) {
        return Optional.ofNullable(byKey.get(key(scope, urgency, stage)));
    }

    /** The most specific row for the category; empty only when not even a {@code *} row exists. */
    public Optional<ResolvedTimeLimit> resolve(Category category, Urgency urgency, Stage stage) {
        TimeLimitRule rule = byKey.get(key(category.code(), urgency, stage));
        if (rule == null) {
            rule = byKey.get(key(category.majorClass(), urgency, stage));
        }
        if (rule == null) {
            rule = byKey.get(key(TimeLimitRule.ALL, urgency, stage));
        }
        return Optional.ofNullable(rule).map(r -> new ResolvedTimeLimit(category.code(), urgency, stage, r.limit(), r));
    }

    private static String key(String scope, Urgency urgency, Stage stage) {
        return scope + '|' + urgency.ordinal() + '|' + stage.ordinal();
    }
}
