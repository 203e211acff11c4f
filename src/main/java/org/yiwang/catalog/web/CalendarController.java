package org.yiwang.catalog.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.CalendarSettings;
import org.yiwang.catalog.CalendarYear;
import org.yiwang.catalog.DayKind;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.WorkSchedule;
import org.yiwang.catalog.WorkingPeriod;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The working calendar: holidays, make-up working days, working hours and weekend for staff to read and
 * administrators to change; which years are provisional; and deadlines computed on it.
 */
@RestController
@RequestMapping("/api/catalog/calendar")
class CalendarController {

    private final CalendarSettings settings;

    CalendarController(CalendarSettings settings) {
        this.settings = settings;
    }

    /** Hours, weekend, years, and the dates set (of {@code year}, or all). */
    @GetMapping
    CalendarJson calendar(@RequestParam(required = false) Integer year) {
        Access.staff();
        return json(year);
    }

    /** Sets a date: {@code {"kind": "HOLIDAY" | "MAKEUP_WORKDAY", "name": "春节"}}. */
    @PutMapping("/days/{date}")
    DayJson setDay(@PathVariable String date, @RequestBody DayInput input) {
        Actor actor = Access.admin();
        DayKind kind = Access.required("kind", input.kind(), DayKind.class, DayKind::parse);
        if (input.name() != null && input.name().strip().length() > CalendarDay.MAX_NAME_LENGTH) {
            throw LocalizedException.badRequest("catalog.calendar.nameTooLong", CalendarDay.MAX_NAME_LENGTH);
        }
        return DayJson.of(settings.setDay(new CalendarDay(Access.date("date", date), kind, input.name()), actor));
    }

    /** Returns a date to the weekly pattern. */
    @DeleteMapping("/days/{date}")
    ResponseEntity<Void> removeDay(@PathVariable String date) {
        Actor actor = Access.admin();
        settings.removeDay(Access.date("date", date), actor);
        return ResponseEntity.noContent().build();
    }

    /** Sets working hours and weekend: {@code {"workingHours": ["08:30-12:00", "13:30-17:30"], "weekend": ["SATURDAY", "SUNDAY"]}}. */
    @PutMapping("/hours")
    CalendarJson setHours(@RequestBody HoursInput input) {
        Actor actor = Access.admin();
        if (input.workingHours() == null || input.workingHours().isEmpty()) {
            throw LocalizedException.badRequest("error.missingParameter", "workingHours");
        }
        List<WorkingPeriod> hours = new ArrayList<>();
        for (String text : input.workingHours()) {
            try {
                hours.add(WorkingPeriod.parse(text));
            } catch (IllegalArgumentException e) {
                throw LocalizedException.badRequest("catalog.calendar.periodInvalid", String.valueOf(text));
            }
        }
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        for (String day : input.weekend() == null ? List.of("SATURDAY", "SUNDAY") : input.weekend()) {
            try {
                weekend.add(DayOfWeek.valueOf(String.valueOf(day).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw LocalizedException.badRequest("catalog.param.oneOf", "weekend", Arrays.toString(DayOfWeek.values()), day);
            }
        }
        settings.setWorkingHours(hours, weekend, actor);
        return json(null);
    }

    /** Marks a year's holiday data as final or provisional: {@code {"provisional": false, "source": "国办发明电〔2026〕…"}}. */
    @PutMapping("/years/{year}")
    CalendarYear setYear(@PathVariable int year, @RequestBody YearInput input) {
        Actor actor = Access.admin();
        if (year < WorkSchedule.FIRST_DAY.getYear() || year > WorkSchedule.LAST_DAY.getYear()) {
            throw LocalizedException.badRequest("catalog.calendar.dateOutOfRange", year, WorkSchedule.FIRST_DAY, WorkSchedule.LAST_DAY);
        }
        if (input.source() != null && input.source().strip().length() > CalendarYear.MAX_SOURCE_LENGTH) {
            throw LocalizedException.badRequest("catalog.calendar.sourceTooLong", CalendarYear.MAX_SOURCE_LENGTH);
        }
        return settings.setYear(new CalendarYear(year, Boolean.TRUE.equals(input.provisional()), input.source()), actor);
    }

    /** The deadline of {@code amount unit} from {@code start}. */
    @GetMapping("/due")
    Due due(@RequestParam String start, @RequestParam int amount, @RequestParam String unit) {
        Access.staff();
        Instant from = Access.instant("start", start);
        LimitUnit limitUnit = Access.required("unit", unit, LimitUnit.class, LimitUnit::parse);
        if (amount < 1 || amount > TimeLimit.MAX_AMOUNT) {
            throw LocalizedException.badRequest("catalog.timeLimit.amountInvalid", TimeLimit.MAX_AMOUNT);
        }
        try {
            return new Due(from, amount, limitUnit, settings.schedule().due(from, new TimeLimit(amount, limitUnit)));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("catalog.calendar.dateOutOfRange", start, WorkSchedule.FIRST_DAY, WorkSchedule.LAST_DAY);
        }
    }

    private CalendarJson json(Integer year) {
        WorkSchedule schedule = settings.schedule();
        List<CalendarDay> days = year == null ? schedule.days() : settings.days(year);
        return new CalendarJson(schedule.zone().getId(),
                schedule.workingHours().stream().map(WorkingPeriod::toString).toList(),
                schedule.weekend().stream().sorted().toList(), schedule.workingDayLength().toMinutes(),
                settings.years(), days.stream().map(DayJson::of).toList());
    }

    record DayInput(String kind, String name) {
    }

    record HoursInput(List<String> workingHours, List<String> weekend) {
    }

    record YearInput(Boolean provisional, String source) {
    }

    record DayJson(LocalDate date, DayOfWeek weekday, DayKind kind, String name) {

        static DayJson of(CalendarDay day) {
            return new DayJson(day.date(), day.date().getDayOfWeek(), day.kind(), day.name());
        }
    }

    /**
     * @param years years with holiday data; {@code provisional} ones lack the State Council's schedule
     */
    record CalendarJson(String zone, List<String> workingHours, List<DayOfWeek> weekend, long workingDayMinutes,
                        List<CalendarYear> years, List<DayJson> days) {
    }

    record Due(Instant start, int amount, LimitUnit unit, Instant due) {
    }
}
