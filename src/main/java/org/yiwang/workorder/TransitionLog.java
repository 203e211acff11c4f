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
        // one statement for the change's transitions (an intake has three): a driver-rewritten batch still sent
        // a statement per power of two
        for (int from = 0; from < transitions.size(); from += ROWS_PER_INSERT) {
            List<Transition> chunk = transitions.subList(from, Math.min(transitions.size(), from + ROWS_PER_INSERT));
            jdbc.update("""
                    insert into workorder_transition (order_id, district_code, action, from_status, to_status, actor_user_id,
                        actor_name, at, note, photos, details)
                    values\s""" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))")),
                    ps -> {
                        int i = 0;
                        for (Transition t : chunk) {
                            ps.setLong(++i, order.id());
                            ps.setString(++i, order.districtCode());
                            ps.setString(++i, t.action().name());
                            ps.setString(++i, t.from() == null ? null : t.from().name());
                            ps.setString(++i, t.to().name());
                            ps.setLong(++i, t.actorUserId());
                            ps.setString(++i, t.actorName());
                            ps.setTimestamp(++i, Timestamp.from(t.at()));
                            ps.setString(++i, t.note());
                            ps.setArray(++i, ps.getConnection().createArrayOf("varchar", t.photos().toArray()));
                            ps.setString(++i, json.writeValueAsString(t.details()));
                        }
                    });
        }
    }

    /** Transitions of one multi-row insert (11 parameters each, far below the protocol's limit). */
    static final int ROWS_PER_INSERT = 200;

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
