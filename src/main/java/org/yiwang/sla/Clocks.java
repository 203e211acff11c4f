package org.yiwang.sla;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrderStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The clocks in {@code sla_clock} and their history in {@code sla_clock_event}. */
@Component
class Clocks {

    static final String COLUMNS = """
            order_id, number, district_code, street_code, grid_code, category_code, urgency, status, stage, started_at,
            due_at, working_time, limit_millis, warn_at, suspended, suspended_at, assignee_org_unit_id, assignee_user_id,
            assist_org_unit_ids, supervision_count, warned_at, breached_at, escalated, breach_count, as_of, closed_at""";

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    Clocks(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    Optional<StageClock> find(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE order_id = :id")
                .param("id", orderId).query(ROW).optional();
    }

    List<StageClock> findAll(List<Long> orderIds) {
        return orderIds.isEmpty() ? List.of() : jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE order_id = ANY (:ids)")
                .param("ids", orderIds.toArray(Long[]::new)).query(ROW).list();
    }

    /** The clock, locked until the end of the transaction, so that events of one order are applied one at a time. */
    Optional<StageClock> lock(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE order_id = :id FOR UPDATE")
                .param("id", orderId).query(ROW).optional();
    }

    /** Inserts a new clock; false when another transaction created the order's clock first. */
    boolean insert(StageClock c, Instant now) {
        return jdbc.sql("INSERT INTO sla_clock (" + INSERTED + ") VALUES " + CLOCK_ROW + " ON CONFLICT (order_id) DO NOTHING")
                .params(params(c, now, "")).update() == 1;
    }

    /**
     * Inserts new clocks with one statement per {@value #CHUNK} of them (in order-id order, as another node inserting
     * the same ones would, so neither waits for the other crosswise); the ids of the clocks inserted: another
     * transaction created the others first.
     */
    Set<Long> insertAll(List<StageClock> clocks, Instant now) {
        List<StageClock> sorted = clocks.stream().sorted(Comparator.comparingLong(StageClock::orderId)).toList();
        Set<Long> inserted = new HashSet<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<StageClock> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
            List<Object> values = new java.util.ArrayList<>(chunk.size() * CLOCK_NAMES.size());
            for (StageClock c : chunk) {
                Map<String, Object> params = params(c, now, "");
                CLOCK_NAMES.forEach(name -> values.add(params.get(name)));
            }
            inserted.addAll(jdbc.sql("INSERT INTO sla_clock (" + INSERTED + ") VALUES " + rows(CLOCK_PLACES, chunk.size())
                            + " ON CONFLICT (order_id) DO NOTHING RETURNING order_id")
                    .params(values).query(Long.class).list());
        }
        return inserted;
    }

    /** The clocks of these orders that exist, locked until the end of the transaction, in order-id order (no deadlock). */
    List<StageClock> lockAll(Collection<Long> orderIds) {
        return orderIds.isEmpty() ? List.of() : jdbc.sql("SELECT " + COLUMNS
                        + " FROM sla_clock WHERE order_id = ANY (:ids) ORDER BY order_id FOR UPDATE")
                .param("ids", orderIds.toArray(Long[]::new)).query(ROW).list();
    }

    void update(StageClock c, Instant now) {
        jdbc.sql(UPDATE).params(params(c, now, "")).update();
    }

    /** Writes these clocks in one batch. */
    void updateAll(List<StageClock> clocks, Instant now) {
        if (!clocks.isEmpty()) {
            batch.batchUpdate(UPDATE, clocks.stream().map(c -> new MapSqlParameterSource(params(c, now, "")))
                    .toArray(MapSqlParameterSource[]::new));
        }
    }

    private static final String INSERTED = """
            order_id, number, district_code, street_code, grid_code, category_code, urgency, status, stage, started_at, due_at,
            working_time, limit_millis, warn_at, suspended, suspended_at, assignee_org_unit_id, assignee_user_id,
            assist_org_unit_ids, supervision_count, warned_at, breached_at, escalated, breach_count, as_of, closed_at,
            updated_at""";

