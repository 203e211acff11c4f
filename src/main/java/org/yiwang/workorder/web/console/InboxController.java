package org.yiwang.workorder.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderQueries.OrderSort;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 待办工单 — a department's (or community workstation's) inbox: the cases dispatched to its unit, to sign
 * for (签收) and to handle, red ones first.
 */
@Controller
class InboxController {

    private final WorkOrderQueries queries;
    private final ConsoleOrders orders;

    InboxController(WorkOrderQueries queries, ConsoleOrders orders) {
        this.queries = queries;
        this.orders = orders;
    }

    @GetMapping("/console/inbox")
    String inbox(@RequestParam(defaultValue = "open") String tab, @RequestParam(required = false) String q,
                 @RequestParam(required = false) String category, @RequestParam(defaultValue = "false") boolean overdue,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.requireAny(Role.HANDLER, Role.COMMUNITY_STAFF, Role.GRID_WORKER, Role.DISPATCHER, Role.ADMIN);
        WorkOrderStatus status = switch (tab) {
            case "dispatched" -> WorkOrderStatus.DISPATCHED;
            case "accepted" -> WorkOrderStatus.ACCEPTED;
            case "handled" -> WorkOrderStatus.HANDLED;
            case "open" -> null;
            default -> throw org.yiwang.platform.LocalizedException.badRequest("error.typeMismatch", "tab", tab);
        };
        boolean open = status == null;
        OrderFilter filter = new OrderFilter(status, open ? Boolean.TRUE : null, QueueController.blankToNull(category), null,
                null, null, null, overdue ? Boolean.TRUE : null, Boolean.TRUE, QueueController.blankToNull(q));
        WorkOrderQueries.Page result = queries.list(filter, OrderSort.DUE_FIRST, page, QueueController.PAGE_SIZE, actor);
        Map<WorkOrderStatus, Long> counts = queries.countByStatus(new OrderFilter(null, Boolean.TRUE, null, null, null, null,
                null, null, Boolean.TRUE, null), actor);
        List<QueueController.TabView> tabs = new ArrayList<>();
        for (String id : List.of("open", "dispatched", "accepted", "handled")) {
            long count = switch (id) {
                case "dispatched" -> counts.getOrDefault(WorkOrderStatus.DISPATCHED, 0L);
                case "accepted" -> counts.getOrDefault(WorkOrderStatus.ACCEPTED, 0L);
                case "handled" -> counts.getOrDefault(WorkOrderStatus.HANDLED, 0L);
                default -> counts.values().stream().mapToLong(Long::longValue).sum();
            };
            tabs.add(new QueueController.TabView(id, "console.inbox.tab." + id, count, id.equals(tab)));
        }
        model.addAttribute("tabs", tabs);
        model.addAttribute("tab", tab);
        model.addAttribute("rows", orders.rows(result.content()));
        model.addAttribute("pager", Pager.of(result.page(), result.size(), result.totalElements()));
        return "workorder/console/inbox";
    }
}
