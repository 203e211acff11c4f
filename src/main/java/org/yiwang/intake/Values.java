package org.yiwang.intake;

import org.yiwang.catalog.Urgency;
import org.yiwang.catalog.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values other systems write: date-times in the many shapes of Chinese exports (a local time
 * is China Standard Time), Excel serial dates, urgency in words, time limits as a date-time or a duration.
 */
final class Values {

    static final ZoneId ZONE = WorkingCalendar.ZONE;

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})\\s*日?"
                    + "(?:\\s*[T ]?\\s*(\\d{1,2})\\s*[:：时点]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2}(?:\\.\\d{1,9})?)\\s*秒?)?\\s*分?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})\\s*(?:个)?\\s*(工作日|自然日|天|日|小时|h|d|wd)", Pattern.CASE_INSENSITIVE);

    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Values() {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A date-time; empty when the text is not one. A date alone is that day's start. */
    static Optional<Instant> dateTime(String text) {
        String t = blankToNull(text);
        if (t == null) {
            return Optional.empty();
        }
        if (EXCEL_SERIAL.matcher(t).matches()) {
            double serial = Double.parseDouble(t);
            // 1900 date system; serials from 1982 to 2173 only, so that a stray number is not taken for a date
            if (serial < 30000 || serial > 99999) {
                return Optional.empty();
            }
            long millis = Math.round((serial - 25569) * 86_400_000d);
            LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC);
            return Optional.of(local.atZone(ZONE).toInstant());
        }
        Matcher m = DATE_TIME.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalDateTime local = date.atStartOfDay();
            if (m.group(4) != null) {
                int hour = Integer.parseInt(m.group(4));
                int minute = Integer.parseInt(m.group(5));
                double seconds = m.group(6) == null ? 0 : Double.parseDouble(m.group(6));
                if (hour > 23 || minute > 59 || seconds >= 60) {
                    return Optional.empty();
                }
                local = local.withHour(hour).withMinute(minute).withSecond((int) seconds);
            }
            if (m.group(7) != null) {
                String offset = m.group(7);
                if (!offset.equals("Z") && offset.length() == 5) {
                    offset = offset.substring(0, 3) + ":" + offset.substring(3);
                }
                return Optional.of(local.atOffset(ZoneOffset.of(offset)).toInstant());
            }
            return Optional.of(local.atZone(ZONE).toInstant());
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** 办理时限: a date-time, or a duration from {@code start} ("3个工作日", "2天", "24小时"). */
    static Optional<Instant> due(String text, Instant start, WorkingCalendar calendar) {
        String t = blankToNull(text);
        if (t == null) {
            return Optional.empty();
        }
        Optional<Instant> at = dateTime(t);
        if (at.isPresent()) {
            return at;
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        int amount = Integer.parseInt(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        return Optional.of(switch (unit) {
            case "工作日", "wd" -> calendar.addWorkingDays(start, amount);
            case "小时", "h" -> start.plus(Duration.ofHours(amount));
            default -> start.plus(Duration.ofDays(amount));
        });
    }

    /** 紧急程度 in words or as the English name; blank is NORMAL. */
    static Optional<Urgency> urgency(String text) {
        String t = blankToNull(text);
        if (t == null) {
            return Optional.of(Urgency.NORMAL);
        }
        return switch (t.toUpperCase(Locale.ROOT)) {
            case "一般", "普通", "正常", "平件", "NORMAL", "1" -> Optional.of(Urgency.NORMAL);
            case "紧急", "加急", "急", "急件", "URGENT", "2" -> Optional.of(Urgency.URGENT);
            case "特急", "特别紧急", "非常紧急", "特急件", "CRITICAL", "3" -> Optional.of(Urgency.CRITICAL);
            default -> Optional.empty();
        };
    }

    static Optional<Double> number(String text) {
        String t = blankToNull(text);
        if (t == null) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(t);
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An ISO-8601 rendering with the platform's offset, e.g. {@code 2026-05-01T10:20:30+08:00}. */
    static String iso(Instant instant) {
        return instant == null ? null : ISO.format(instant.atZone(ZONE));
    }
}