    private static final String CLOCK_ROW = """
            (:orderId, :number, :district, :street, :grid, :category, :urgency, :status, :stage, :startedAt, :dueAt,
            :workingTime, :limit, :warnAt, :suspended, :suspendedAt, :unit, :user, :assists, :supervisions, :warnedAt,
            :breachedAt, :escalated, :breaches, :asOf, :closedAt, :now)""";

    private static final String UPDATE = """
            UPDATE sla_clock SET number = :number, district_code = :district, street_code = :street, grid_code = :grid,
                category_code = :category, urgency = :urgency, status = :status, stage = :stage, started_at = :startedAt,
                due_at = :dueAt, working_time = :workingTime, limit_millis = :limit, warn_at = :warnAt, suspended = :suspended,
                suspended_at = :suspendedAt, assignee_org_unit_id = :unit, assignee_user_id = :user,
                assist_org_unit_ids = :assists, supervision_count = :supervisions, warned_at = :warnedAt,
                breached_at = :breachedAt, escalated = :escalated, breach_count = :breaches, as_of = :asOf,
                closed_at = :closedAt, updated_at = :now,
                second_rung_at = CASE WHEN CAST(:breachedAt AS timestamptz) IS NULL THEN NULL ELSE second_rung_at END
            WHERE order_id = :orderId""";

    /** Adds an entry to the clock's history; an entry that is there already (a redelivered event) is not added twice. */
    void append(StageClock clock, ClockEntry entry) {
        jdbc.sql("INSERT INTO sla_clock_event (" + ENTRY_COLUMNS + ") VALUES " + ENTRY_ROW
                        + " ON CONFLICT ON CONSTRAINT sla_clock_event_once DO NOTHING")
                .params(params(new Appended(clock, entry), "")).update();
    }

    /** An entry for the history of a clock, as {@link #append} takes it. */
    record Appended(StageClock clock, ClockEntry entry) {
    }

    /**
     * Adds entries as {@link #append} does each, in this order (the history of one instant is read in it), with one
     * statement per {@value #CHUNK}; each entry that is there already is left out on its own.
     */
    void appendAll(List<Appended> entries) {
        for (int from = 0; from < entries.size(); from += CHUNK) {
            List<Appended> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            List<Object> values = new java.util.ArrayList<>(chunk.size() * ENTRY_NAMES.size());
            for (Appended appended : chunk) {
                Map<String, Object> params = params(appended, "");
                ENTRY_NAMES.forEach(name -> values.add(params.get(name)));
            }
            jdbc.sql("INSERT INTO sla_clock_event (" + ENTRY_COLUMNS + ") VALUES " + rows(ENTRY_PLACES, chunk.size())
                    + " ON CONFLICT ON CONSTRAINT sla_clock_event_once DO NOTHING").params(values).update();
        }
    }

    private static final String ENTRY_COLUMNS = "order_id, district_code, kind, stage, stage_started_at, at, action, due_before, due_after, details";

    private static final String ENTRY_ROW = "(:order, :district, :kind, :stage, :startedAt, :at, :action, :before, :after, CAST(:details AS jsonb))";

    /** Rows per multi-row statement: 27 parameters a clock, well below PostgreSQL's 65,535 bind parameters. */
    static final int CHUNK = 250;

    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    private static final List<String> CLOCK_NAMES = names(CLOCK_ROW);
    private static final String CLOCK_PLACES = PARAMETER.matcher(CLOCK_ROW).replaceAll("?");
    private static final List<String> ENTRY_NAMES = names(ENTRY_ROW);
    private static final String ENTRY_PLACES = PARAMETER.matcher(ENTRY_ROW).replaceAll("?");

