package org.yiwang.whistle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.util.List;
import java.util.Set;

/**
 * A whistle on an order that is voided or merged into another has nothing left to summon for: the
 * platform withdraws it, so that departments are not reminded of — and assessed on — a dead order.
 * Follows the work-order journal after commit; a change applied again finds no open whistle and does nothing.
 */
@Component
class VoidedOrders implements JournalFollower {

    private static final Logger log = LoggerFactory.getLogger(VoidedOrders.class);

    private final WhistleActions actions;

    VoidedOrders(WhistleActions actions) {
        this.actions = actions;
    }

    @Override
    public String name() {
        return "whistle.voided-orders";
    }

    /** Only voided and merged orders (both end as VOIDED) matter here. */
    @Override
    public Set<Action> actions() {
        return Set.of(Action.VOID, Action.MERGE);
    }

    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        for (WorkOrderJournaled changed : changes) {
            if (changed.anyTo("VOIDED")) {
                changed.transitions().forEach(this::apply);
            }
        }
    }

    private void apply(WorkOrderTransitioned event) {
        if (event.to() != WorkOrderStatus.VOIDED) {
            return;
        }
        actions.cancelForVoidedOrder(event.orderId(), event.number())
                .ifPresent(w -> log.info("Withdrew whistle {} because work order {} was voided", w.number(), event.number()));
    }
}
