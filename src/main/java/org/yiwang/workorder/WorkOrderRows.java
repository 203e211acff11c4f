package org.yiwang.workorder;

import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;

import org.jspecify.annotations.Nullable;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows of {@code workorder_order} ⇄ {@link WorkOrder}: every column in one place, beside the repository
 * ({@link WorkOrders}) rather than in the aggregate. Plain JDBC, because a generic mapper spent a
 * quarter of the server's CPU under load on reflection.
 */
final class WorkOrderRows {

    /** Every column of {@code workorder_order}, in table order. */
    static final List<String> COLUMNS = List.of("id", "version", "number", "district_code", "street_code", "community_code",
            "grid_code", "lat", "lon", "address", "source", "urgency", "category_code", "description", "reporter_user_id",
            "reporter_name", "reporter_phone", "status", "assignee_org_unit_id", "assignee_user_id", "assist_org_unit_ids",
            "routing_level", "stage", "stage_started_at", "stage_clock_started_at", "stage_due_at", "stage_working_time",
            "stage_rule", "suspended", "suspended_at", "extension_requested_until", "supervision_count", "rework_count",
            "return_count", "verified", "satisfaction", "master_order_id", "idempotency_key", "created_at", "updated_at",
            "handled_at", "closed_at", "handled_on_time", "closed_on_time", "external_due_at", "co_handling", "co_handling_attention");

    private WorkOrderRows() {
    }

    /** An order as stored, from the current row. */
    static WorkOrder read(ResultSet rs) throws SQLException {
        WorkOrder o = new WorkOrder();
        o.id = rs.getObject("id", Long.class);
        o.version = rs.getInt("version");
        o.number = rs.getString("number");
        o.place = new Place(rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("grid_code"),
                rs.getString("community_code"), rs.getString("street_code"), rs.getString("district_code"));
        o.address = rs.getString("address");
        o.source = name(rs, "source", Source::valueOf);
        o.urgency = name(rs, "urgency", Urgency::valueOf);
        o.categoryCode = rs.getString("category_code");
        o.description = rs.getString("description");
        o.reporterUserId = rs.getObject("reporter_user_id", Long.class);
        o.reporterName = rs.getString("reporter_name");
        o.reporterPhone = rs.getString("reporter_phone");
        o.status = name(rs, "status", WorkOrderStatus::valueOf);
        o.stage = name(rs, "stage", Stage::valueOf);
        o.stageStartedAt = instant(rs, "stage_started_at");
        o.stageClockStartedAt = instant(rs, "stage_clock_started_at");
        Instant due = instant(rs, "stage_due_at");
        o.deadline = due == null ? null : new Deadline(due, rs.getBoolean("stage_working_time"), rs.getString("stage_rule"));
        o.suspended = rs.getBoolean("suspended");
        o.suspendedAt = instant(rs, "suspended_at");
        o.extensionRequestedUntil = instant(rs, "extension_requested_until");
        o.supervisionCount = rs.getInt("supervision_count");
        o.reworkCount = rs.getInt("rework_count");
        o.returnCount = rs.getInt("return_count");
        o.idempotencyKey = rs.getString("idempotency_key");
        o.createdAt = instant(rs, "created_at");
        o.updatedAt = instant(rs, "updated_at");
        o.externalDueAt = instant(rs, "external_due_at");
        CoHandlingJson.CoHandling co = CoHandlingJson.read(rs.getString("co_handling"));
        o.returnedUnits = new ArrayList<>(co.returned());
        o.boundUnits = new ArrayList<>(co.bound());
        o.handling = handling(rs, o, co);
        return o;
    }

    /** The facts of the row's state, and only those: a column that does not belong to the state is not read. */
    private static Handling handling(ResultSet rs, WorkOrder o, CoHandlingJson.CoHandling co) throws SQLException {
        Instant handledAt = instant(rs, "handled_at");
        return switch (o.status) {
            case REPORTED, REGISTERED -> new Handling.Unassigned();
            case DISPATCHED, ACCEPTED -> new Handling.WithUnit(assignee(rs, o, co, null), co.dispute());
            case HANDLED, VERIFYING -> {
                Instant at = handledAt != null ? handledAt : o.updatedAt;
                yield new Handling.Handled(assignee(rs, o, co, at), new Handling.Feedback(at, rs.getBoolean("handled_on_time")),
                        rs.getBoolean("verified"));
            }
            case CLOSED, EVALUATED -> {
                Handling.Assignee unit = assignee(rs, o, co, handledAt != null ? handledAt : o.updatedAt);
                Instant closedAt = instant(rs, "closed_at");
                yield new Handling.Closed(unit.orgUnitId() == null && unit.userId() == null && unit.coHandlers().isEmpty() ? null : unit,
                        handledAt == null ? null : new Handling.Feedback(handledAt, rs.getBoolean("handled_on_time")),
                        closedAt != null ? closedAt : o.updatedAt, rs.getBoolean("closed_on_time"),
                        name(rs, "satisfaction", Satisfaction::valueOf));
            }
            case VOIDED -> {
                Long master = rs.getObject("master_order_id", Long.class);
                yield master == null ? new Handling.Voided() : new Handling.Merged(master);
            }
        };
    }

