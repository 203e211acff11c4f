package org.yiwang.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Stage;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;

import org.jspecify.annotations.Nullable;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code analytics_handling_due} up to date from the work-order events: the due time of each
 * order's latest handling stage, and its outcome — settled (closed), closed on time, voided. An order
 * closed on the spot (即发即处) is due and settled at the moment it is closed. Redelivered and late
 * events are harmless: a row only moves forward in event time.
 */
@Component
class HandlingDueDates implements JournalFollower {

    private final JdbcClient jdbc;

    HandlingDueDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "analytics.handling-due";
    }

    /**
     * The transitions of one change all carry the order's facts after the whole change, so its handling due
     * time is written once per change (an intake filed and dispatched at once made three identical writes).
     *
     * <p>A batch costs a constant number of statements (it was one or two per change): the rows of its orders are
     * read at once (and the orders' own on-time judgement when one is closed), the writes are applied to them in
     * memory in journal order, exactly as the database applied them one by one, and the rows that changed are
     * written back by one multi-row upsert per {@value #ROWS_PER_STATEMENT}. This follower is the table's only
     * writer; the rows are read {@code FOR UPDATE} so that a parked change retried meanwhile (outside the batch's
     * lock on its place) waits for this batch and then sees its rows.
     */
    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        List<Write> writes = new ArrayList<>();
        for (WorkOrderJournaled changed : changes) {
            boolean dueWritten = false;
            for (WorkOrderTransitioned event : changed.transitions()) {
                boolean ordinary = switch (event.action()) {
                    case CLOSE_ON_SPOT, CLOSE, REOPEN, VOID, MERGE -> false;
                    default -> true;
                };
                if (!ordinary) {
                    writes(event, writes);
                } else if (!dueWritten) {
                    dueWritten = writes(event, writes);
                }
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        Map<Long, Row> rows = rows(writes.stream().map(w -> w.event().orderId()).distinct().toArray(Long[]::new));
        Long[] closed = writes.stream().filter(w -> w.event().action() == Action.CLOSE).map(w -> w.event().orderId())
                .distinct().toArray(Long[]::new);
        Set<Long> onTime = closed.length == 0 ? Set.of() : closedOnTime(closed);
        Map<Long, Row> changed = new LinkedHashMap<>();
        for (Write w : writes) {
            WorkOrderTransitioned e = w.event();
            Instant at = stored(e.at());
            Row row = rows.get(e.orderId());
            if (w.due() != null) {
                if (row == null || !row.asOf.isAfter(at)) {
                    String grid = e.gridCode();
                    row = new Row(row == null ? e.districtCode() : row.district, grid != null && grid.length() >= 9 ? grid.substring(0, 9) : null,
                            grid, e.assigneeOrgUnitId(), stored(w.due()), at, false, false, false);
                }
            } else if (row != null && !row.asOf.isAfter(at)) {
                boolean settled = w.settled();
                row = new Row(row.district, row.street, row.grid, row.unit, row.due, at, settled,
                        e.action() == Action.CLOSE ? onTime.contains(e.orderId()) : w.onTime(), w.voided());
            }
            if (row != null && row != rows.get(e.orderId())) {
                rows.put(e.orderId(), row);
                changed.put(e.orderId(), row);
            }
        }
        write(changed);
    }

    /**
     * One write of an event, as the database used to get it: a handling due time (and no outcome), or an outcome.
     *
     * @param due the due time to write, null for an outcome
     */
    private record Write(WorkOrderTransitioned event, @Nullable Instant due, boolean settled, boolean onTime, boolean voided) {
    }

    /** A row of the table; district is only ever set by the insert. */
    private record Row(String district, @Nullable String street, @Nullable String grid, @Nullable Long unit, Instant due,
                       Instant asOf, boolean settled, boolean onTime, boolean voided) {
    }

    /** @return whether a handling due time was written */
    private static boolean writes(WorkOrderTransitioned event, List<Write> writes) {
        switch (event.action()) {
            case CLOSE_ON_SPOT -> {
                writes.add(new Write(event, event.at(), false, false, false));
                writes.add(new Write(event, null, true, true, false));
            }
            // on time or not is the order's own judgement, read for the batch
            case CLOSE -> writes.add(new Write(event, null, true, false, false));
            case REOPEN -> writes.add(new Write(event, null, false, false, false));
            case VOID, MERGE -> writes.add(new Write(event, null, false, false, true));
            default -> {
                if (event.stage() == Stage.HANDLE && event.stageDueAt() != null) {
                    writes.add(new Write(event, event.stageDueAt(), false, false, false));
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The instant as the column keeps it: the driver rounds a timestamp half up to microseconds, and the rows'
     * {@code as_of <= at} guards compared the rounded values.
     */
    static Instant stored(Instant at) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        return at.getNano() % 1_000 >= 500 ? micros.plus(1, ChronoUnit.MICROS) : micros;
    }

    private Map<Long, Row> rows(Long[] orderIds) {
        Map<Long, Row> rows = new HashMap<>();
        jdbc.sql("""
                        SELECT order_id, district_code, street_code, grid_code, assignee_org_unit_id, due_at, as_of, settled, closed_on_time,
                            voided
                        FROM analytics_handling_due WHERE order_id = ANY (:ids) ORDER BY order_id FOR UPDATE""")
                .param("ids", orderIds)
                .query(rs -> {
                    long id = rs.getLong("assignee_org_unit_id");
                    Long unit = rs.wasNull() ? null : id;
                    rows.put(rs.getLong("order_id"), new Row(rs.getString("district_code"), rs.getString("street_code"),
                            rs.getString("grid_code"), unit, rs.getTimestamp("due_at").toInstant(),
                            rs.getTimestamp("as_of").toInstant(), rs.getBoolean("settled"), rs.getBoolean("closed_on_time"),
                            rs.getBoolean("voided")));
                });
        return rows;
    }

    /** Rows of one multi-row upsert (10 parameters each, far below the protocol's limit). */
    static final int ROWS_PER_STATEMENT = 200;

    private void write(Map<Long, Row> rows) {
        List<Map.Entry<Long, Row>> all = List.copyOf(rows.entrySet());
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            // a row read (and locked) above only moves forward in event time, so the guard holds for it; it matters for a
            // row a retried change inserted after the read, which it keeps unless this batch's is as new
            List<Map.Entry<Long, Row>> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
            List<Object> values = new ArrayList<>(chunk.size() * 10);
            for (Map.Entry<Long, Row> e : chunk) {
                Row r = e.getValue();
                Collections.addAll(values, e.getKey(), r.district(), r.street(), r.grid(), r.unit(), Timestamp.from(r.due()),
                        Timestamp.from(r.asOf()), r.settled(), r.onTime(), r.voided());
            }
            jdbc.sql("""
                            INSERT INTO analytics_handling_due (order_id, district_code, street_code, grid_code, assignee_org_unit_id, due_at,
                                as_of, settled, closed_on_time, voided)
                            VALUES\s""" + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) + """

                            ON CONFLICT (order_id) DO UPDATE SET district_code = EXCLUDED.district_code, street_code = EXCLUDED.street_code,
                                grid_code = EXCLUDED.grid_code, assignee_org_unit_id = EXCLUDED.assignee_org_unit_id, due_at = EXCLUDED.due_at,
                                as_of = EXCLUDED.as_of, settled = EXCLUDED.settled, closed_on_time = EXCLUDED.closed_on_time,
                                voided = EXCLUDED.voided
                            WHERE analytics_handling_due.as_of <= EXCLUDED.as_of""")
                    .params(values).update();
        }
    }

    /** Of these orders, those the work orders judge closed on time (handled and verified within their limits). */
    private Set<Long> closedOnTime(Long[] orderIds) {
        return Set.copyOf(jdbc.sql("SELECT id FROM workorder_order WHERE id = ANY (:ids) AND closed_on_time")
                .param("ids", orderIds).query(Long.class).list());
    }
}
