package org.yiwang.workorder;

import org.springframework.stereotype.Component;
import org.yiwang.ledger.Canonical;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves an order with everything that must commit with it: the new transitions in its history, one
 * ledger record each (一链治理), and one {@link WorkOrderJournaled} with them all in the journal, which the
 * {@link JournalFollower}s of other modules read after the commit. Either all of it is written or none.
 */
@Component
class OrderJournal {

    static final String LEDGER_STREAM = "workorder";

    private final WorkOrders orders;
    private final TransitionLog log;
    private final Ledger ledger;
    private final Journal journal;
    private final JournalTail tail;

    OrderJournal(WorkOrders orders, TransitionLog log, Ledger ledger, Journal journal, JournalTail tail) {
        this.orders = orders;
        this.log = log;
        this.ledger = ledger;
        this.journal = journal;
        this.tail = tail;
    }

    /** Must run inside the caller's transaction. */
    WorkOrder save(WorkOrder order) {
        List<Transition> transitions = order.pendingTransitions();
        WorkOrder saved = orders.save(order);
        log.append(saved, transitions);
        ledger.appendAll(transitions.stream()
                .map(t -> new LedgerRecord(LEDGER_STREAM, saved.number(), saved.districtCode(), t.action().name(),
                        t.at(), t.actorUserId(), canonical(saved, t)))
                .toList());
        if (!transitions.isEmpty()) {
            journal.record(new WorkOrderJournaled(transitions.stream().map(t -> WorkOrderTransitioned.of(saved, t)).toList()));
            tail.wakeAfterCommit(transitions.stream().map(Transition::action).toList());
        }
        saved.clearPendingTransitions();
        return saved;
    }

    static String canonical(WorkOrder order, Transition t) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("order", order.number());
        record.put("action", t.action().name());
        record.put("from", t.from() == null ? null : t.from().name());
        record.put("to", t.to().name());
        record.put("actor", t.actorUserId());
        record.put("at", t.at().toString());
        record.put("note", t.note());
        record.put("photos", t.photos());
        record.put("details", stringify(t.details()));
        record.put("grid", order.gridCode());
        record.put("category", order.categoryCode());
        return Canonical.json(record);
    }

    /** Ledger records hold plain JSON values: lists and maps stay, everything else becomes text or a number. */
    private static Map<String, Object> stringify(Map<String, Object> details) {
        Map<String, Object> plain = new LinkedHashMap<>();
        details.forEach((k, v) -> plain.put(k, v instanceof Number || v instanceof Boolean || v instanceof List<?> || v == null ? v : String.valueOf(v)));
        return plain;
    }
}
