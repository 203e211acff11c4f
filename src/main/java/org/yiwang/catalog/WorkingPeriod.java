package org.yiwang.catalog;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** A span of working hours within a working day, e.g. 08:30–12:00; the end is the closing time. */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working period must end after it starts: " + start + "-" + end);
        }
    }

    /** Parses {@code 08:30-12:00}. */
    public static WorkingPeriod parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("working period must look like 08:30-12:00: " + text);
        }
        try {
            return new WorkingPeriod(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("working period must look like 08:30-12:00: " + text, e);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