    /**
     * A multi-row statement's rows with positional parameters: named ones cost a parse of the whole statement and a
     * map lookup per value, which made this follower's inserts cost more CPU than the rest of its work (JFR).
     */
    private static String rows(String places, int count) {
        return String.join(", ", java.util.Collections.nCopies(count, places));
    }

    /** A row's parameter names, in the order they appear. */
    private static List<String> names(String row) {
        return PARAMETER.matcher(row).results().map(m -> m.group(1)).toList();
    }

    private Map<String, Object> params(Appended appended, String suffix) {
        ClockEntry entry = appended.entry();
        Map<String, Object> p = new HashMap<>();
        p.put("order" + suffix, appended.clock().orderId());
        p.put("district" + suffix, appended.clock().districtCode());
        p.put("kind" + suffix, entry.kind().name());
        p.put("stage" + suffix, entry.stage() == null ? null : entry.stage().name());
        p.put("startedAt" + suffix, at(entry.stageStartedAt()));
        p.put("at" + suffix, at(entry.at()));
        p.put("action" + suffix, entry.action() == null ? null : entry.action().name());
        p.put("before" + suffix, at(entry.dueBefore()));
        p.put("after" + suffix, at(entry.dueAfter()));
        p.put("details" + suffix, json.writeValueAsString(entry.details()));
        return p;
    }

    List<ClockEntry> history(long orderId) {
        return jdbc.sql("""
                        SELECT kind, at, stage, stage_started_at, action, due_before, due_after, details::text AS details
                        FROM sla_clock_event WHERE order_id = :order ORDER BY at, id""")
                .param("order", orderId)
                .query((rs, n) -> new ClockEntry(ClockEntry.Kind.valueOf(rs.getString("kind")), instant(rs, "at"),
                        rs.getString("stage") == null ? null : Stage.valueOf(rs.getString("stage")),
                        instant(rs, "stage_started_at"),
                        rs.getString("action") == null ? null : Action.valueOf(rs.getString("action")),
                        instant(rs, "due_before"), instant(rs, "due_after"), json.readValue(rs.getString("details"), DETAILS)))
                .list();
    }

    /** Running clocks past their due time whose stage instance was not breached yet, most overdue first. */
    List<StageClock> dueForBreach(Instant now, int limit) {
        return jdbc.sql(DUE_FOR_BREACH).param("now", at(now)).param("limit", limit).query(ROW).list();
    }

    static final String DUE_FOR_BREACH = "SELECT " + COLUMNS + """
             FROM sla_clock
            WHERE closed_at IS NULL AND breached_at IS NULL AND NOT suspended AND due_at < :now
            ORDER BY due_at LIMIT :limit""";

    /** Running clocks past their warning time, not yet due, whose stage instance was not warned yet. */
    List<StageClock> dueForWarning(Instant now, int limit) {
        return jdbc.sql(DUE_FOR_WARNING).param("now", at(now)).param("limit", limit).query(ROW).list();
    }

    static final String DUE_FOR_WARNING = "SELECT " + COLUMNS + """
             FROM sla_clock
            WHERE closed_at IS NULL AND warned_at IS NULL AND breached_at IS NULL AND NOT suspended
              AND warn_at <= :now AND due_at >= :now
            ORDER BY warn_at LIMIT :limit""";

    /**
     * Claims the breach of one stage instance: only the first transaction to run this (on any node)
     * gets the clock back; the others wait for its row lock and then find {@code breached_at} set — or,
     * if it rolled back, claim it themselves. The warning of the same instance counts as done.
     */
    Optional<StageClock> claimBreach(long orderId, Stage stage, Instant startedAt, Instant now) {
        return jdbc.sql("UPDATE sla_clock SET breached_at = :now, warned_at = coalesce(warned_at, :now), escalated = TRUE,"
                        + " breach_count = breach_count + 1, updated_at = :now"
                        + " WHERE order_id = :id AND stage = :stage AND started_at = :startedAt AND closed_at IS NULL"
                        + " AND breached_at IS NULL AND NOT suspended AND due_at < :now"
                        + " RETURNING " + COLUMNS)
                .param("id", orderId).param("stage", stage.name()).param("startedAt", at(startedAt)).param("now", at(now))
                .query(ROW).optional();
    }

