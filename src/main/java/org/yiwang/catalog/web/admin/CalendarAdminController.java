package org.yiwang.catalog.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.CalendarSettings;
import org.yiwang.catalog.CalendarYear;
import org.yiwang.catalog.DayKind;
import org.yiwang.catalog.WorkSchedule;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.catalog.WorkingPeriod;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 工作日历 — a year at a glance (working days, weekends, holidays and 调休 make-up working days), the
 * dates set for the year with their names, adding and removing a date, and the working hours and weekend.
 */
@Controller
class CalendarAdminController {

    private final CalendarSettings settings;
    private final MessageSource messages;

    CalendarAdminController(CalendarSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    /** One cell of a month: a date and what it is, or an empty cell before the first day. */
    record Day(LocalDate date, String kind, String name) {

        public int day() {
            return date == null ? 0 : date.getDayOfMonth();
        }
    }

    /** One month of the year view, as weeks of seven cells starting on Monday. */
    record Month(int month, List<List<Day>> weeks) {
    }

    @GetMapping("/admin/calendar")
    String year(@RequestParam(required = false) Integer year, Model model) {
        Actors.requireAny(Role.ADMIN);
        return page(year == null ? LocalDate.now(WorkingCalendar.ZONE).getYear() : year, null, null, model);
    }

    @PostMapping("/admin/calendar/days")
    String setDay(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String name, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        LocalDate day = null;
        try {
            day = date(date);
            DayKind dayKind = DayKind.parse(kind).orElseThrow(() -> LocalizedException.badRequest("catalog.param.oneOf", "kind",
                    java.util.Arrays.toString(DayKind.values()), String.valueOf(kind)));
            if (name != null && name.strip().length() > CalendarDay.MAX_NAME_LENGTH) {
                throw LocalizedException.badRequest("catalog.calendar.nameTooLong", CalendarDay.MAX_NAME_LENGTH);
            }
            settings.setDay(new CalendarDay(day, dayKind, name), admin);
            redirect.addFlashAttribute("flashSuccess", label("admin.calendar.daySet", day, label("admin.calendar.kind." + dayKind.name())));
            return "redirect:/admin/calendar?year=" + day.getYear();
        } catch (LocalizedException e) {
            response.setStatus(e.status().value());
            String message = label(e.messageKey(), e.args());
            model.addAttribute("flashError", message);
            return page(day == null ? LocalDate.now(WorkingCalendar.ZONE).getYear() : day.getYear(), message, null, model);
        }
    }

    @PostMapping("/admin/calendar/days/remove")
    String removeDay(@RequestParam(required = false) String date, RedirectAttributes redirect) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        LocalDate day = date(date);
        settings.removeDay(day, admin);
        redirect.addFlashAttribute("flashSuccess", label("admin.calendar.dayRemoved", day));
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    @PostMapping("/admin/calendar/hours")
    String setHours(@RequestParam(required = false) String hours, @RequestParam(required = false) List<String> weekend,
                    @RequestParam(required = false) Integer year, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        int shown = year == null ? LocalDate.now(WorkingCalendar.ZONE).getYear() : year;
        try {
            List<WorkingPeriod> periods = new ArrayList<>();
            for (String text : (hours == null ? "" : hours).split("[,，;；\\s]+")) {
                if (text.isBlank()) {
                    continue;
                }
                try {
                    periods.add(WorkingPeriod.parse(text));
                } catch (IllegalArgumentException e) {
                    throw LocalizedException.badRequest("catalog.calendar.periodInvalid", text);
                }
            }
            if (periods.isEmpty()) {
                throw LocalizedException.badRequest("error.missingParameter", "workingHours");
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : weekend == null ? List.<String>of() : weekend) {
                try {
                    days.add(DayOfWeek.valueOf(day.strip()));
                } catch (IllegalArgumentException e) {
                    throw LocalizedException.badRequest("catalog.param.oneOf", "weekend", java.util.Arrays.toString(DayOfWeek.values()), day);
                }
            }
            settings.setWorkingHours(periods, days, admin);
            redirect.addFlashAttribute("flashSuccess", label("admin.calendar.hoursSaved"));
            return "redirect:/admin/calendar?year=" + shown;
        } catch (LocalizedException e) {
            response.setStatus(e.status().value());
            String message = label(e.messageKey(), e.args());
            model.addAttribute("flashError", message);
            return page(shown, null, message, model);
        }
    }

    private String page(int year, String dayError, String hoursError, Model model) {
        if (year < WorkSchedule.FIRST_DAY.getYear() || year > WorkSchedule.LAST_DAY.getYear()) {
            throw LocalizedException.badRequest("catalog.calendar.dateOutOfRange", year, WorkSchedule.FIRST_DAY, WorkSchedule.LAST_DAY);
        }
        WorkSchedule schedule = settings.schedule();
        Map<LocalDate, CalendarDay> set = new HashMap<>();
        settings.days(year).forEach(d -> set.put(d.date(), d));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(new Day(null, "blank", null));
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                CalendarDay entry = set.get(date);
                String kind = entry != null ? (entry.kind() == DayKind.HOLIDAY ? "holiday" : "makeup")
                        : schedule.isWorkingDay(date) ? "work" : "weekend";
                week.add(new Day(date, kind, entry == null ? null : entry.name()));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Day(null, "blank", null));
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        CalendarYear info = settings.years().stream().filter(y -> y.year() == year).findFirst().orElse(null);
        model.addAttribute("year", year);
        model.addAttribute("yearInfo", info);
        model.addAttribute("months", months);
        model.addAttribute("days", settings.days(year));
        model.addAttribute("hours", schedule.workingHours().stream().map(WorkingPeriod::toString).collect(Collectors.joining(", ")));
        model.addAttribute("weekend", schedule.weekend());
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("dayError", dayError);
        model.addAttribute("hoursError", hoursError);
        model.addAttribute("workingDays", months.stream().flatMap(m -> m.weeks().stream()).flatMap(List::stream)
                .filter(d -> "work".equals(d.kind()) || "makeup".equals(d.kind())).count());
        return "catalog/admin/calendar";
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw LocalizedException.badRequest("catalog.param.date", "date", String.valueOf(text));
        }
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
