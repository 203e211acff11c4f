package org.yiwang.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The safety net under the events: every overdue order must have a clock that follows it, or it
 * would never be escalated. An event whose listener failed is only delivered again when the
 * application restarts; until then this audit finds overdue orders whose clock is missing or has
 * stayed behind, and sets the clock from the order, so that the next round escalates them.
 */
@Component
class ClockAudit {

    static final int PAGE_SIZE = WorkOrderQueries.MAX_PAGE_SIZE;
    static final int MAX_PAGES = 500;

    private static final Logger log = LoggerFactory.getLogger(ClockAudit.class);
    private static final OrderFilter OPEN_AND_OVERDUE = new OrderFilter(null, true, null, null, null, null, null, true, null, null);

    private final WorkOrderQueries orders;
    private final Clocks clocks;
    private final StageClocks stageClocks;
    private final SlaProperties properties;
    private final Clock clock;

    ClockAudit(WorkOrderQueries orders, Clocks clocks, StageClocks stageClocks, SlaProperties properties, Clock clock) {
        this.orders = orders;
        this.clocks = clocks;
        this.stageClocks = stageClocks;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many clocks were set from their order */
    int run() {
        Instant settled = clock.instant().minus(properties.resyncAfter());
        int repaired = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            WorkOrderQueries.Page overdue = orders.list(OPEN_AND_OVERDUE, page, PAGE_SIZE, Actor.system());
            Map<Long, StageClock> byOrder = clocks.findAll(overdue.content().stream().map(WorkOrder::id).toList()).stream()
                    .collect(Collectors.toMap(StageClock::orderId, Function.identity()));
            for (WorkOrder order : overdue.content()) {
                StageClock c = byOrder.get(order.id());
                boolean missing = c == null;
                if (missing || !Escalations.inStep(order, c) && clocks.updatedAt(order.id()).orElse(Instant.MIN).isBefore(settled)) {
                    log.warn("The clock of overdue order {} was {}; setting it from the order", order.number(),
                            missing ? "missing" : "behind the order");
                    stageClocks.resync(order);
                    repaired++;
                }
            }
            if ((long) (page + 1) * PAGE_SIZE >= overdue.totalElements()) {
                break;
            }
        }
        return repaired;
    }
}
