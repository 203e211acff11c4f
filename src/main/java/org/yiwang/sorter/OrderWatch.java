package org.yiwang.sorter;

import org.springframework.stereotype.Component;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.util.List;

/**
 * Follows the work-order journal (after commit, in batches; a change applied again changes
 * nothing twice): a report is recorded and checked for duplicates and hot spots, a filing may be a
 * dispatcher's correction, a closed order becomes a training example, and whatever leaves the open states
 * stops being a duplicate candidate.
 */
@Component
class OrderWatch implements JournalFollower {

    private final IntakeTraces traces;
    private final Duplicates duplicates;
    private final Hotspots hotspots;
    private final TrainingHistory history;

    OrderWatch(IntakeTraces traces, Duplicates duplicates, Hotspots hotspots, TrainingHistory history) {
        this.traces = traces;
        this.duplicates = duplicates;
        this.hotspots = hotspots;
        this.history = history;
    }

    @Override
    public String name() {
        return "sorter.order-watch";
    }

    /**
     * The reports of the batch are recorded together first and checked for duplicates and hot spots together
     * (a few statements for the whole batch instead of about ten per report); then every change is applied in
     * journal order.
     */
    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        List<Long> reported = changes.stream().filter(OrderWatch::reports).map(WorkOrderJournaled::orderId).toList();
        if (!reported.isEmpty()) {
            List<IntakeTraces.Trace> open = traces.recordAll(reported).values().stream().filter(IntakeTraces.Trace::open).toList();
            duplicates.detectAll(open);
            hotspots.checkAll(open);
        }
        for (WorkOrderJournaled changed : changes) {
            if (reports(changed)) {
                reported(changed);
            } else {
                changed.transitions().forEach(this::apply);
            }
        }
    }

    /**
     * 附议 weighs in hot spots: the report counts once more for every supporter, and a report that now reaches the
     * threshold with the others of its window joins (or starts) a hot spot. Runs after the supporting transaction
     * committed; a report the journal has not brought here yet is recorded first.
     */
    @org.springframework.modulith.events.ApplicationModuleListener
    void on(org.yiwang.workorder.OrderSupported supported) {
        int supporters = Math.max(0, supported.residentsAffected() - 1);
        java.util.Optional<IntakeTraces.Trace> trace = traces.weigh(supported.orderId(), supporters);
        if (trace.isEmpty() && traces.record(supported.orderId()).isPresent()) {
            trace = traces.weigh(supported.orderId(), supporters);
        }
        trace.filter(IntakeTraces.Trace::open).ifPresent(t -> hotspots.checkAll(List.of(t)));
    }

    private static boolean reports(WorkOrderJournaled changed) {
        return changed.anyAction(Action.REPORT.name());
    }

    /**
     * The rest of a change that made the order (often filed and dispatched with it): its trace was recorded
     * as the order is now, and checked for duplicates and hot spots once, with the category it was filed
     * under, by {@link #apply(List)}; the later transitions of the same change need no trace update.
     */
    private void reported(WorkOrderJournaled changed) {
        for (WorkOrderTransitioned event : changed.transitions()) {
            switch (event.action()) {
                case REGISTER -> history.recordRegistration(event);
                case CLOSE, CLOSE_ON_SPOT, EVALUATE -> history.recordClosed(event);
                default -> { }
            }
            if (!event.to().isOpen()) {
                duplicates.obsolete(event.orderId());
            }
        }
    }

    private void apply(WorkOrderTransitioned event) {
        switch (event.action()) {
            case REGISTER -> {
                history.recordRegistration(event);
                traces.apply(event).ifPresent(hotspots::check);
            }
            case CLOSE, CLOSE_ON_SPOT, EVALUATE -> {
                history.recordClosed(event);
                traces.apply(event);
            }
            default -> {
                if (event.from() != event.to()) {
                    traces.apply(event);
                }
            }
        }
        if (!event.to().isOpen()) {
            duplicates.obsolete(event.orderId());
        }
    }
}
