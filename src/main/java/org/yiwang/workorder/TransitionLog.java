package org.yiwang.workorder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/** Appends transitions to {@code workorder_transition} and reads an order's history back. */
@Component
class TransitionLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TransitionLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(WorkOrder order, List<Transition> transitions) {
        for (Transition t : transitions) {
            jdbc.sql("""
                    insert into workorder_transition (order_id, district_code, action, from_status, to_status, actor_user_id,
                        actor_name, at, note, photos, details)
                    values (:order, :district, :action, :from, :to, :actor, :actorName, :at, :note, :photos, cast(:details as jsonb))
                    """)
                    .param("order", order.id())
                    .param("district", order.districtCode())
                    .param("action", t.action().name())
                    .param("from", t.from() == null ? null : t.from().name())
                    .param("to", t.to().name())
                    .param("actor", t.actorUserId())
                    .param("actorName", t.actorName())
                    .param("at", Timestamp.from(t.at()))
                    .param("note", t.note())
                    .param("photos", t.photos().toArray(String[]::new))
                    .param("details", json.writeValueAsString(t.details()))
                    .update();
        }
    }

    @SuppressWarnings("unchecked")
    List<Transition> history(long orderId) {
        return jdbc.sql("""
                        select action, from_status, to_status, actor_user_id, actor_name, at, note, photos, details::text as details
                        from workorder_transition where order_id = :order order by id
                        """)
                .param("order", orderId)
                .query((rs, n) -> new Transition(
                        Action.valueOf(rs.getString("action")),
                        rs.getString("from_status") == null ? null : WorkOrderStatus.valueOf(rs.getString("from_status")),
                        WorkOrderStatus.valueOf(rs.getString("to_status")),
                        rs.getLong("actor_user_id"),
                        rs.getString("actor_name"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("note"),
                        List.of((String[]) rs.getArray("photos").getArray()),
                        json.readValue(rs.getString("details"), Map.class)))
                .list();
    }
}