    /**
     * Breached clocks of a stage instance that is still red {@code after} its due time and has not gone
     * up the second rung of the ladder yet, most overdue first.
     */
    List<StageClock> dueForSecondRung(Instant now, Duration after, int limit) {
        return jdbc.sql(DUE_FOR_SECOND_RUNG).param("cutoff", at(now.minus(after))).param("limit", limit).query(ROW).list();
    }

    static final String DUE_FOR_SECOND_RUNG = "SELECT " + COLUMNS + """
             FROM sla_clock
            WHERE closed_at IS NULL AND breached_at IS NOT NULL AND second_rung_at IS NULL AND NOT suspended AND due_at < :cutoff
            ORDER BY due_at LIMIT :limit""";

    /**
     * Claims the second rung of one stage instance, as {@link #claimBreach} claims the first: one
     * transaction on one node gets the clock back, the others find {@code second_rung_at} set.
     */
    Optional<StageClock> claimSecondRung(long orderId, Stage stage, Instant startedAt, Instant now, Duration after) {
        return jdbc.sql("UPDATE sla_clock SET second_rung_at = :now, updated_at = :now"
                        + " WHERE order_id = :id AND stage = :stage AND started_at = :startedAt AND closed_at IS NULL"
                        + " AND breached_at IS NOT NULL AND second_rung_at IS NULL AND NOT suspended AND due_at < :cutoff"
                        + " RETURNING " + COLUMNS)
                .param("id", orderId).param("stage", stage.name()).param("startedAt", at(startedAt)).param("now", at(now))
                .param("cutoff", at(now.minus(after)))
                .query(ROW).optional();
    }

    /**
     * Claims the escalation of one dispute past its arbitration limit (仲裁超期): true for the one transaction on one node
     * that inserts the row; the others wait on it and then find it there.
     */
    boolean claimArbitration(long orderId, Instant disputeOpenedAt, Instant now) {
        return jdbc.sql("INSERT INTO sla_arbitration_escalation (order_id, opened_at, escalated_at) VALUES (:id, :opened, :now)"
                        + " ON CONFLICT DO NOTHING")
                .param("id", orderId).param("opened", at(disputeOpenedAt)).param("now", at(now)).update() == 1;
    }

