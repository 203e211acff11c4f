package org.yiwang.workorder.web.console;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.catalog.Stage;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;
import org.yiwang.sla.SlaQueries;

import java.time.Duration;
import java.util.List;

/** 超期督办 — the red orders of the command centre's territory, the longest overdue first, to supervise or whistle. */
@Controller
class OverdueController {

    private final SlaQueries sla;
    private final ConsoleOrders orders;
    private final MessageSource messages;

    OverdueController(SlaQueries sla, ConsoleOrders orders, MessageSource messages) {
        this.sla = sla;
        this.orders = orders;
        this.messages = messages;
    }

    /** One overdue order as the table shows it. */
    record Overdue(long id, String number, String categoryName, String stage, String due, String overdue,
                   String overdueWorking, String assignee, int supervisions, boolean suspended) {
    }

    @GetMapping("/console/overdue")
    String overdue(@RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.requireAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER);
        SlaQueries.OverduePage result = sla.overdue(actor, page, QueueController.PAGE_SIZE);
        List<Overdue> rows = result.content().stream().map(o -> new Overdue(o.clock().orderId(), o.clock().number(),
                orders.categoryName(o.clock().categoryCode()), stage(o.clock().stage()), ConsoleTime.show(o.clock().dueAt()),
                span(o.overdue()), o.overdueWorkingTime() == null ? null : span(o.overdueWorkingTime()),
                o.assigneeName() == null ? label("sla.unassigned") : o.assigneeName(), o.clock().supervisionCount(),
                o.clock().suspended())).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("at", ConsoleTime.show(result.at()));
        model.addAttribute("pager", Pager.of(result.page(), result.size(), result.totalElements()));
        model.addAttribute("mayAct", actor.hasAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER));
        return "workorder/console/overdue";
    }

    private String stage(Stage stage) {
        return stage == null ? "" : label("sla.stage." + stage.name());
    }

    private String span(Duration duration) {
        long[] p = ConsoleTime.parts(duration);
        if (p[0] > 0) {
            return label("console.span.days", p[0], p[1]);
        }
        return label("console.span.hours", p[1], p[2]);
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
