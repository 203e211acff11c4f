package org.yiwang.analytics;

import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The period a dashboard's figures cover, in Beijing time: today, the last 7 or 30 days (today
 * included), or this calendar month — each up to now.
 */
public record Period(String key, Instant from, Instant to) {

    public static final ZoneId ZONE = ChinaTime.ZONE;
    public static final List<String> KEYS = List.of("today", "7d", "30d", "month");

    public static Period of(String key, Clock clock) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        LocalDate first = switch (key == null || key.isBlank() ? "30d" : key) {
            case "today" -> today;
            case "7d" -> today.minusDays(6);
            case "30d" -> today.minusDays(29);
            case "month" -> today.withDayOfMonth(1);
            default -> throw LocalizedException.badRequest("analytics.error.period", key, String.join(", ", KEYS));
        };
        return new Period(key == null || key.isBlank() ? "30d" : key, first.atStartOfDay(ZONE).toInstant(), now);
    }
}
