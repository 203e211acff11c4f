package org.yiwang.workorder;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The work-order aggregates in {@code workorder_order}, by plain JDBC: every intake and every action
 * reads and writes one, and a generic mapper spent a quarter of the server's CPU under load on
 * reflection. The version column guards against lost updates: an update names the version it read,
 * and a row changed meanwhile makes it fail with {@link OptimisticLockingFailureException}.
 */
@Repository
class WorkOrders {

    private static final String SELECT = "SELECT " + String.join(", ", WorkOrderRows.COLUMNS) + " FROM workorder_order";
    private static final List<String> WRITTEN = WorkOrderRows.COLUMNS.subList(2, WorkOrderRows.COLUMNS.size());
    private static final String INSERT = "INSERT INTO workorder_order (version, " + String.join(", ", WRITTEN) + ") VALUES (1, "
            + WRITTEN.stream().map(WorkOrders::placeholder).collect(Collectors.joining(", ")) + ") RETURNING id";
    private static final String UPDATE = "UPDATE workorder_order SET version = version + 1, "
            + WRITTEN.stream().map(c -> c + " = " + placeholder(c)).collect(Collectors.joining(", ")) + " WHERE id = :id AND version = :version";

    /** The JSON document is sent as text and cast by the server. */
    private static String placeholder(String column) {
        return column.equals("co_handling") ? "cast(:co_handling as jsonb)" : ":" + column;
    }

    private final JdbcClient jdbc;

    WorkOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new order (version 1) or updates a stored one (version + 1); returns the same instance. */
    WorkOrder save(WorkOrder order) {
        Map<String, Object> values = WorkOrderRows.values(order);
        if (order.id() == null) {
            long id = jdbc.sql(INSERT).params(values).query(Long.class).single();
            order.stored(id, 1);
            return order;
        }
        int updated = jdbc.sql(UPDATE).params(values).param("id", order.id()).param("version", order.version()).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("work order " + order.number() + " changed since version " + order.version());
        }
        order.stored(order.id(), order.version() + 1);
        return order;
    }

    Optional<WorkOrder> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query((rs, n) -> WorkOrderRows.read(rs)).optional();
    }

    List<WorkOrder> findAllById(Iterable<Long> ids) {
        List<Long> list = new ArrayList<>();
        ids.forEach(list::add);
        if (list.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE id = ANY (:ids)").param("ids", list.toArray(Long[]::new))
                .query((rs, n) -> WorkOrderRows.read(rs)).list();
    }

    Optional<WorkOrder> findByIdempotencyKey(long reporter, String key) {
        return jdbc.sql(SELECT + " WHERE coalesce(reporter_user_id, 0) = :reporter AND idempotency_key = :key")
                .param("reporter", reporter).param("key", key).query((rs, n) -> WorkOrderRows.read(rs)).optional();
    }
}
