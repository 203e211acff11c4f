package org.yiwang.sla;

import org.springframework.stereotype.Component;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.workorder.TrafficLight;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a stage turns yellow: the instant at which {@link TrafficLight#YELLOW_FROM 80 %} of its limit
 * is used, counted in the stage's own kind of time — natural time, or working time on the working
 * calendar, so that a weekend or a holiday between start and due does not count. Because the clock
 * stands still while suspended and an approved extension lengthens the limit, the limit is kept apart
 * from the span between start and due: the warning comes when 20 % of the limit remains before due.
 */
@Component
class WarningTime {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WarningTime.class);

    private final WorkingCalendar calendar;

    WarningTime(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The time between two instants as the stage counts it; negative when {@code to} is before {@code from}. */
    Duration span(Instant from, Instant to, boolean workingTime) {
        if (workingTime) {
            try {
                return calendar.workingTimeBetween(from, to);
            } catch (IllegalArgumentException outsideTheCalendar) {
                // a due time the calendar cannot reach (bad input from before dates were checked at the
                // edge): natural time, so that the order's clock still runs instead of parking its change
                log.warn("{}..{} lies outside the working calendar; counted in natural time", from, to);
            }
        }
        return Duration.between(from, to);
    }

    /** The instant at which {@code YELLOW_FROM} of {@code limit} is used, for a stage from {@code start} due at {@code due}. */
    Instant warnAt(Instant start, Instant due, Duration limit, boolean workingTime) {
        Duration remaining = share(limit, 1 - TrafficLight.YELLOW_FROM);
        Duration toWarning = span(start, due, workingTime).minus(remaining);
        if (toWarning.isNegative()) {
            toWarning = Duration.ZERO;
        }
        Instant warn = start.plus(toWarning);
        if (workingTime) {
            try {
                warn = calendar.addWorkingTime(start, toWarning);
            } catch (IllegalArgumentException outsideTheCalendar) {
                log.warn("warning time of a stage from {} due {} lies outside the working calendar; counted in natural time", start, due);
            }
        }
        return warn.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The share of the limit used at {@code now} (the clock's own "now" while suspended): 0 at the start,
     * 0.8 at {@link StageClock#warnAt()}, 1 at the due time, above 1 when overdue; NaN when no stage runs.
     */
    double usedFraction(StageClock clock, Instant now) {
        if (!clock.running()) {
            return Double.NaN;
        }
        Instant t = clock.effectiveNow(now);
        long limit = clock.limit().toMillis();
        if (limit <= 0) {
            return t.isAfter(clock.dueAt()) ? Double.POSITIVE_INFINITY : 0.0;
        }
        Duration remaining = span(t, clock.dueAt(), clock.workingTime());
        double used = (double) (limit - remaining.toMillis()) / limit;
        // working time stands still outside working hours: past the due time is overdue all the same
        return t.isAfter(clock.dueAt()) && used <= 1.0 ? Math.nextUp(1.0) : Math.max(0.0, used);
    }

    static Duration share(Duration limit, double fraction) {
        if (limit.getSeconds() > Long.MAX_VALUE / 1_000_000_000L - 1) {
            // beyond 292 years nanoseconds overflow; seconds are exact enough for such a limit
            return Duration.ofSeconds(Math.round(limit.getSeconds() * fraction));
        }
        return Duration.ofNanos(Math.round(limit.toNanos() * fraction));
    }
}
