package org.yiwang.open311.georeport;

import org.yiwang.platform.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Date-times as GeoReport v2 writes them — ISO 8601 (W3C profile) with an offset, here always the
 * platform's +08:00 — and as clients send them: with an offset or Z, or (read in China Standard Time)
 * a local date-time or a date alone.
 */
public final class Dates {

    public static final ZoneId ZONE = ChinaTime.ZONE;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZONE);

    private Dates() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().replace(' ', 'T');
        // a '+' in a query string may arrive decoded as a blank: "2026-05-01T10:00:00 08:00"
        if (t.matches(".*T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?T\\d{2}:\\d{2}")) {
            int last = t.lastIndexOf('T');
            t = t.substring(0, last) + "+" + t.substring(last + 1);
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // not with an offset
        }
        try {
            return Optional.of(LocalDateTime.parse(t).atZone(ZONE).toInstant());
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay(ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
