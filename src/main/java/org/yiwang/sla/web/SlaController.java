package org.yiwang.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.platform.Actors;
import org.yiwang.sla.ClockEntry;
import org.yiwang.sla.SlaQueries;
import org.yiwang.sla.StageClock;
import org.yiwang.workorder.TrafficLight;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The traffic-light API for staff: overview by street and department, overdue orders, one order's clock. */
@RestController
@RequestMapping("/api/sla")
@Tag(name = "Time limits", description = "时限监控：红黄绿灯、超期工单、督办记录")
class SlaController {

    private final SlaQueries queries;
    private final MessageSource messages;

    SlaController(SlaQueries queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    @Operation(summary = "Green, yellow and red orders in your scope, in total, by street and by department")
    @GetMapping("/overview")
    Map<String, Object> overview() {
        SlaQueries.Overview overview = queries.overview(Actors.require());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", time(overview.at()));
        body.put("total", lights(overview.total()));
        body.put("byStreet", overview.byStreet().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("name", s.name());
            m.putAll(lights(s.lights()));
            return m;
        }).toList());
        body.put("byDepartment", overview.byDepartment().stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orgUnitId", u.orgUnitId());
            m.put("name", u.orgUnitId() == null ? label("sla.unassigned") : u.name());
            m.putAll(lights(u.lights()));
            return m;
        }).toList());
        return body;
    }

    @Operation(summary = "Red orders in your scope, the longest overdue first, with how long they are overdue")
    @GetMapping("/overdue")
    Map<String, Object> overdue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        SlaQueries.OverduePage result = queries.overdue(Actors.require(), page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", time(result.at()));
        body.put("content", result.content().stream().map(o -> {
            Map<String, Object> m = summary(o.clock());
            m.put("assigneeName", o.assigneeName());
            m.put("overdue", o.overdue().toString());
            m.put("overdueMinutes", o.overdue().toMinutes());
            if (o.overdueWorkingTime() != null) {
                m.put("overdueWorkingMinutes", o.overdueWorkingTime().toMinutes());
            }
            return m;
        }).toList());
        body.put("page", result.page());
        body.put("size", result.size());
        body.put("totalElements", result.totalElements());
        body.put("totalPages", (result.totalElements() + result.size() - 1) / result.size());
        return body;
    }

    @Operation(summary = "The time-limit clock of one order, with its light and the history of due times, warnings and escalations")
    @GetMapping("/orders/{id}")
    Map<String, Object> order(@PathVariable long id) {
        SlaQueries.Detail detail = queries.clock(id, Actors.require());
        StageClock c = detail.clock();
        Map<String, Object> body = summary(c);
        body.put("at", time(detail.at()));
        body.put("light", detail.light().name());
        body.put("lightLabel", label("sla.light." + detail.light().name()));
        if (!Double.isNaN(detail.usedFraction())) {
            body.put("usedPercent", Double.isInfinite(detail.usedFraction()) ? null : Math.round(detail.usedFraction() * 1000) / 10.0);
        }
        body.put("limit", c.limit() == null ? null : c.limit().toString());
        body.put("limitMinutes", c.limit() == null ? null : c.limit().toMinutes());
        body.put("suspendedAt", time(c.suspendedAt()));
        body.put("warnedAt", time(c.warnedAt()));
        body.put("breachedAt", time(c.breachedAt()));
        body.put("breachCount", c.breachCount());
        body.put("closedAt", time(c.closedAt()));
        body.put("history", detail.history().stream().map(this::entry).toList());
        return body;
    }

    private Map<String, Object> summary(StageClock c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", c.orderId());
        m.put("number", c.number());
        m.put("status", c.status().name());
        m.put("districtCode", c.districtCode());
        m.put("streetCode", c.streetCode());
        m.put("gridCode", c.gridCode());
        m.put("stage", c.stage() == null ? null : c.stage().name());
        m.put("stageLabel", stage(c.stage()));
        m.put("startedAt", time(c.startedAt()));
        m.put("warnAt", time(c.warnAt()));
        m.put("dueAt", time(c.dueAt()));
        m.put("workingTime", c.workingTime());
        m.put("suspended", c.suspended());
        m.put("assigneeOrgUnitId", c.assigneeOrgUnitId());
        m.put("assigneeUserId", c.assigneeUserId());
        m.put("supervisionCount", c.supervisionCount());
        m.put("escalated", c.escalated());
        return m;
    }

    private Map<String, Object> entry(ClockEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name());
        m.put("kindLabel", label("sla.entry." + e.kind().name()));
        m.put("at", time(e.at()));
        m.put("stage", e.stage() == null ? null : e.stage().name());
        m.put("stageLabel", stage(e.stage()));
        m.put("action", e.action() == null ? null : e.action().name());
        m.put("dueBefore", time(e.dueBefore()));
        m.put("dueAfter", time(e.dueAfter()));
        if (e.dueBefore() != null && e.dueAfter() != null) {
            m.put("movedBy", Duration.between(e.dueBefore(), e.dueAfter()).toString());
        }
        m.put("details", e.details());
        return m;
    }

    private static Map<String, Object> lights(SlaQueries.Lights lights) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(TrafficLight.GREEN.name().toLowerCase(java.util.Locale.ROOT), lights.green());
        m.put(TrafficLight.YELLOW.name().toLowerCase(java.util.Locale.ROOT), lights.yellow());
        m.put(TrafficLight.RED.name().toLowerCase(java.util.Locale.ROOT), lights.red());
        m.put("total", lights.total());
        return m;
    }

    private String stage(Stage stage) {
        return stage == null ? null : label("sla.stage." + stage.name());
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** Times carry the +08:00 offset, to the second, as in the work-order API. */
    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.ofInstant(instant, WorkingCalendar.ZONE).truncatedTo(ChronoUnit.SECONDS));
    }
}