    /** Which of these disputes (order id → when opened) were escalated already. */
    java.util.Set<Long> arbitrationEscalated(java.util.Map<Long, Instant> disputes) {
        if (disputes.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<Long> done = new java.util.HashSet<>();
        jdbc.sql("SELECT order_id, opened_at FROM sla_arbitration_escalation WHERE order_id = ANY (:ids)")
                .param("ids", disputes.keySet().toArray(Long[]::new))
                .query(rs -> {
                    Instant opened = rs.getTimestamp(2).toInstant();
                    if (opened.equals(StageSnapshot.micros(disputes.get(rs.getLong(1))))) {
                        done.add(rs.getLong(1));
                    }
                });
        return done;
    }

    /** When the stage instance went up the second rung; empty when it has not. */
    Optional<Instant> secondRungAt(long orderId) {
        return jdbc.sql("SELECT second_rung_at FROM sla_clock WHERE order_id = :id").param("id", orderId)
                .query((rs, n) -> Optional.ofNullable(instant(rs, "second_rung_at"))).list().stream()
                .flatMap(Optional::stream).findFirst();
    }

    /** Claims the warning of one stage instance, as {@link #claimBreach} does the breach. */
    Optional<StageClock> claimWarning(long orderId, Stage stage, Instant startedAt, Instant now) {
        return jdbc.sql("UPDATE sla_clock SET warned_at = :now, updated_at = :now"
                        + " WHERE order_id = :id AND stage = :stage AND started_at = :startedAt AND closed_at IS NULL"
                        + " AND warned_at IS NULL AND breached_at IS NULL AND NOT suspended AND warn_at <= :now AND due_at >= :now"
                        + " RETURNING " + COLUMNS)
                .param("id", orderId).param("stage", stage.name()).param("startedAt", at(startedAt)).param("now", at(now))
                .query(ROW).optional();
    }

    /** When the clock last changed. */
    Optional<Instant> updatedAt(long orderId) {
        return jdbc.sql("SELECT updated_at FROM sla_clock WHERE order_id = :id").param("id", orderId)
                .query((rs, n) -> instant(rs, "updated_at")).optional();
    }

    private static Map<String, Object> params(StageClock c, Instant now, String suffix) {
        Map<String, Object> p = new HashMap<>();
        p.put("orderId" + suffix, c.orderId());
        p.put("number" + suffix, c.number());
        p.put("district" + suffix, c.districtCode());
        p.put("street" + suffix, c.streetCode());
        p.put("grid" + suffix, c.gridCode());
        p.put("category" + suffix, c.categoryCode());
        p.put("urgency" + suffix, c.urgency() == null ? null : c.urgency().name());
        p.put("status" + suffix, c.status().name());
        p.put("stage" + suffix, c.stage() == null ? null : c.stage().name());
        p.put("startedAt" + suffix, at(c.startedAt()));
        p.put("dueAt" + suffix, at(c.dueAt()));
        p.put("workingTime" + suffix, c.workingTime());
        p.put("limit" + suffix, c.limit() == null ? null : c.limit().toMillis());
        p.put("warnAt" + suffix, at(c.warnAt()));
        p.put("suspended" + suffix, c.suspended());
        p.put("suspendedAt" + suffix, at(c.suspendedAt()));
        p.put("unit" + suffix, c.assigneeOrgUnitId());
        p.put("user" + suffix, c.assigneeUserId());
        p.put("assists" + suffix, c.assistOrgUnitIds().toArray(Long[]::new));
        p.put("supervisions" + suffix, c.supervisionCount());
        p.put("warnedAt" + suffix, at(c.warnedAt()));
        p.put("breachedAt" + suffix, at(c.breachedAt()));
        p.put("escalated" + suffix, c.escalated());
        p.put("breaches" + suffix, c.breachCount());
        p.put("asOf" + suffix, at(c.asOf()));
        p.put("closedAt" + suffix, at(c.closedAt()));
        p.put("now" + suffix, at(now));
        return p;
    }

    static final RowMapper<StageClock> ROW = (rs, n) -> new StageClock(
            rs.getLong("order_id"),
            rs.getString("number"),
            rs.getString("district_code"),
            rs.getString("street_code"),
            rs.getString("grid_code"),
            rs.getString("category_code"),
            rs.getString("urgency") == null ? null : Urgency.valueOf(rs.getString("urgency")),
            WorkOrderStatus.valueOf(rs.getString("status")),
            rs.getString("stage") == null ? null : Stage.valueOf(rs.getString("stage")),
            instant(rs, "started_at"),
            instant(rs, "due_at"),
            rs.getBoolean("working_time"),
            rs.getObject("limit_millis") == null ? null : Duration.ofMillis(rs.getLong("limit_millis")),
            instant(rs, "warn_at"),
            rs.getBoolean("suspended"),
            instant(rs, "suspended_at"),
            rs.getObject("assignee_org_unit_id", Long.class),
            rs.getObject("assignee_user_id", Long.class),
            longs(rs.getArray("assist_org_unit_ids")),
            rs.getInt("supervision_count"),
            instant(rs, "warned_at"),
            instant(rs, "breached_at"),
            rs.getBoolean("escalated"),
            rs.getInt("breach_count"),
            instant(rs, "as_of"),
            instant(rs, "closed_at"));

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    /** PostgreSQL keeps microseconds and would round the rest. */
    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
