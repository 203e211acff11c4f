package org.yiwang.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.yiwang.workorder.Action;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /** How many running clocks show each colour. */
    @Schema(name = "SlaLights")
    record Lights(long green, long yellow, long red, long total) {
    }

    /** The lights of one street. */
    @Schema(name = "SlaStreetLights")
    record StreetLights(String code, String name, long green, long yellow, long red, long total) {
    }

    /** The lights of the orders with one unit ({@code orgUnitId} absent: not dispatched yet). */
    @Schema(name = "SlaDepartmentLights")
    record DepartmentLights(Long orgUnitId, String name, long green, long yellow, long red, long total) {
    }

    /** The lights of the reader's scope at {@code at}. */
    @Schema(name = "SlaOverview")
    record Overview(String at, Lights total, List<StreetLights> byStreet, List<DepartmentLights> byDepartment) {
    }

    /** A red order and how long it is overdue (ISO-8601 duration and minutes; working minutes on working-time limits). */
    @Schema(name = "SlaOverdueOrder")
    record OverdueOrder(long orderId, String number, WorkOrderStatus status, String districtCode, String streetCode,
                        String gridCode, Stage stage, String stageLabel, String startedAt, String warnAt, String dueAt,
                        boolean workingTime, boolean suspended, Long assigneeOrgUnitId, Long assigneeUserId,
                        int supervisionCount, boolean escalated, String assigneeName, String overdue, long overdueMinutes,
                        Long overdueWorkingMinutes) {
    }

    /** A page of red orders at {@code at}. */
    @Schema(name = "SlaOverduePage")
    record OverduePage(String at, List<OverdueOrder> content, int page, int size, long totalElements, long totalPages) {
    }

    /** One entry of an order's clock history: a start, a moved due time, a warning, an escalation … */
    @Schema(name = "SlaClockEntry")
    record Entry(ClockEntry.Kind kind, String kindLabel, String at, Stage stage, String stageLabel, Action action,
                 String dueBefore, String dueAfter, @Schema(description = "ISO-8601 duration from dueBefore to dueAfter") String movedBy,
                 @Schema(description = "facts of the entry: notified users, supervision level, breach count") Map<String, Object> details) {
    }

    /** One order's time-limit clock; {@code usedPercent} absent while no limit runs or once past all bounds. */
    @Schema(name = "SlaOrderClock")
    record OrderClock(long orderId, String number, WorkOrderStatus status, String districtCode, String streetCode,
                      String gridCode, Stage stage, String stageLabel, String startedAt, String warnAt, String dueAt,
                      boolean workingTime, boolean suspended, Long assigneeOrgUnitId, Long assigneeUserId,
                      int supervisionCount, boolean escalated, String at, TrafficLight light, String lightLabel,
                      Double usedPercent, String limit, Long limitMinutes, String suspendedAt, String warnedAt,
                      String breachedAt, int breachCount, String closedAt, List<Entry> history) {
    }

    @Operation(summary = "Green, yellow and red orders in your scope, in total, by street and by department")
    @GetMapping("/overview")
    Overview overview() {
        SlaQueries.Overview overview = queries.overview(Actors.require());
        return new Overview(time(overview.at()), lights(overview.total()),
                overview.byStreet().stream().map(s -> new StreetLights(s.code(), s.name(), s.lights().green(),
                        s.lights().yellow(), s.lights().red(), s.lights().total())).toList(),
                overview.byDepartment().stream().map(u -> new DepartmentLights(u.orgUnitId(),
                        u.orgUnitId() == null ? label("sla.unassigned") : u.name(), u.lights().green(), u.lights().yellow(),
                        u.lights().red(), u.lights().total())).toList());
    }

    @Operation(summary = "Red orders in your scope, the longest overdue first, with how long they are overdue")
    @GetMapping("/overdue")
    OverduePage overdue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        SlaQueries.OverduePage result = queries.overdue(Actors.require(), page, size);
        return new OverduePage(time(result.at()), result.content().stream().map(o -> {
            StageClock c = o.clock();
            return new OverdueOrder(c.orderId(), c.number(), c.status(), c.districtCode(), c.streetCode(), c.gridCode(),
                    c.stage(), stage(c.stage()), time(c.startedAt()), time(c.warnAt()), time(c.dueAt()), c.workingTime(),
                    c.suspended(), c.assigneeOrgUnitId(), c.assigneeUserId(), c.supervisionCount(), c.escalated(),
                    o.assigneeName(), o.overdue().toString(), o.overdue().toMinutes(),
                    o.overdueWorkingTime() == null ? null : o.overdueWorkingTime().toMinutes());
        }).toList(), result.page(), result.size(), result.totalElements(),
                (result.totalElements() + result.size() - 1) / result.size());
    }

    @Operation(summary = "The time-limit clock of one order, with its light and the history of due times, warnings and escalations")
    @GetMapping("/orders/{id}")
    OrderClock order(@PathVariable long id) {
        SlaQueries.Detail detail = queries.clock(id, Actors.require());
        StageClock c = detail.clock();
        double used = detail.usedFraction();
        return new OrderClock(c.orderId(), c.number(), c.status(), c.districtCode(), c.streetCode(), c.gridCode(),
                c.stage(), stage(c.stage()), time(c.startedAt()), time(c.warnAt()), time(c.dueAt()), c.workingTime(),
                c.suspended(), c.assigneeOrgUnitId(), c.assigneeUserId(), c.supervisionCount(), c.escalated(),
                time(detail.at()), detail.light(), label("sla.light." + detail.light().name()),
                Double.isNaN(used) || Double.isInfinite(used) ? null : Math.round(used * 1000) / 10.0,
                c.limit() == null ? null : c.limit().toString(), c.limit() == null ? null : c.limit().toMinutes(),
                time(c.suspendedAt()), time(c.warnedAt()), time(c.breachedAt()), c.breachCount(), time(c.closedAt()),
                detail.history().stream().map(this::entry).toList());
    }

    private Entry entry(ClockEntry e) {
        return new Entry(e.kind(), label("sla.entry." + e.kind().name()), time(e.at()), e.stage(), stage(e.stage()), e.action(),
                time(e.dueBefore()), time(e.dueAfter()),
                e.dueBefore() != null && e.dueAfter() != null ? Duration.between(e.dueBefore(), e.dueAfter()).toString() : null,
                e.details());
    }

    private static Lights lights(SlaQueries.Lights lights) {
        return new Lights(lights.green(), lights.yellow(), lights.red(), lights.total());
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
