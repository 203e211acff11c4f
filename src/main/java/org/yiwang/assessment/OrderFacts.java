package org.yiwang.assessment;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Follows the work-order journal ({@code assessment.order-facts}) into the assessment read model: each
 * changed order's {@link OrderFact} in {@code assessment_order_fact}, and the difference it makes to the
 * monthly sums ({@code assessment_month_area}, {@code _unit}, {@code _worker}) — old facts taken out under
 * their old key, new ones added under the new key. A batch costs a fixed number of statements whatever its size:
 * one read of its facts, at most one read of orders, one write of the changed facts, one per monthly-sums table
 * (the batch's differences summed per row first) and at most one count of closed months changed.
 */
@Component
class OrderFacts implements JournalFollower {

    static final String FLAG_COLUMNS = Arrays.stream(Flag.values()).map(Flag::column).collect(Collectors.joining(", "));

    private static final String ADD_TO_AREA = addTo("assessment_month_area", null);
    private static final String ADD_TO_UNIT = addTo("assessment_month_unit", "unit_id");
    private static final String ADD_TO_WORKER = addTo("assessment_month_worker", "worker_id");

    private static final String SAVE;

    static {
        StringBuilder arrays = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (Flag flag : Flag.values()) {
            arrays.append(", CAST(:").append(flag.column()).append(" AS smallint[])");
            updates.append(", ").append(flag.column()).append(" = EXCLUDED.").append(flag.column());
        }
        SAVE = "INSERT INTO assessment_order_fact (order_id, number, month, district_code, grid_code, unit_id, worker_id, hotline,"
                + " handle_due_at, verify_due_at, as_of, " + FLAG_COLUMNS + ")"
                + " SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:numbers AS varchar[]), CAST(:months AS date[]),"
                + " CAST(:districts AS varchar[]), CAST(:grids AS varchar[]), CAST(:units AS bigint[]), CAST(:workers AS bigint[]),"
                + " CAST(:hotlines AS boolean[]), CAST(:handleDue AS timestamptz[]), CAST(:verifyDue AS timestamptz[]),"
                + " CAST(:asOf AS timestamptz[])" + arrays + ")"
                + " ON CONFLICT (order_id) DO UPDATE SET district_code = EXCLUDED.district_code, grid_code = EXCLUDED.grid_code,"
                + " unit_id = EXCLUDED.unit_id, handle_due_at = EXCLUDED.handle_due_at, verify_due_at = EXCLUDED.verify_due_at,"
                + " as_of = EXCLUDED.as_of" + updates;
    }

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
        Set<Long> unseen = changes.stream().filter(c -> !before.containsKey(c.orderId())
                        && c.transitions().getFirst().action() != Action.REPORT && c.transitions().getFirst().action() != Action.CLOSE_ON_SPOT)
                .map(WorkOrderJournaled::orderId).collect(Collectors.toSet());
        // … and rated ones: their rating (评价 does not carry it); both in one read
        Set<Long> read = new HashSet<>(unseen);
        changes.forEach(c -> c.transitions().stream().filter(t -> t.action() == Action.EVALUATE).forEach(t -> read.add(t.orderId())));
        Map<Long, WorkOrder> known = read.isEmpty() ? Map.of() : orders.getAll(read, Actor.system());
        for (WorkOrderJournaled change : changes) {
            for (WorkOrderTransitioned t : change.transitions()) {
                OrderFact fact = after.get(t.orderId());
                if (fact == null) {
                    WorkOrder order = unseen.contains(t.orderId()) ? known.get(t.orderId()) : null;
                    fact = OrderFact.first(t, order == null ? t.at() : order.createdAt());
                    after.put(t.orderId(), fact);
                }
                fact.apply(t, t.action() == Action.EVALUATE ? rated(known, t.orderId()).satisfaction() : null);
            }
        }
        List<OrderFact> changed = new ArrayList<>();
        Map<OrderFact.Key, long[]> deltas = new HashMap<>();
        for (OrderFact fact : after.values()) {
            OrderFact old = before.get(fact.orderId);
            if (old != null && old.sameAs(fact)) {
                continue; // a change applied again: its row holds this already
            }
            changed.add(fact);
            if (old != null && old.countsAs(fact)) {
                continue;
            }
            if (old != null) {
                add(deltas, old, -1);
            }
            add(deltas, fact, 1);
        }
        save(changed);
        addToMonths(deltas);
        // the months whose sums moved: a kept closed-month table of their districts is computed anew
        closedMonths.changed(deltas.entrySet().stream().filter(e -> moves(e.getValue()))
                .map(e -> Map.entry(e.getKey().districtCode(), e.getKey().month())).distinct().toList());
    }

    private WorkOrder rated(Map<Long, WorkOrder> known, long orderId) {
        WorkOrder order = known.get(orderId);
        // not readable in the batch's read: the single read says why (not found)
        return order != null ? order : orders.get(orderId, Actor.system());
    }

    private static boolean moves(long[] sums) {
        return Arrays.stream(sums).anyMatch(v -> v != 0);
    }

    /** {@code sign} × the fact's contribution: 1 reported, then the flags. */
    private static void add(Map<OrderFact.Key, long[]> deltas, OrderFact fact, int sign) {
        long[] sums = deltas.computeIfAbsent(fact.key(), k -> new long[Flag.values().length + 1]);
        sums[0] += sign;
        for (Flag flag : Flag.values()) {
            sums[flag.ordinal() + 1] += (long) sign * fact.get(flag);
        }
    }

    /**
     * A row of one monthly-sums table: the area (grid, or community for units), and the unit or worker ({@code 0}
     * in the area table). Ordered as the tables' keys, so that the rows of a statement are locked in one order.
     */
    private record Row(String districtCode, LocalDate month, String areaCode, long id, boolean hotline) implements Comparable<Row> {

        private static final Comparator<Row> ORDER = Comparator.comparing(Row::districtCode).thenComparing(Row::month)
                .thenComparing(Row::areaCode).thenComparingLong(Row::id).thenComparing(Row::hotline);

        @Override
        public int compareTo(Row other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * Adds the batch's differences to the three tables, one statement per table: several keys of the batch
     * can share a row (the orders of one grid, the grids of one community for a unit), and one multi-row
     * {@code ON CONFLICT DO UPDATE} may touch a row only once, so their sums are added here first.
     */
    private void addToMonths(Map<OrderFact.Key, long[]> deltas) {
        Map<Row, long[]> area = new TreeMap<>();
        Map<Row, long[]> unit = new TreeMap<>();
        Map<Row, long[]> worker = new TreeMap<>();
        deltas.forEach((key, sums) -> {
            // a key whose sums cancel out is not written (nor its row made)
            if (!moves(sums)) {
                return;
            }
            plus(area, new Row(key.districtCode(), key.month(), key.gridCode(), 0, key.hotline()), sums);
            if (key.unitId() != 0) {
                String community = key.gridCode().length() >= 12 ? key.gridCode().substring(0, 12) : key.gridCode();
                plus(unit, new Row(key.districtCode(), key.month(), community, key.unitId(), key.hotline()), sums);
            }
            if (key.workerId() != 0) {
                plus(worker, new Row(key.districtCode(), key.month(), key.gridCode(), key.workerId(), key.hotline()), sums);
            }
        });
        upsert(ADD_TO_AREA, false, area);
        upsert(ADD_TO_UNIT, true, unit);
        upsert(ADD_TO_WORKER, true, worker);
    }

    private static void plus(Map<Row, long[]> rows, Row row, long[] sums) {
        long[] into = rows.computeIfAbsent(row, r -> new long[sums.length]);
        for (int i = 0; i < sums.length; i++) {
            into[i] += sums[i];
        }
    }

    /** Adds rows of sums from arrays (one element per row) to {@code table}, whose key has {@code idColumn} when not null. */
    private static String addTo(String table, @Nullable String idColumn) {
        String id = idColumn == null ? "" : ", " + idColumn;
        StringBuilder arrays = new StringBuilder("CAST(:months AS date[]), CAST(:districts AS varchar[]), CAST(:areas AS varchar[])");
        if (idColumn != null) {
            arrays.append(", CAST(:ids AS bigint[])");
        }
        arrays.append(", CAST(:hotlines AS boolean[]), CAST(:reported AS bigint[])");
        StringBuilder updates = new StringBuilder("reported = " + table + ".reported + EXCLUDED.reported");
        for (Flag flag : Flag.values()) {
            arrays.append(", CAST(:").append(flag.column()).append(" AS bigint[])");
            updates.append(", ").append(flag.column()).append(" = ").append(table).append('.').append(flag.column())
                    .append(" + EXCLUDED.").append(flag.column());
        }
        return "INSERT INTO " + table + " (month, district_code, area_code" + id + ", hotline, reported, " + FLAG_COLUMNS + ")"
                + " SELECT * FROM unnest(" + arrays + ")"
                + " ON CONFLICT (district_code, month, area_code" + id + ", hotline) DO UPDATE SET " + updates;
    }

    private void upsert(String sql, boolean withId, Map<Row, long[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] months = new String[n];
        String[] districts = new String[n];
        String[] areas = new String[n];
        long[] rowIds = new long[n];
        boolean[] hotlines = new boolean[n];
        long[][] sums = new long[Flag.values().length + 1][n];
        int i = 0;
        for (Map.Entry<Row, long[]> e : rows.entrySet()) {
            Row row = e.getKey();
            months[i] = row.month().toString();
            districts[i] = row.districtCode();
            areas[i] = row.areaCode();
            rowIds[i] = row.id();
            hotlines[i] = row.hotline();
            for (int s = 0; s < sums.length; s++) {
                sums[s][i] = e.getValue()[s];
            }
            i++;
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("months", months).param("districts", districts).param("areas", areas)
                .param("hotlines", hotlines).param("reported", sums[0]);
        if (withId) {
            spec = spec.param("ids", rowIds);
        }
        for (Flag flag : Flag.values()) {
            spec = spec.param(flag.column(), sums[flag.ordinal() + 1]);
        }
        spec.update();
    }

    /** Writes the facts in one statement (each order once: they are the batch's orders, distinct). */
    private void save(List<OrderFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        int n = facts.size();
        long[] ids = new long[n];
        String[] numbers = new String[n];
        String[] months = new String[n];
        String[] districts = new String[n];
        String[] grids = new String[n];
        long[] units = new long[n];
        long[] workers = new long[n];
        boolean[] hotlines = new boolean[n];
        @Nullable String[] handleDue = new String[n];
        @Nullable String[] verifyDue = new String[n];
        String[] asOf = new String[n];
        short[][] flags = new short[Flag.values().length][n];
        for (int i = 0; i < n; i++) {
            OrderFact f = facts.get(i);
            ids[i] = f.orderId;
            numbers[i] = f.number;
            months[i] = f.month.toString();
            districts[i] = f.districtCode;
            grids[i] = f.gridCode;
            units[i] = f.unitId;
            workers[i] = f.workerId;
            hotlines[i] = f.hotline;
            handleDue[i] = ts(f.handleDueAt);
            verifyDue[i] = ts(f.verifyDueAt);
            asOf[i] = ts(f.asOf);
            for (Flag flag : Flag.values()) {
                flags[flag.ordinal()][i] = (short) f.get(flag);
            }
        }
        JdbcClient.StatementSpec spec = jdbc.sql(SAVE).param("ids", ids).param("numbers", numbers).param("months", months)
                .param("districts", districts).param("grids", grids).param("units", units).param("workers", workers)
                .param("hotlines", hotlines).param("handleDue", handleDue).param("verifyDue", verifyDue).param("asOf", asOf);
        for (Flag flag : Flag.values()) {
            spec = spec.param(flag.column(), flags[flag.ordinal()]);
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

    /**
     * An instant as the column takes it from an array: rounded to the microsecond, half up, as the driver rounds a
     * single {@code Timestamp} parameter (so a fact reads back as the single-row statement stored it).
     */
    private static @Nullable String ts(@Nullable Instant at) {
        if (at == null) {
            return null;
        }
        if (at.equals(Instant.MIN)) {
            at = Instant.EPOCH;
        }
        // PostgreSQL's own form, not ISO's: a year past 9999 (a poisoned due time) is written without the "+" ISO puts
        // before it, which PostgreSQL refuses
        java.time.OffsetDateTime t = Instant.ofEpochSecond(at.getEpochSecond(), (at.getNano() + 500L) / 1000 * 1000)
                .atOffset(java.time.ZoneOffset.UTC);
        return POSTGRES_TIME.format(t) + (t.getYear() <= 0 ? " BC" : "");
    }

    private static final java.time.format.DateTimeFormatter POSTGRES_TIME = new java.time.format.DateTimeFormatterBuilder()
            .appendValue(java.time.temporal.ChronoField.YEAR_OF_ERA, 4, 10, java.time.format.SignStyle.NOT_NEGATIVE)
            .appendPattern("-MM-dd HH:mm:ss")
            .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 6, 6, true)
            .appendLiteral("+00")
            .toFormatter(java.util.Locale.ROOT);
}
