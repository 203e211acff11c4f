package org.yiwang.whistle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a whistle ended, as the street that blew it records it. */
public enum Outcome {
    /** The problem is solved for good. */
    RESOLVED,
    /** Part of the problem is solved; the rest needs more work. */
    PARTIALLY_RESOLVED,
    /** The departments came but the problem remains. */
    UNRESOLVED;

    public static Optional<Outcome> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
    }
}
