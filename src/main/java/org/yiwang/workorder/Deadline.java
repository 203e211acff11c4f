package org.yiwang.workorder;

import java.time.Instant;
import java.util.Objects;

/**
 * When a stage must be done, and whether its limit counts working time (working hours and days on
 * the calendar) or natural time.
 *
 * @param rule which time-limit row produced it, for the order's history
 */
public record Deadline(Instant due, boolean workingTime, String rule) {

    public Deadline {
        Objects.requireNonNull(due, "due");
        rule = rule == null ? "" : rule;
    }
}
