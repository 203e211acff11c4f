package org.yiwang.fieldwork.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yiwang.fieldwork.CareVisits;
import org.yiwang.fieldwork.FieldTasks;
import org.yiwang.fieldwork.PatrolDay;
import org.yiwang.fieldwork.Patrols;
import org.yiwang.fieldwork.FieldworkProperties;
import org.yiwang.fieldwork.Visits;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.Role;
import org.yiwang.platform.YiwangProperties;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 今日 — the grid worker's (or community staff's) day on one page: orders with me to sign for, handle or return,
 * visits and checks handed to the grid (派发任务),
 * households due a visit, care visits overdue, and today's patrol against the 3-hour rule.
 */
@Controller
class TodayPageController {

    static final int LIST = 10;
    private static final Set<Action> ASSIGNEE_ACTIONS = EnumSet.of(Action.ACCEPT, Action.HANDLE, Action.RETURN);

    private final WorkOrderQueries orders;
    private final Visits visits;
    private final CareVisits care;
    private final Patrols patrols;
    private final FieldTasks tasks;
    private final FieldworkProperties properties;
    private final String tileUrl;
    private final Clock clock;

    TodayPageController(WorkOrderQueries orders, Visits visits, CareVisits care, Patrols patrols, FieldTasks tasks,
                        FieldworkProperties properties, YiwangProperties settings, Clock clock) {
        this.tasks = tasks;
        this.orders = orders;
        this.visits = visits;
        this.care = care;
        this.patrols = patrols;
        this.properties = properties;
        this.tileUrl = settings.map().tileUrl();
        this.clock = clock;
    }

    /** An order on the today page. */
    record OrderLine(long id, String number, String description, String status) {
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current(tileUrl);
    }

    @ModelAttribute("tab")
    String tab() {
        return "today";
    }

    @GetMapping("/m/today")
    String today(Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        List<OrderLine> mine = orders.list(new OrderFilter(null, true, null, null, null, null, null, null, true, null),
                        WorkOrderQueries.OrderSort.DUE_FIRST, 0, 200, actor).content().stream()
                .filter(o -> WorkOrderQueries.allowedActions(o, actor).stream().anyMatch(ASSIGNEE_ACTIONS::contains))
                .limit(LIST).map(TodayPageController::line).toList();
        model.addAttribute("orders", mine);
        java.time.Instant now = clock.instant();
        model.addAttribute("tasks", tasks.open(actor).stream().map(t -> TaskPageController.FieldTaskView.of(t, now)).toList());
        Visits.Page<Visits.HouseholdDue> due = visits.due(null, false, 0, LIST, actor);
        model.addAttribute("due", due);
        List<CareVisits.CarePerson> overdue = care.list(null, CareVisits.Filter.OVERDUE, actor);
        model.addAttribute("careOverdue", overdue.stream().limit(LIST).toList());
        model.addAttribute("careOverdueCount", care.overdue(actor));
        model.addAttribute("coverage", visits.coverage("grid", null, actor));
        boolean patrolling = actor.has(Role.GRID_WORKER);
        model.addAttribute("patrols", patrolling);
        if (patrolling) {
            LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
            PatrolDay day = patrols.days(actor, today, today).getFirst();
            model.addAttribute("day", day);
            model.addAttribute("minutes", day.inGrid().toMinutes());
            model.addAttribute("targetHours", properties.dailyTarget().toMinutes() / 60.0);
            model.addAttribute("patrol", patrols.running(actor).orElse(null));
        }
        return "fieldwork/today";
    }

    private static OrderLine line(WorkOrder order) {
        String text = order.description();
        return new OrderLine(order.id() == null ? 0 : order.id(), order.number(),
                text.length() > 60 ? text.substring(0, 60) + "…" : text, order.status().name());
    }
}
