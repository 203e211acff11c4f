package org.yiwang.workorder.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderQueries.OrderSort;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 派遣台 — the command centre's queue: new reports to file (立案), cases to dispatch, cases with units,
 * results to verify and close, extension requests; the most urgent first.
 */
@Controller
class QueueController {

    static final int PAGE_SIZE = 20;

    private final WorkOrderQueries queries;
    private final ConsoleOrders orders;

    QueueController(WorkOrderQueries queries, ConsoleOrders orders) {
        this.queries = queries;
        this.orders = orders;
    }

    /** The tabs of the queue: a state of the main line, the extension requests, or everything. */
    enum Tab {
        REPORTED(WorkOrderStatus.REPORTED), REGISTERED(WorkOrderStatus.REGISTERED), DISPATCHED(WorkOrderStatus.DISPATCHED),
        ACCEPTED(WorkOrderStatus.ACCEPTED), HANDLED(WorkOrderStatus.HANDLED), VERIFYING(WorkOrderStatus.VERIFYING),
        EXTENSIONS(null), ALL(null);

        final WorkOrderStatus status;

        Tab(WorkOrderStatus status) {
            this.status = status;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Tab parse(String text) {
            for (Tab tab : values()) {
                if (tab.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return tab;
                }
            }
            throw LocalizedException.badRequest("error.typeMismatch", "tab", text);
        }
    }

    /** A tab as the page shows it, with how many orders wait there. */
    record TabView(String id, String labelKey, long count, boolean active) {
    }

    @GetMapping("/console")
    String start() {
        Actor actor = ConsoleAccess.staff();
        return "redirect:" + OrderPageController.listOf(actor);
    }

    @GetMapping("/console/queue")
    String queue(@RequestParam(defaultValue = "reported") String tab, @RequestParam(required = false) String q,
                 @RequestParam(required = false) String category, @RequestParam(required = false) String source,
                 @RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean overdue,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.requireAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER);
        Tab current = Tab.parse(tab);
        Source wantedSource = ConsoleAccess.enumOf(Source.class, "source", source);
        WorkOrderStatus wantedStatus = current == Tab.ALL ? ConsoleAccess.enumOf(WorkOrderStatus.class, "status", status) : current.status;
        OrderFilter filter = new OrderFilter(wantedStatus, null, blankToNull(category), wantedSource, null, null, null,
                overdue ? Boolean.TRUE : null, null, blankToNull(q));
        WorkOrderQueries.Page result = current == Tab.EXTENSIONS
                ? queries.extensionRequests(page, PAGE_SIZE, actor)
                : queries.list(filter, current == Tab.ALL ? OrderSort.NEWEST : OrderSort.DUE_FIRST, page, PAGE_SIZE, actor);

        Map<WorkOrderStatus, Long> counts = queries.countByStatus(new OrderFilter(null, Boolean.TRUE, null, null, null, null,
                null, null, null, null), actor);
        long extensions = queries.countExtensionRequests(actor);
        List<TabView> tabs = new ArrayList<>();
        for (Tab t : Tab.values()) {
            long count = t == Tab.ALL ? -1 : t == Tab.EXTENSIONS ? extensions : counts.getOrDefault(t.status, 0L);
            tabs.add(new TabView(t.id(), "console.tab." + t.id(), count, t == current));
        }
        model.addAttribute("tabs", tabs);
        model.addAttribute("tab", current.id());
        model.addAttribute("rows", orders.rows(result.content()));
        model.addAttribute("pager", Pager.of(result.page(), result.size(), result.totalElements()));
        model.addAttribute("sources", Source.values());
        model.addAttribute("statuses", WorkOrderStatus.values());
        model.addAttribute("readOnly", !actor.hasAny(Role.DISPATCHER, Role.ADMIN));
        return "workorder/console/queue";
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
