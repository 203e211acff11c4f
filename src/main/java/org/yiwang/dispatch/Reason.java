package org.yiwang.dispatch;

import java.util.List;

/**
 * One reason behind a routing decision: the rule (duty-list rule id, or a fixed id such as
 * {@code LOCATION}) and a message key with its arguments, rendered in the reader's language.
 */
public record Reason(String rule, String messageKey, List<String> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String rule, String messageKey, Object... args) {
        return new Reason(rule, messageKey, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
