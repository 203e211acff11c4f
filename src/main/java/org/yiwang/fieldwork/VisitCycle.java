package org.yiwang.fieldwork;

import org.yiwang.platform.LocalizedException;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * 走访周期 — the rounds in which every household of a grid is visited once. A cycle is a length in whole
 * months (calendar rounds: {@code P2M} from 1 January makes Jan–Feb, Mar–Apr, …) or in days ({@code P60D}),
 * counted from an anchor date. Round {@code n} starts at {@code anchor + (n − 1) × length}, always computed
 * from the anchor, so a round that starts on 31 January is followed by 31 March, not by a drifting 29 March.
 * Rounds before the anchor have numbers ≤ 0.
 */
public record VisitCycle(Period length, LocalDate anchor) {

    /** The longest cycle a grid may have: a year. */
    public static final int MAX_MONTHS = 12;
    public static final int MAX_DAYS = 366;

    public VisitCycle {
        if (length == null || anchor == null) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "cycle");
        }
        length = length.normalized();
        boolean months = length.getDays() == 0 && length.toTotalMonths() > 0 && length.toTotalMonths() <= MAX_MONTHS;
        boolean days = length.toTotalMonths() == 0 && length.getDays() > 0 && length.getDays() <= MAX_DAYS;
        if (!months && !days) {
            throw LocalizedException.badRequest("fieldwork.error.cycle", MAX_MONTHS, MAX_DAYS);
        }
        length = months ? Period.ofMonths((int) length.toTotalMonths()) : length; // P12M, not P1Y
    }

    /** Parses {@code P2M}, {@code P60D}, {@code 2M} or {@code 60D}; anything else is refused naming the field. */
    public static VisitCycle parse(String length, LocalDate anchor) {
        if (length == null || length.isBlank()) {
            throw LocalizedException.badRequest("fieldwork.error.cycle", MAX_MONTHS, MAX_DAYS);
        }
        String text = length.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            return new VisitCycle(Period.parse(text.startsWith("P") ? text : "P" + text), anchor);
        } catch (java.time.format.DateTimeParseException e) {
            throw LocalizedException.badRequest("fieldwork.error.cycle", MAX_MONTHS, MAX_DAYS);
        }
    }

    boolean inMonths() {
        return length.getDays() == 0;
    }

    /** One round of the cycle: its number, first day and the day after its last. */
    public record Round(long number, LocalDate start, LocalDate end) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && date.isBefore(end);
        }

        /** The last day of the round. */
        public LocalDate lastDay() {
            return end.minusDays(1);
        }
    }

    /** Round {@code number} (1 is the round that starts at the anchor). */
    public Round round(long number) {
        return new Round(number, startOf(number), startOf(number + 1));
    }

    /** The round a day falls in. */
    public Round roundOf(LocalDate date) {
        long number;
        if (inMonths()) {
            long months = length.toTotalMonths();
            // a first guess by whole months, then at most one step either way (plusMonths clamps to month ends)
            number = Math.floorDiv(ChronoUnit.MONTHS.between(anchor, date), months) + 1;
            while (startOf(number).isAfter(date)) {
                number--;
            }
            while (!startOf(number + 1).isAfter(date)) {
                number++;
            }
        } else {
            number = Math.floorDiv(ChronoUnit.DAYS.between(anchor, date), length.getDays()) + 1;
        }
        return round(number);
    }

    private LocalDate startOf(long number) {
        long steps = number - 1;
        return inMonths() ? anchor.plusMonths(steps * length.toTotalMonths()) : anchor.plusDays(steps * length.getDays());
    }
}
