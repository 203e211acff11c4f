package org.yiwang.services;

import org.jspecify.annotations.Nullable;
import org.yiwang.catalog.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;

/**
 * The limit of one application in working time: it runs from submission to {@code dueAt}; a 补正 stops it at
 * {@code suspendedAt}, and when the materials come the due time moves on by the working time spent waiting.
 */
public record ServiceClock(Instant startedAt, Instant dueAt, @Nullable Instant suspendedAt, Duration paused) {

    /** The clock of an application submitted at {@code start}: a 承诺件's promised working days, a 即办件's few working hours. */
    public static ServiceClock start(ServiceItem item, Instant start, Duration immediateLimit, WorkingCalendar calendar) {
        Instant due = item.kind() == ItemKind.PROMISED ? calendar.addWorkingDays(start, item.promisedDays())
                : calendar.addWorkingTime(start, immediateLimit);
        return new ServiceClock(start, due, null, Duration.ZERO);
    }

    public boolean suspended() {
        return suspendedAt != null;
    }

    /** 补正 asked: the clock stands still from {@code now}. */
    public ServiceClock suspend(Instant now) {
        return suspended() ? this : new ServiceClock(startedAt, dueAt, now, paused);
    }

    /** The materials came at {@code now}: the working time waited is added to the due time. */
    public ServiceClock resume(Instant now, WorkingCalendar calendar) {
        if (suspendedAt == null) {
            return this;
        }
        Duration waited = calendar.workingTimeBetween(suspendedAt, now);
        if (waited.isNegative()) {
            waited = Duration.ZERO;
        }
        return new ServiceClock(startedAt, calendar.addWorkingTime(dueAt, waited), null, paused.plus(waited));
    }

    /** The share of the limit used at {@code now}, the waiting for 补正 left out. */
    public double fractionUsed(Instant now, WorkingCalendar calendar) {
        Instant until = suspendedAt != null ? suspendedAt : now;
        Duration total = calendar.workingTimeBetween(startedAt, dueAt).minus(paused);
        Duration used = calendar.workingTimeBetween(startedAt, until).minus(paused);
        if (total.isZero() || total.isNegative()) {
            return until.isAfter(dueAt) ? 2 : 0;
        }
        return (double) used.toSeconds() / total.toSeconds();
    }

    public TrafficLight light(Instant now, WorkingCalendar calendar) {
        return TrafficLight.of(fractionUsed(now, calendar));
    }

    /** Whether an application ended at {@code end} kept its limit. */
    public boolean onTimeAt(Instant end) {
        return !end.isAfter(dueAt);
    }
}
