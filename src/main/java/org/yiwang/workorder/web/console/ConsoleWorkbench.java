package org.yiwang.workorder.web.console;

import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;
import org.yiwang.platform.WorkbenchCard;
import org.yiwang.platform.WorkbenchCard.Tone;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The work orders on the 工作台: for a unit that handles orders (department, community, grid worker) what waits in
 * its inbox — to sign for, in hand, overdue; for the command centre what waits in the queue — to file, to
 * dispatch, to verify, extension requests, overdue. Two or three counting queries in the reader's scope.
 */
@Component
class ConsoleWorkbench implements WorkbenchCard.Source {

    private final WorkOrderQueries queries;

    ConsoleWorkbench(WorkOrderQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Actor actor) {
        List<WorkbenchCard> cards = new ArrayList<>();
        if (actor.hasAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER)) {
            Map<WorkOrderStatus, Long> open = queries.countByStatus(filter(false, false), actor);
            long overdue = sum(queries.countByStatus(filter(true, false), actor));
            cards.add(WorkbenchCard.count("console.workbench.toFile", open.getOrDefault(WorkOrderStatus.REPORTED, 0L),
                    "/console/queue?tab=reported", Tone.WARN, 10));
            cards.add(WorkbenchCard.count("console.workbench.toDispatch", open.getOrDefault(WorkOrderStatus.REGISTERED, 0L),
                    "/console/queue?tab=registered", Tone.WARN, 11));
            cards.add(WorkbenchCard.count("console.workbench.toVerify", open.getOrDefault(WorkOrderStatus.HANDLED, 0L)
                    + open.getOrDefault(WorkOrderStatus.VERIFYING, 0L), "/console/queue?tab=handled", Tone.NORMAL, 12));
            cards.add(WorkbenchCard.count("console.workbench.extensions", queries.countExtensionRequests(actor),
                    "/console/queue?tab=extensions", Tone.WARN, 13));
            cards.add(WorkbenchCard.count("console.workbench.overdue", overdue, "/console/overdue", Tone.ALERT, 14));
            cards.add(WorkbenchCard.count("console.workbench.open", sum(open), "/console/queue?tab=all", Tone.NORMAL, 15));
        } else if (actor.hasAny(Role.HANDLER, Role.COMMUNITY_STAFF, Role.GRID_WORKER)) {
            Map<WorkOrderStatus, Long> mine = queries.countByStatus(filter(false, true), actor);
            long overdue = sum(queries.countByStatus(filter(true, true), actor));
            cards.add(WorkbenchCard.count("console.workbench.toSign", mine.getOrDefault(WorkOrderStatus.DISPATCHED, 0L),
                    "/console/inbox?tab=dispatched", Tone.WARN, 10));
            cards.add(WorkbenchCard.count("console.workbench.inHand", mine.getOrDefault(WorkOrderStatus.ACCEPTED, 0L),
                    "/console/inbox?tab=accepted", Tone.NORMAL, 11));
            cards.add(WorkbenchCard.count("console.workbench.overdue", overdue, "/console/inbox?overdue=true", Tone.ALERT, 12));
        }
        return cards;
    }

    private static OrderFilter filter(boolean overdue, boolean mine) {
        return new OrderFilter(null, Boolean.TRUE, null, null, null, null, null, overdue ? Boolean.TRUE : null,
                mine ? Boolean.TRUE : null, null);
    }

    private static long sum(Map<WorkOrderStatus, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
