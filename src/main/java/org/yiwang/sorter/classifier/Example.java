package org.yiwang.sorter.classifier;

import java.util.Objects;

/**
 * A labelled message to learn from.
 *
 * @param weight how much it counts (1 ordinarily; more for a dispatcher's correction)
 */
public record Example(String id, String text, String label, double weight) {

    public Example {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if (!(weight > 0 && weight <= 100)) {
            throw new IllegalArgumentException("weight must be within (0, 100]: " + weight);
        }
    }

    public Example(String id, String text, String label) {
        this(id, text, label, 1.0);
    }
}
