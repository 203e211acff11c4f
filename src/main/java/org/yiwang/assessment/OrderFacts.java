package org.yiwang.assessment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Follows the work-order journal ({@code assessment.order-facts}) into the assessment read model: each
 * changed order's {@link OrderFact} in {@code assessment_order_fact}, and the difference it makes to the
 * monthly sums ({@code assessment_month_area}, {@code _unit}, {@code _worker}) — old facts taken out under
 * their old key, new ones added under the new key, summed over the batch so that a batch costs one statement
 * per key and table it touches.
 */
@Component
class OrderFacts implements JournalFollower {

    static final String FLAG_COLUMNS = Arrays.stream(Flag.values()).map(Flag::column).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final WorkOrderQueries orders;
    private final ClosedMonths closedMonths;

    OrderFacts(JdbcClient jdbc, WorkOrderQueries orders, ClosedMonths closedMonths) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.closedMonths = closedMonths;
    }

    @Override
    public String name() {
        return "assessment.order-facts";
    }

    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        List<Long> ids = changes.stream().map(WorkOrderJournaled::orderId).distinct().toList();
        Map<Long, OrderFact> before = find(ids);
        Map<Long, OrderFact> after = new LinkedHashMap<>();
        before.forEach((id, fact) -> after.put(id, fact.copy()));
        // orders first seen after their report left the journal: their report time from the order itself
        List<Long> unseen = changes.stream().filter(c -> !before.containsKey(c.orderId())
                        && c.transitions().getFirst().action() != Action.REPORT && c.transitions().getFirst().action() != Action.CLOSE_ON_SPOT)
                .map(WorkOrderJournaled::orderId).distinct().toList();
        Map<Long, WorkOrder> known = unseen.isEmpty() ? Map.of() : orders.getAll(unseen, Actor.system());
        for (WorkOrderJournaled change : changes) {
            for (WorkOrderTransitioned t : change.transitions()) {
                OrderFact fact = after.get(t.orderId());
                if (fact == null) {
                    WorkOrder order = known.get(t.orderId());
                    fact = OrderFact.first(t, order == null ? t.at() : order.createdAt());
                    after.put(t.orderId(), fact);
                }
                Satisfaction satisfaction = t.action() == Action.EVALUATE ? orders.get(t.orderId(), Actor.system()).satisfaction() : null;
                fact.apply(t, satisfaction);
            }
        }
        Map<OrderFact.Key, long[]> deltas = new HashMap<>();
        for (OrderFact fact : after.values()) {
            OrderFact old = before.get(fact.orderId);
            if (old != null && old.countsAs(fact)) {
                save(fact);
                continue;
            }
            if (old != null) {
                add(deltas, old, -1);
            }
            add(deltas, fact, 1);
            save(fact);
        }
        deltas.forEach(this::addToMonth);
        // the months whose sums moved: a kept closed-month table of their districts is computed anew
        closedMonths.changed(deltas.entrySet().stream().filter(e -> Arrays.stream(e.getValue()).anyMatch(v -> v != 0))
                .map(e -> Map.entry(e.getKey().districtCode(), e.getKey().month())).distinct().toList());
    }

    /** {@code sign} × the fact's contribution: 1 reported, then the flags. */
    private static void add(Map<OrderFact.Key, long[]> deltas, OrderFact fact, int sign) {
        long[] sums = deltas.computeIfAbsent(fact.key(), k -> new long[Flag.values().length + 1]);
        sums[0] += sign;
        for (Flag flag : Flag.values()) {
            sums[flag.ordinal() + 1] += (long) sign * fact.get(flag);
        }
    }

    private void addToMonth(OrderFact.Key key, long[] sums) {
        if (Arrays.stream(sums).allMatch(v -> v == 0)) {
            return;
        }
        upsert("assessment_month_area", List.of(), key.gridCode(), key, sums);
        if (key.unitId() != 0) {
            String community = key.gridCode().length() >= 12 ? key.gridCode().substring(0, 12) : key.gridCode();
            upsert("assessment_month_unit", List.of(Map.entry("unit_id", key.unitId())), community, key, sums);
        }
        if (key.workerId() != 0) {
            upsert("assessment_month_worker", List.of(Map.entry("worker_id", key.workerId())), key.gridCode(), key, sums);
        }
    }

    private void upsert(String table, List<Map.Entry<String, Long>> extra, String area, OrderFact.Key key, long[] sums) {
        StringBuilder columns = new StringBuilder("month, district_code, area_code, hotline");
        StringBuilder values = new StringBuilder(":month, :district, :area, :hotline");
        StringBuilder conflict = new StringBuilder("district_code, month, area_code");
        for (Map.Entry<String, Long> e : extra) {
            columns.append(", ").append(e.getKey());
            values.append(", :").append(e.getKey());
            conflict.append(", ").append(e.getKey());
        }
        conflict.append(", hotline");
        columns.append(", reported, ").append(FLAG_COLUMNS);
        values.append(", :reported");
        StringBuilder updates = new StringBuilder("reported = " + table + ".reported + EXCLUDED.reported");
        for (Flag flag : Flag.values()) {
            values.append(", :").append(flag.column());
            updates.append(", ").append(flag.column()).append(" = ").append(table).append('.').append(flag.column())
                    .append(" + EXCLUDED.").append(flag.column());
        }
        JdbcClient.StatementSpec spec = jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
                        + conflict + ") DO UPDATE SET " + updates)
                .param("month", Date.valueOf(key.month())).param("district", key.districtCode()).param("area", area)
                .param("hotline", key.hotline()).param("reported", sums[0]);
        for (Map.Entry<String, Long> e : extra) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        for (Flag flag : Flag.values()) {
            spec = spec.param(flag.column(), sums[flag.ordinal() + 1]);
        }
        spec.update();
    }

    private void save(OrderFact f) {
        StringBuilder values = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (Flag flag : Flag.values()) {
            values.append(", :").append(flag.column());
            updates.append(", ").append(flag.column()).append(" = EXCLUDED.").append(flag.column());
        }
        JdbcClient.StatementSpec spec = jdbc.sql("INSERT INTO assessment_order_fact (order_id, number, month, district_code, grid_code, unit_id,"
                        + " worker_id, hotline, handle_due_at, verify_due_at, as_of, " + FLAG_COLUMNS + ") VALUES (:id, :number, :month,"
                        + " :district, :grid, :unit, :worker, :hotline, :handleDue, :verifyDue, :asOf" + values + ")"
                        + " ON CONFLICT (order_id) DO UPDATE SET district_code = EXCLUDED.district_code, grid_code = EXCLUDED.grid_code,"
                        + " unit_id = EXCLUDED.unit_id, handle_due_at = EXCLUDED.handle_due_at, verify_due_at = EXCLUDED.verify_due_at,"
                        + " as_of = EXCLUDED.as_of" + updates)
                .param("id", f.orderId).param("number", f.number).param("month", Date.valueOf(f.month))
                .param("district", f.districtCode).param("grid", f.gridCode).param("unit", f.unitId).param("worker", f.workerId)
                .param("hotline", f.hotline).param("handleDue", ts(f.handleDueAt)).param("verifyDue", ts(f.verifyDueAt))
                .param("asOf", ts(f.asOf));
        for (Flag flag : Flag.values()) {
            spec = spec.param(flag.column(), (short) f.get(flag));
        }
        spec.update();
    }

    private Map<Long, OrderFact> find(List<Long> ids) {
        Map<Long, OrderFact> found = new HashMap<>();
        jdbc.sql("SELECT order_id, number, month, district_code, grid_code, unit_id, worker_id, hotline, handle_due_at, verify_due_at, as_of, "
                        + FLAG_COLUMNS + " FROM assessment_order_fact WHERE order_id = ANY (:ids) FOR UPDATE")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> read(rs)).list().forEach(f -> found.put(f.orderId, f));
        return found;
    }

    private static OrderFact read(ResultSet rs) throws SQLException {
        int[] flags = new int[Flag.values().length];
        for (Flag flag : Flag.values()) {
            flags[flag.ordinal()] = rs.getInt(flag.column());
        }
        return new OrderFact(rs.getLong("order_id"), rs.getString("number"), rs.getDate("month").toLocalDate(),
                rs.getString("district_code"), rs.getString("grid_code"), rs.getLong("unit_id"), rs.getLong("worker_id"),
                rs.getBoolean("hotline"), flags, instant(rs, "handle_due_at"), instant(rs, "verify_due_at"), instant(rs, "as_of"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        if (at == null) {
            return null;
        }
        return at.equals(Instant.MIN) ? new Timestamp(0) : Timestamp.from(at);
    }
}
