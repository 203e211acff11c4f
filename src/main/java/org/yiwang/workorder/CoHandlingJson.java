package org.yiwang.workorder;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code co_handling} column ⇄ the order's co-handlers, open dispute, returned and bound units (beside
 * {@link WorkOrderRows}). Instants are stored as epoch milliseconds. An order without any of it stores {@code {}}
 * without touching the JSON mapper, so that intake pays nothing for it.
 */
final class CoHandlingJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMPTY = "{}";

    record Stored(@Nullable List<StoredCoHandler> coHandlers, @Nullable StoredDispute dispute, @Nullable List<Long> returned,
                  @Nullable List<Long> bound, @Nullable Long dispatchedAt) {
    }

    record StoredCoHandler(long unit, @Nullable String part, long assignedAt, long dueAt, @Nullable Long reportedAt,
                           @Nullable String returnReason, @Nullable String returnDutyItem, @Nullable Long returnAt) {
    }

    record StoredDispute(long unit, boolean lead, String origin, String reason, String dutyItem, long openedAt, long dueAt) {
    }

    private CoHandlingJson() {
    }

    /** What the column holds, read: the assignee's co-handlers and dispatch time, the open dispute, returned and bound units. */
    record CoHandling(List<CoHandler> coHandlers, @Nullable Dispute dispute, List<Long> returned, List<Long> bound,
                      @Nullable Instant dispatchedAt) {
        static final CoHandling NONE = new CoHandling(List.of(), null, List.of(), List.of(), null);
    }

    static String write(WorkOrder o) {
        List<CoHandler> handlers = o.coHandlers();
        Dispute d = o.dispute();
        if (handlers.isEmpty() && d == null && o.returnedUnits.isEmpty() && o.boundUnits.isEmpty() && o.dispatchedAt() == null) {
            return EMPTY;
        }
        List<StoredCoHandler> coHandlers = handlers.stream().map(c -> new StoredCoHandler(c.orgUnitId(), c.part(),
                c.assignedAt().toEpochMilli(), c.dueAt().toEpochMilli(), millis(c.reportedAt()),
                c.returnRequest() == null ? null : c.returnRequest().reason(),
                c.returnRequest() == null ? null : c.returnRequest().dutyItem(),
                c.returnRequest() == null ? null : c.returnRequest().at().toEpochMilli())).toList();
        StoredDispute dispute = d == null ? null : new StoredDispute(d.orgUnitId(), d.lead(), d.origin().name(), d.reason(),
                d.dutyItem(), d.openedAt().toEpochMilli(), d.dueAt().toEpochMilli());
        return JSON.writeValueAsString(new Stored(coHandlers, dispute, o.returnedUnits, o.boundUnits, millis(o.dispatchedAt())));
    }

    /** The column read; {@link CoHandling#NONE} for an order without any of it. */
    static CoHandling read(@Nullable String json) {
        if (json == null || json.isBlank() || json.equals(EMPTY)) {
            return CoHandling.NONE;
        }
        Stored s = JSON.readValue(json, Stored.class);
        List<CoHandler> coHandlers = new ArrayList<>();
        for (StoredCoHandler c : s.coHandlers() == null ? List.<StoredCoHandler>of() : s.coHandlers()) {
            coHandlers.add(new CoHandler(c.unit(), c.part(), Instant.ofEpochMilli(c.assignedAt()), Instant.ofEpochMilli(c.dueAt()),
                    instant(c.reportedAt()), c.returnAt() == null ? null
                    : new CoHandler.ReturnRequest(c.returnReason(), c.returnDutyItem(), Instant.ofEpochMilli(c.returnAt()))));
        }
        StoredDispute d = s.dispute();
        Dispute dispute = d == null ? null : new Dispute(d.unit(), d.lead(), Dispute.Origin.valueOf(d.origin()), d.reason(), d.dutyItem(),
                Instant.ofEpochMilli(d.openedAt()), Instant.ofEpochMilli(d.dueAt()));
        return new CoHandling(coHandlers, dispute, s.returned() == null ? List.of() : s.returned(),
                s.bound() == null ? List.of() : s.bound(), instant(s.dispatchedAt()));
    }

    private static @Nullable Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static @Nullable Instant instant(@Nullable Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
