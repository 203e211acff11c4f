package org.yiwang.workorder.web.console;

import org.yiwang.platform.ChinaTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as the console shows and reads them: China Standard Time, to the minute. */
final class ConsoleTime {

    static final ZoneId ZONE = ChinaTime.ZONE;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZONE);

    private ConsoleTime() {
    }

    static String show(Instant instant) {
        return instant == null ? null : SHOWN.format(instant);
    }

    /** The value of a {@code datetime-local} input. */
    static String input(Instant instant) {
        return instant == null ? null : INPUT.format(instant);
    }

    /** A {@code datetime-local} value ({@code 2026-11-25T17:30}) in China Standard Time; null when blank or unreadable. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A span as days, hours and minutes: {@code [days, hours, minutes]}. */
    static long[] parts(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        return new long[]{minutes / (24 * 60), minutes / 60 % 24, minutes % 60};
    }
}
