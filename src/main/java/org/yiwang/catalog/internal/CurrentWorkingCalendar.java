package org.yiwang.catalog.internal;

import org.springframework.stereotype.Component;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.catalog.WorkingPeriod;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The {@link WorkingCalendar} other modules inject: the calendar of the current catalog snapshot. */
@Component
class CurrentWorkingCalendar implements WorkingCalendar {

    private final CatalogCache cache;

    CurrentWorkingCalendar(CatalogCache cache) {
        this.cache = cache;
    }

    private WorkingCalendar calendar() {
        return cache.snapshot().schedule();
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return calendar().isWorkingDay(date);
    }

    @Override
    public boolean isWorkingTime(Instant instant) {
        return calendar().isWorkingTime(instant);
    }

    @Override
    public List<WorkingPeriod> workingHours() {
        return calendar().workingHours();
    }

    @Override
    public Duration workingDayLength() {
        return calendar().workingDayLength();
    }

    @Override
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        return calendar().addWorkingTime(start, workingTime);
    }

    @Override
    public Instant addWorkingDays(Instant start, int days) {
        return calendar().addWorkingDays(start, days);
    }

    @Override
    public Duration workingTimeBetween(Instant a, Instant b) {
        return calendar().workingTimeBetween(a, b);
    }

    @Override
    public Instant due(Instant start, TimeLimit limit) {
        // one snapshot for the whole computation, even if the calendar changes meanwhile
        return calendar().due(start, limit);
    }

    @Override
    public double fractionUsed(Instant start, Instant now, TimeLimit limit) {
        return calendar().fractionUsed(start, now, limit);
    }
}
