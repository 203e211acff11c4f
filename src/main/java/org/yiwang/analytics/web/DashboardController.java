package org.yiwang.analytics.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.analytics.Dashboard;
import org.yiwang.analytics.Indicators;
import org.yiwang.analytics.Period;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 数据看板 — the dashboard for leaders and the command centre: today's intake, open and overdue
 * orders, 按期结案率, mean time to close and 满意率 for a period, by street and by department, the trend
 * of the last 30 days and the top categories. Every chart has a table beside it with the same figures.
 */
@Controller
class DashboardController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Period.ZONE);

    private final Indicators indicators;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    DashboardController(Indicators indicators, JsonMapper json, Clock clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.indicators = indicators;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String period, Model model) {
        Actor actor = Actors.requireAny(Role.LEADER, Role.DISPATCHER, Role.ADMIN);
        Dashboard dashboard = indicators.dashboard(actor, Period.of(period, clock));
        model.addAttribute("d", dashboard);
        model.addAttribute("periods", Period.KEYS);
        model.addAttribute("asOf", TIME.format(dashboard.at()));
        model.addAttribute("from", TIME.format(dashboard.period().from()));
        // the 一网通办 card links to the services desk, which lets leaders and administrators in (and clerks, not dispatchers)
        model.addAttribute("servicesDesk", actor.hasAny(Role.LEADER, Role.ADMIN));
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Unnamed unnamed = new Unnamed(messages.getMessage("analytics.col.noStreet", null, locale),
                messages.getMessage("analytics.col.noUnit", null, locale), messages.getMessage("analytics.map.uncategorised", null, locale));
        model.addAttribute("chartJson", org.yiwang.platform.InlineJson.escape(json.writeValueAsString(charts(dashboard, unnamed))));
        return "analytics/dashboard";
    }

    /** What the charts call a row without a name, as the tables beside them do: no street, no unit, not categorised. */
    record Unnamed(String street, String unit, String category) {
    }

    /** The figures the charts draw, in the shape the page's script reads. */
    static Map<String, Object> charts(Dashboard d, Unnamed unnamed) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("trend", Map.of(
                "days", d.trend().stream().map(day -> day.day().toString().substring(5)).toList(),
                "intake", d.trend().stream().map(Dashboard.Day::intake).toList(),
                "closed", d.trend().stream().map(Dashboard.Day::closed).toList()));
        charts.put("streets", rows(d.byStreet(), unnamed.street()));
        charts.put("departments", rows(d.byDepartment().stream().limit(15).toList(), unnamed.unit()));
        charts.put("categories", Map.of(
                "names", d.topCategories().stream().map(c -> c.name() == null ? unnamed.category() : c.name()).toList(),
                "counts", d.topCategories().stream().map(Dashboard.CategoryCount::count).toList()));
        return charts;
    }

    private static Map<String, Object> rows(List<Dashboard.Row> rows, String unnamed) {
        return Map.of(
                "names", rows.stream().map(r -> r.name() == null ? unnamed : r.name()).toList(),
                "open", rows.stream().map(Dashboard.Row::open).toList(),
                "overdue", rows.stream().map(Dashboard.Row::overdue).toList(),
                "onTime", rows.stream().map(r -> r.onTimeRate() == null ? null : Math.round(r.onTimeRate() * 1000) / 10.0).toList());
    }
}
