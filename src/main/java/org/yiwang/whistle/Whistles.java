package org.yiwang.whistle;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.TimeLimit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whistle aggregates in {@code whistle} and {@code whistle_summons}. Written by hand rather than
 * by Spring Data JDBC because that rewrites every child row on save, which would wipe the
 * {@code reminded_at} that the overdue scan sets with its own conditional UPDATE; here a save touches
 * only the columns the aggregate owns, guarded by the version of the root.
 */
@Repository
class Whistles {

    private static final String WHISTLE_COLUMNS = """
            SELECT id, version, number, order_id, order_number, district_code, street_code, kind, reason, status,
                   command_unit_id, command_unit_name, blown_by, blown_by_name, blown_at, report_limit, due_at, outcome,
                   outcome_note, cancel_reason, finished_by, finished_by_name, finished_at
              FROM whistle""";
    private static final String SUMMONS_COLUMNS = """
            SELECT whistle_id, department_id, department_name, state, due_at, responded_at, responded_by,
                   responded_by_name, note, photos, late, reminded_at
              FROM whistle_summons""";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;

    Whistles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Whistle> find(long id) {
        return load(WHISTLE_COLUMNS + " WHERE id = :id", id);
    }

    /** The whistle, its row locked until the transaction ends: commands on one whistle run one after the other. */
    Optional<Whistle> lock(long id) {
        return load(WHISTLE_COLUMNS + " WHERE id = :id FOR UPDATE", id);
    }

    /** The open whistle of a work order, if any. */
    Optional<Long> openOn(long orderId) {
        return jdbc.sql("SELECT id FROM whistle WHERE order_id = :order AND status = 'OPEN'")
                .param("order", orderId).query(Long.class).optional();
    }

    /** Whistles by id, in the order of {@code ids}; missing ones are left out. */
    List<Whistle> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        Map<Long, List<Summons>> summons = summonsOf(array);
        Map<Long, Whistle> byId = new LinkedHashMap<>();
        jdbc.sql(WHISTLE_COLUMNS + " WHERE id = ANY (:ids)").param("ids", array)
                .query((rs, row) -> whistle(rs, summons.getOrDefault(rs.getLong("id"), List.of())))
                .list().forEach(w -> byId.put(w.id(), w));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A new number such as {@code WH20261123000042}: the day it was blown (China Standard Time) and a sequence. */
    String nextNumber(Instant now) {
        long sequence = jdbc.sql("SELECT nextval('whistle_number_seq')").query(Long.class).single();
        return "WH" + LocalDate.ofInstant(now, org.yiwang.catalog.WorkingCalendar.ZONE).format(DAY) + String.format("%06d", sequence);
    }

    /** Inserts a new whistle or updates an existing one; a stale version is an optimistic-locking failure. */
    void save(Whistle w) {
        if (w.id() == null) {
            insert(w);
        } else {
            update(w);
        }
    }

    private void insert(Whistle w) {
        long id = jdbc.sql("""
                        INSERT INTO whistle (version, number, order_id, order_number, district_code, street_code, kind, reason,
                                             status, command_unit_id, command_unit_name, blown_by, blown_by_name, blown_at,
                                             report_limit, due_at)
                        VALUES (0, :number, :order, :orderNumber, :district, :street, :kind, :reason, :status, :unit,
                                :unitName, :blownBy, :blownByName, :blownAt, :limit, :due)
                        RETURNING id""")
                .param("number", w.number())
                .param("order", w.orderId())
                .param("orderNumber", w.orderNumber())
                .param("district", w.districtCode())
                .param("street", w.streetCode())
                .param("kind", w.kind().name())
                .param("reason", w.reason())
                .param("status", w.status().name())
                .param("unit", w.commandUnitId())
                .param("unitName", w.commandUnitName())
                .param("blownBy", w.blownBy())
                .param("blownByName", w.blownByName())
                .param("blownAt", at(w.blownAt()))
                .param("limit", w.reportLimit().amount() + " " + w.reportLimit().unit().name())
                .param("due", at(w.dueAt()))
                .query(Long.class).single();
        int position = 0;
        for (Summons s : w.summons()) {
            jdbc.sql("""
                            INSERT INTO whistle_summons (whistle_id, department_id, district_code, position, department_name,
                                                         state, due_at)
                            VALUES (:whistle, :department, :district, :position, :name, :state, :due)""")
                    .param("whistle", id)
                    .param("department", s.departmentId())
                    .param("district", w.districtCode())
                    .param("position", position++)
                    .param("name", s.departmentName())
                    .param("state", s.state().name())
                    .param("due", at(s.dueAt()))
                    .update();
        }
        w.saved(id, 0);
    }

