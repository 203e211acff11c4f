package org.yiwang.catalog;

import java.util.Optional;

/** How urgent a case is (紧急程度); each urgency has its own time limits. */
public enum Urgency {
    /** 一般. */
    NORMAL,
    /** 紧急. */
    URGENT,
    /** 特急. */
    CRITICAL;

    public static Optional<Urgency> parse(String text) {
        return Enums.parse(Urgency.class, text);
    }
}
