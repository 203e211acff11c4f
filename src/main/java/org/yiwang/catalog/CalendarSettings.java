package org.yiwang.catalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.internal.CalendarStore;
import org.yiwang.catalog.internal.CatalogCache;
import org.yiwang.catalog.internal.CatalogRevision;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Administration of the {@link WorkingCalendar}: holidays and make-up working days, working hours and
 * weekend, and which years have (final or provisional) holiday data. Every change reloads the calendar
 * in memory.
 */
@Service
public class CalendarSettings {

    private final CatalogCache cache;
    private final CalendarStore store;
    private final CatalogRevision revision;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarSettings(CatalogCache cache, CalendarStore store, CatalogRevision revision, ApplicationEventPublisher events,
                     Clock clock) {
        this.cache = cache;
        this.store = store;
        this.revision = revision;
        this.events = events;
        this.clock = clock;
    }

    /** The calendar in use now. */
    public WorkSchedule schedule() {
        return cache.snapshot().schedule();
    }

    /** Years with holiday data; a provisional year still needs the State Council's schedule. */
    public List<CalendarYear> years() {
        return cache.snapshot().years();
    }

    /** The holidays and make-up working days of a year. */
    public List<CalendarDay> days(int year) {
        return schedule().days().stream().filter(d -> d.date().getYear() == year).toList();
    }

    /** Sets a date to a holiday or a make-up working day, replacing what it was. */
    @Transactional
    public CalendarDay setDay(CalendarDay day, Actor actor) {
        checkInRange(day.date());
        store.setDay(day, actor.username(), clock.instant());
        store.addYearIfAbsent(day.date().getYear(), actor.username(), clock.instant());
        changed(day.date());
        return day;
    }

    /** Returns a date to the weekly pattern; 404 when it was not set. */
    @Transactional
    public void removeDay(LocalDate date, Actor actor) {
        if (!store.deleteDay(date)) {
            throw LocalizedException.notFound("catalog.calendar.dayNotFound", date);
        }
        changed(date);
    }

    /** Sets the working hours and the weekend; 400 when they make no usable calendar. */
    @Transactional
    public void setWorkingHours(List<WorkingPeriod> hours, Set<DayOfWeek> weekend, Actor actor) {
        try {
            new WorkSchedule(hours, weekend, List.of(), WorkingCalendar.ZONE);
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("catalog.calendar.hoursInvalid", WorkSchedule.MAX_PERIODS);
        }
        store.saveSettings(new CalendarStore.Settings(hours, weekend), actor.username(), clock.instant());
        changed(WorkSchedule.FIRST_DAY);
    }

    /** Records whether a year's holiday data is final or provisional, and its source. */
    @Transactional
    public CalendarYear setYear(CalendarYear year, Actor actor) {
        store.setYear(year, actor.username(), clock.instant());
        revision.bump();
        cache.reloadAfterCommit();
        return year;
    }

    private static void checkInRange(LocalDate date) {
        if (date.isBefore(WorkSchedule.FIRST_DAY) || date.isAfter(WorkSchedule.LAST_DAY)) {
            throw LocalizedException.badRequest("catalog.calendar.dateOutOfRange", date, WorkSchedule.FIRST_DAY, WorkSchedule.LAST_DAY);
        }
    }

    private void changed(LocalDate from) {
        revision.bump();
        events.publishEvent(new WorkingCalendarChanged(from));
        cache.reloadAfterCommit();
    }
}