    private void update(Whistle w) {
        int changed = jdbc.sql("""
                        UPDATE whistle SET version = version + 1, status = :status, outcome = :outcome, outcome_note = :outcomeNote,
                                           cancel_reason = :cancelReason, finished_by = :finishedBy,
                                           finished_by_name = :finishedByName, finished_at = :finishedAt
                         WHERE id = :id AND version = :version""")
                .param("status", w.status().name())
                .param("outcome", w.outcome() == null ? null : w.outcome().name())
                .param("outcomeNote", w.outcomeNote())
                .param("cancelReason", w.cancelReason())
                .param("finishedBy", w.finishedBy())
                .param("finishedByName", w.finishedByName())
                .param("finishedAt", at(w.finishedAt()))
                .param("id", w.id())
                .param("version", w.version())
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("whistle " + w.number() + " changed since version " + w.version());
        }
        for (Summons s : w.summons()) {
            jdbc.sql("""
                            UPDATE whistle_summons SET state = :state, responded_at = :respondedAt, responded_by = :respondedBy,
                                                       responded_by_name = :respondedByName, note = :note,
                                                       photos = CAST(:photos AS varchar[]), late = :late
                             WHERE whistle_id = :whistle AND department_id = :department""")
                    .param("state", s.state().name())
                    .param("respondedAt", at(s.respondedAt()))
                    .param("respondedBy", s.respondedBy())
                    .param("respondedByName", s.respondedByName())
                    .param("note", s.note())
                    .param("photos", s.photoIds().toArray(String[]::new))
                    .param("late", s.late())
                    .param("whistle", w.id())
                    .param("department", s.departmentId())
                    .update();
        }
        w.saved(w.id(), w.version() + 1);
    }

    private Optional<Whistle> load(String sql, long id) {
        Optional<Whistle> root = jdbc.sql(sql).param("id", id).query((rs, row) -> whistle(rs, List.of())).optional();
        if (root.isEmpty()) {
            return root;
        }
        List<Summons> summons = summonsOf(new Long[]{id}).getOrDefault(id, List.of());
        return Optional.of(withSummons(root.get(), summons));
    }

    private Map<Long, List<Summons>> summonsOf(Long[] whistleIds) {
        Map<Long, List<Summons>> byWhistle = new LinkedHashMap<>();
        jdbc.sql(SUMMONS_COLUMNS + " WHERE whistle_id = ANY (:ids) ORDER BY whistle_id, position")
                .param("ids", whistleIds)
                .query(rs -> {
                    byWhistle.computeIfAbsent(rs.getLong("whistle_id"), k -> new ArrayList<>()).add(summons(rs));
                });
        return byWhistle;
    }

    private static Whistle withSummons(Whistle w, List<Summons> summons) {
        return new Whistle(w.id(), w.version(), w.number(), w.orderId(), w.orderNumber(), w.districtCode(), w.streetCode(),
                w.kind(), w.reason(), w.status(), w.commandUnitId(), w.commandUnitName(), w.blownBy(), w.blownByName(),
                w.blownAt(), w.reportLimit(), w.dueAt(), w.outcome(), w.outcomeNote(), w.cancelReason(), w.finishedBy(),
                w.finishedByName(), w.finishedAt(), summons);
    }

    private static Whistle whistle(ResultSet rs, List<Summons> summons) throws SQLException {
        String[] limit = rs.getString("report_limit").split(" ");
        String outcome = rs.getString("outcome");
        return new Whistle(rs.getLong("id"), rs.getInt("version"), rs.getString("number"), rs.getLong("order_id"),
                rs.getString("order_number"), rs.getString("district_code"), rs.getString("street_code"),
                WhistleKind.valueOf(rs.getString("kind")), rs.getString("reason"), WhistleStatus.valueOf(rs.getString("status")),
                rs.getObject("command_unit_id", Long.class), rs.getString("command_unit_name"), rs.getLong("blown_by"),
                rs.getString("blown_by_name"), instant(rs, "blown_at"),
                new TimeLimit(Integer.parseInt(limit[0]), LimitUnit.valueOf(limit[1])), instant(rs, "due_at"),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("outcome_note"), rs.getString("cancel_reason"),
                rs.getObject("finished_by", Long.class), rs.getString("finished_by_name"), instant(rs, "finished_at"), summons);
    }

    private static Summons summons(ResultSet rs) throws SQLException {
        return new Summons(rs.getLong("department_id"), rs.getString("department_name"),
                Summons.State.valueOf(rs.getString("state")), instant(rs, "due_at"), instant(rs, "responded_at"),
                rs.getObject("responded_by", Long.class), rs.getString("responded_by_name"), rs.getString("note"),
                strings(rs.getArray("photos")), rs.getBoolean("late"), instant(rs, "reminded_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
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
