package org.yiwang.whistle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;

/**
 * A whistle on an order that is voided or merged into another has nothing left to summon for: the
 * platform withdraws it, so that departments are not reminded of — and assessed on — a dead order.
 * Runs after the order's transaction committed; a redelivered event finds no open whistle and does nothing.
 */
@Component
class VoidedOrders {

    private static final Logger log = LoggerFactory.getLogger(VoidedOrders.class);

    private final WhistleActions actions;

    VoidedOrders(WhistleActions actions) {
        this.actions = actions;
    }

    @ApplicationModuleListener(condition = "#changed.anyTo('VOIDED')")
    void on(WorkOrderJournaled changed) {
        changed.transitions().forEach(this::apply);
    }

    private void apply(WorkOrderTransitioned event) {
        if (event.to() != WorkOrderStatus.VOIDED) {
            return;
        }
        actions.cancelForVoidedOrder(event.orderId(), event.number())
                .ifPresent(w -> log.info("Withdrew whistle {} because work order {} was voided", w.number(), event.number()));
    }
}
