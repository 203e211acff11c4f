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

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final JdbcClient client;
    private final JsonMapper json;

    TransitionLog(org.springframework.jdbc.core.JdbcTemplate jdbc, JdbcClient client, JsonMapper json) {
        this.jdbc = jdbc;
        this.client = client;
        this.json = json;
    }

    void append(WorkOrder order, List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        // one round trip: the driver rewrites the batch into a multi-row insert
        jdbc.batchUpdate("""
                insert into workorder_transition (order_id, district_code, action, from_status, to_status, actor_user_id,
                    actor_name, at, note, photos, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """, transitions, transitions.size(), (ps, t) -> {
            ps.setLong(1, order.id());
            ps.setString(2, order.districtCode());
            ps.setString(3, t.action().name());
            ps.setString(4, t.from() == null ? null : t.from().name());
            ps.setString(5, t.to().name());
            ps.setLong(6, t.actorUserId());
            ps.setString(7, t.actorName());
            ps.setTimestamp(8, Timestamp.from(t.at()));
            ps.setString(9, t.note());
            ps.setArray(10, ps.getConnection().createArrayOf("varchar", t.photos().toArray()));
            ps.setString(11, json.writeValueAsString(t.details()));
        });
    }

    @SuppressWarnings("unchecked")
    List<Transition> history(long orderId) {
        return client.sql("""
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
