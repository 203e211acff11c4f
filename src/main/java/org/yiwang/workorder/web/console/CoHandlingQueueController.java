package org.yiwang.workorder.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.WorkOrderQueries;

import java.util.ArrayList;
import java.util.List;

/**
 * 退单与争议 — the command centre's two co-handling queues: co-handlers' 退单 waiting for the dispatcher to accept or
 * reject, and disputes (争议) waiting for a ruling (仲裁), soonest due first. Each row opens the order, where the
 * forms are. (A lead unit's 退单 puts the order straight back into the queue's 已立案 tab, marked 退回.)
 */
@Controller
class CoHandlingQueueController {

    private final WorkOrderQueries queries;
    private final ConsoleOrders orders;

    CoHandlingQueueController(WorkOrderQueries queries, ConsoleOrders orders) {
        this.queries = queries;
        this.orders = orders;
    }

    @GetMapping("/console/co-handling")
    String queue(@RequestParam(defaultValue = "returns") String tab, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.requireAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER);
        String attention = switch (tab) {
            case "returns" -> "RETURN";
            case "disputes" -> "DISPUTE";
            default -> throw LocalizedException.badRequest("error.typeMismatch", "tab", tab);
        };
        WorkOrderQueries.Page result = queries.coHandlingQueue(attention, page, QueueController.PAGE_SIZE, actor);
        List<QueueController.TabView> tabs = new ArrayList<>();
        for (String id : List.of("returns", "disputes")) {
            long count = id.equals(tab) ? result.totalElements()
                    : queries.coHandlingQueue(id.equals("returns") ? "RETURN" : "DISPUTE", 0, 1, actor).totalElements();
            tabs.add(new QueueController.TabView(id, "console.coHandling.tab." + id, count, id.equals(tab)));
        }
        model.addAttribute("tabs", tabs);
        model.addAttribute("tab", tab);
        model.addAttribute("rows", orders.rows(result.content()));
        model.addAttribute("pager", Pager.of(result.page(), result.size(), result.totalElements()));
        return "workorder/console/co-handling";
    }
}
