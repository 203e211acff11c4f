package org.yiwang.whistle;

import org.springframework.stereotype.Component;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.WorkingCalendar;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How long summoned departments have to report in, by kind of whistle — configuration
 * ({@code yiwang.whistle.report-limits.*}, e.g. {@code 2 WORKING_DAYS}, {@code 30 MINUTES}) — and the
 * deadline that follows on the catalog's working calendar: working-time limits stop outside working
 * hours and on holidays, minutes run around the clock.
 */
@Component
class ReportLimits {

    private final Map<WhistleKind, TimeLimit> limits = new EnumMap<>(WhistleKind.class);
    private final WorkingCalendar calendar;

    ReportLimits(WhistleConfiguration.WhistleProperties properties, WorkingCalendar calendar) {
        this.calendar = calendar;
        WhistleConfiguration.Limits configured = properties.reportLimits();
        limits.put(WhistleKind.ROUTINE, parse("routine", configured.routine()));
        limits.put(WhistleKind.TOUGH, parse("tough", configured.tough()));
        limits.put(WhistleKind.EMERGENCY, parse("emergency", configured.emergency()));
    }

    TimeLimit limitFor(WhistleKind kind) {
        return limits.get(kind);
    }

    /** When departments summoned at {@code blownAt} by a whistle of {@code kind} must have reported in. */
    Instant dueAt(WhistleKind kind, Instant blownAt) {
        return calendar.due(blownAt, limitFor(kind));
    }

    /** {@code "<amount> <unit>"}, e.g. {@code 2 WORKING_DAYS}; a bad value stops the start with the property named. */
    static TimeLimit parse(String name, String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
        try {
            if (parts.length == 2) {
                LimitUnit unit = LimitUnit.parse(parts[1].toUpperCase(Locale.ROOT)).orElse(null);
                if (unit != null) {
                    return new TimeLimit(Integer.parseInt(parts[0]), unit);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below with the property's name
        }
        throw new IllegalStateException("yiwang.whistle.report-limits." + name + " must be \"<amount> <unit>\" with unit one of "
                + Arrays.toString(LimitUnit.values()) + ", e.g. \"2 WORKING_DAYS\": " + text);
    }
}
