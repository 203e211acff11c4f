package org.yiwang.whistle;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yiwang.ledger.Canonical;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a whistle with everything that must commit with it: one ledger record per change (一链治理,
 * stream {@value #LEDGER_STREAM}) and one {@link WhistleEvent} per change (durable outbox). Either all of
 * it is written or none; must run inside the caller's transaction.
 */
@Component
class WhistleJournal {

    static final String LEDGER_STREAM = "whistle";

    private final Whistles whistles;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;

    WhistleJournal(Whistles whistles, Ledger ledger, ApplicationEventPublisher events) {
        this.whistles = whistles;
        this.ledger = ledger;
        this.events = events;
    }

    Whistle save(Whistle whistle) {
        List<Whistle.Change> changes = whistle.pendingChanges();
        whistles.save(whistle);
        for (Whistle.Change change : changes) {
            ledger.append(record(whistle, change.kind(), change.at(), change.actorUserId(), change.facts()));
            events.publishEvent(change.event().apply(whistle));
        }
        return whistle;
    }

    /** The ledger record of one step: the whistle's identity and street, the step's own facts. */
    static LedgerRecord record(Whistle whistle, String kind, Instant at, long actorUserId, Map<String, Object> facts) {
        return record(whistle.number(), whistle.orderNumber(), whistle.streetCode(), kind, at, actorUserId, facts);
    }

    static LedgerRecord record(String number, String orderNumber, String streetCode, String kind, Instant at,
                               long actorUserId, Map<String, Object> facts) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("whistle", number);
        canonical.put("order", orderNumber);
        canonical.put("street", streetCode);
        canonical.put("action", kind);
        canonical.put("actor", actorUserId);
        canonical.put("at", at.toString());
        canonical.put("facts", facts);
        return new LedgerRecord(LEDGER_STREAM, number, streetCode, kind, at, actorUserId, Canonical.json(canonical));
    }
}
