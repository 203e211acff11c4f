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

    static String write(WorkOrder o) {
        if (o.coHandlers.isEmpty() && o.dispute == null && o.returnedUnits.isEmpty() && o.boundUnits.isEmpty() && o.dispatchedAt == null) {
            return EMPTY;
        }
        List<StoredCoHandler> coHandlers = o.coHandlers.stream().map(c -> new StoredCoHandler(c.orgUnitId(), c.part(),
                c.assignedAt().toEpochMilli(), c.dueAt().toEpochMilli(), millis(c.reportedAt()),
                c.returnRequest() == null ? null : c.returnRequest().reason(),
                c.returnRequest() == null ? null : c.returnRequest().dutyItem(),
                c.returnRequest() == null ? null : c.returnRequest().at().toEpochMilli())).toList();
        Dispute d = o.dispute;
        StoredDispute dispute = d == null ? null : new StoredDispute(d.orgUnitId(), d.lead(), d.origin().name(), d.reason(),
                d.dutyItem(), d.openedAt().toEpochMilli(), d.dueAt().toEpochMilli());
        return JSON.writeValueAsString(new Stored(coHandlers, dispute, o.returnedUnits, o.boundUnits, millis(o.dispatchedAt)));
    }

    /**
     * Fills the order from the column. Orders stored before co-handling was recorded carry assisting units only: each
     * becomes a co-handler with a blank part due with the lead's handling while the order is with its units.
     */
    static void read(@Nullable String json, WorkOrder o) {
        if (json != null && !json.isBlank() && !json.equals(EMPTY)) {
            Stored s = JSON.readValue(json, Stored.class);
            o.coHandlers = new ArrayList<>();
            for (StoredCoHandler c : s.coHandlers() == null ? List.<StoredCoHandler>of() : s.coHandlers()) {
                o.coHandlers.add(new CoHandler(c.unit(), c.part(), Instant.ofEpochMilli(c.assignedAt()), Instant.ofEpochMilli(c.dueAt()),
                        instant(c.reportedAt()), c.returnAt() == null ? null
                        : new CoHandler.ReturnRequest(c.returnReason(), c.returnDutyItem(), Instant.ofEpochMilli(c.returnAt()))));
            }
            StoredDispute d = s.dispute();
            o.dispute = d == null ? null : new Dispute(d.unit(), d.lead(), Dispute.Origin.valueOf(d.origin()), d.reason(), d.dutyItem(),
                    Instant.ofEpochMilli(d.openedAt()), Instant.ofEpochMilli(d.dueAt()));
            o.returnedUnits = new ArrayList<>(s.returned() == null ? List.of() : s.returned());
            o.boundUnits = new ArrayList<>(s.bound() == null ? List.of() : s.bound());
            o.dispatchedAt = instant(s.dispatchedAt());
        }
        if (o.coHandlers.isEmpty() && !o.assistOrgUnitIds.isEmpty() && o.status != null && o.status.isWithHandler()) {
            Instant since = o.stageStartedAt != null ? o.stageStartedAt : o.createdAt;
            Instant due = o.deadline != null ? o.deadline.due() : since;
            for (Long unit : o.assistOrgUnitIds) {
                o.coHandlers.add(new CoHandler(unit, "", since, due, null, null));
            }
        }
    }

    private static @Nullable Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static @Nullable Instant instant(@Nullable Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