    /**
     * The responsible unit and person. Orders stored before co-handling was recorded carry assisting units only: each
     * becomes a co-handler with a blank part, due with the lead's handling while the order is with its units, and
     * reported when the order was handled ({@code reportedAt}) once it was.
     */
    private static Handling.Assignee assignee(ResultSet rs, WorkOrder o, CoHandlingJson.CoHandling co, @Nullable Instant reportedAt)
            throws SQLException {
        List<CoHandler> coHandlers = co.coHandlers();
        List<Long> assists = longs(rs, "assist_org_unit_ids");
        if (coHandlers.isEmpty() && !assists.isEmpty()) {
            Instant since = o.stageStartedAt != null ? o.stageStartedAt : o.createdAt;
            Instant due = reportedAt != null ? reportedAt : o.deadline != null ? o.deadline.due() : since;
            coHandlers = assists.stream().map(unit -> new CoHandler(unit, "", since, due, reportedAt, null)).toList();
        }
        return new Handling.Assignee(rs.getObject("assignee_org_unit_id", Long.class), rs.getObject("assignee_user_id", Long.class),
                rs.getString("routing_level"), coHandlers, co.dispatchedAt());
    }

    /** The values of every column but {@code id} and {@code version}, by column name. */
    static Map<String, Object> values(WorkOrder o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("number", o.number);
        v.put("district_code", o.place.districtCode());
        v.put("street_code", o.place.streetCode());
        v.put("community_code", o.place.communityCode());
        v.put("grid_code", o.place.gridCode());
        v.put("lat", o.place.lat());
        v.put("lon", o.place.lon());
        v.put("address", o.address);
        v.put("source", o.source == null ? null : o.source.name());
        v.put("urgency", o.urgency == null ? null : o.urgency.name());
        v.put("category_code", o.categoryCode);
        v.put("description", o.description);
        v.put("reporter_user_id", o.reporterUserId);
        v.put("reporter_name", o.reporterName);
        v.put("reporter_phone", o.reporterPhone);
        v.put("status", o.status == null ? null : o.status.name());
        v.put("assignee_org_unit_id", o.assigneeOrgUnitId());
        v.put("assignee_user_id", o.assigneeUserId());
        v.put("assist_org_unit_ids", o.assistOrgUnitIds().toArray(Long[]::new));
        v.put("routing_level", o.routingLevel());
        v.put("stage", o.stage == null ? null : o.stage.name());
        v.put("stage_started_at", timestamp(o.stageStartedAt));
        v.put("stage_clock_started_at", timestamp(o.stageClockStartedAt));
        v.put("stage_due_at", o.deadline == null ? null : timestamp(o.deadline.due()));
        v.put("stage_working_time", o.deadline != null && o.deadline.workingTime());
        v.put("stage_rule", o.deadline == null ? null : o.deadline.rule());
        v.put("suspended", o.suspended);
        v.put("suspended_at", timestamp(o.suspendedAt));
        v.put("extension_requested_until", timestamp(o.extensionRequestedUntil));
        v.put("supervision_count", o.supervisionCount);
        v.put("rework_count", o.reworkCount);
        v.put("return_count", o.returnCount);
        v.put("verified", o.verified());
        v.put("satisfaction", o.satisfaction() == null ? null : o.satisfaction().name());
        v.put("master_order_id", o.masterOrderId());
        v.put("idempotency_key", o.idempotencyKey);
        v.put("created_at", timestamp(o.createdAt));
        v.put("updated_at", timestamp(o.updatedAt));
        v.put("handled_at", timestamp(o.handledAt()));
        v.put("closed_at", timestamp(o.closedAt()));
        v.put("handled_on_time", o.handledOnTime());
        v.put("closed_on_time", o.closedOnTime());
        v.put("external_due_at", timestamp(o.externalDueAt));
        v.put("co_handling", CoHandlingJson.write(o));
        v.put("co_handling_attention", o.coHandlingAttention());
        return v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static <E> E name(ResultSet rs, String column, Function<String, E> valueOf) throws SQLException {
        String name = rs.getString(column);
        return name == null ? null : valueOf.apply(name);
    }

    private static List<Long> longs(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        List<Long> values = new ArrayList<>();
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                values.add(((Number) value).longValue());
            }
        }
        return values;
    }
}
