package org.yiwang.sla;

import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.Dispute;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round over the clocks: the red ones first (past due, not breached), then those still red long
 * enough for the second rung of the ladder, then the yellow ones (past
 * the warning time, not warned), each acted on in its own transaction; last the 派单争议 past their arbitration limit
 * (仲裁超期). Safe to run on several nodes at once — each stage instance and each dispute is claimed by one of them only
 * (see {@link Escalations}).
 */
@Component
class SlaSweep {

    /** Rounds stop after this many batches, so that one round cannot run forever. */
    static final int MAX_BATCHES = 50;

    private final Clocks clocks;
    private final Escalations escalations;
    private final SlaProperties properties;
    private final WorkOrderQueries orders;

    SlaSweep(Clocks clocks, Escalations escalations, SlaProperties properties, WorkOrderQueries orders) {
        this.orders = orders;
        this.clocks = clocks;
        this.escalations = escalations;
        this.properties = properties;
    }

    /** What a round did: how many attempts ended how. */
    record Round(Map<Escalations.Outcome, Integer> outcomes) {

        Round {
            outcomes = Map.copyOf(outcomes);
        }

        int count(Escalations.Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    Round run(Instant now) {
        Map<Escalations.Outcome, Integer> outcomes = new EnumMap<>(Escalations.Outcome.class);
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<StageClock> red = clocks.dueForBreach(now, properties.batchSize());
            int done = 0;
            for (StageClock clock : red) {
                Escalations.Outcome outcome = escalations.breach(clock, now);
                outcomes.merge(outcome, 1, Integer::sum);
                done += outcome == Escalations.Outcome.BREACHED ? 1 : 0;
            }
            // a full batch with progress may have more behind it; one without progress would only repeat itself
            if (red.size() < properties.batchSize() || done == 0) {
                break;
            }
        }
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<StageClock> stillRed = clocks.dueForSecondRung(now, properties.ladder().secondRungAfter(), properties.batchSize());
            int done = 0;
            for (StageClock clock : stillRed) {
                Escalations.Outcome outcome = escalations.escalate(clock, now);
                outcomes.merge(outcome, 1, Integer::sum);
                done += outcome == Escalations.Outcome.ESCALATED ? 1 : 0;
            }
            if (stillRed.size() < properties.batchSize() || done == 0) {
                break;
            }
        }
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<StageClock> yellow = clocks.dueForWarning(now, properties.batchSize());
            int done = 0;
            for (StageClock clock : yellow) {
                Escalations.Outcome outcome = escalations.warn(clock, now);
                outcomes.merge(outcome, 1, Integer::sum);
                done += outcome == Escalations.Outcome.WARNED ? 1 : 0;
            }
            if (yellow.size() < properties.batchSize() || done == 0) {
                break;
            }
        }
        overdueRulings(now, outcomes);
        return new Round(outcomes);
    }

    /** The disputes waiting for a ruling past their arbitration limit and not escalated yet: each escalated once. */
    private void overdueRulings(Instant now, Map<Escalations.Outcome, Integer> outcomes) {
        Map<Long, WorkOrder> overdue = new LinkedHashMap<>();
        Map<Long, Instant> opened = new LinkedHashMap<>();
        for (WorkOrder order : orders.coHandlingQueue("DISPUTE", 0, properties.batchSize(), Actor.system()).content()) {
            Dispute dispute = order.dispute();
            if (dispute != null && now.isAfter(dispute.dueAt())) {
                overdue.put(order.id(), order);
                opened.put(order.id(), dispute.openedAt());
            }
        }
        overdue.keySet().removeAll(clocks.arbitrationEscalated(opened));
        for (WorkOrder order : overdue.values()) {
            outcomes.merge(escalations.arbitrationOverdue(order, now), 1, Integer::sum);
        }
    }
}
