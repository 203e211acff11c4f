package org.yiwang.catalog;

/** A time-limit row was set or removed; deadlines computed from now on may differ. */
public record TimeLimitsChanged(long ruleId, String scope, Urgency urgency, Stage stage, boolean removed) {
}
