package org.yiwang.whistle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of whistles, always within the reader's scope: a department sees the whistles that summoned it,
 * territorial staff (street command centres, district leaders, admins) the whistles of streets in their
 * territory. Also the assessment of both sides over a period.
 */
@Service
public class WhistleQueries {

    public static final int MAX_PAGE_SIZE = 200;
    /** The longest period the assessment covers at once. */
    public static final int MAX_PERIOD_DAYS = 366;

    private final Whistles whistles;
    private final JdbcClient jdbc;
    private final Clock clock;

    WhistleQueries(Whistles whistles, JdbcClient jdbc, Clock clock) {
        this.whistles = whistles;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a list may be narrowed to; every field is optional. */
    public record Filter(WhistleStatus status, WhistleKind kind, String street, Long department, Boolean overdue, Long orderId) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);

        public Filter {
            if (street != null) {
                street = street.strip();
                if (street.isEmpty()) {
                    street = null;
                } else if (street.length() > 12 || !street.chars().allMatch(Character::isDigit)) {
                    throw LocalizedException.badRequest("whistle.error.streetFilter", street);
                }
            }
        }
    }

    /** A page of whistles, newest first. */
    public record Page(List<Whistle> content, int page, int size, long totalElements) {
    }

    /** One whistle; 404 when it does not exist or is outside the reader's scope. */
    public Whistle get(long id, Actor reader) {
        return whistles.find(id)
                .filter(w -> WhistlePolicy.canSee(reader, w))
                .orElseThrow(() -> LocalizedException.notFound("whistle.error.notFound", id));
    }

    /** The steps the reader could take on the whistle now, e.g. {@code REPORT_IN}, {@code RECORD_OUTCOME}, {@code CANCEL}. */
    public List<String> allowedActions(Whistle whistle, Actor reader) {
        return WhistlePolicy.allowedActions(reader, whistle);
    }

    public Page list(Filter filter, int page, int size, Actor reader) {
        requireStaff(reader);
        if (page < 0) {
            throw LocalizedException.badRequest("error.typeMismatch", "page", page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw LocalizedException.badRequest("whistle.error.pageSize", MAX_PAGE_SIZE);
        }
        Sql where = where(filter, reader);
        long total = new Sql("SELECT count(*) FROM whistle w WHERE " + where.text(), where.params())
                .bind(jdbc).query(Long.class).single();
        List<Long> ids = listQuery(filter, page, size, reader).bind(jdbc).query(Long.class).list();
        return new Page(whistles.findAll(ids), page, size, total);
    }

    /** The assessment of streets and departments for the days {@code from} to {@code to} (defaults: this month so far). */
    public WhistleStats stats(LocalDate from, LocalDate to, Actor reader) {
        requireStaff(reader);
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : last.withDayOfMonth(1);
        if (first.isAfter(last)) {
            throw LocalizedException.badRequest("whistle.error.periodOrder", first, last);
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_PERIOD_DAYS) {
            throw LocalizedException.badRequest("whistle.error.periodTooLong", MAX_PERIOD_DAYS);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> clauses = new ArrayList<>();
        scope(reader, clauses, params);
        clauses.add("w.blown_at >= :from AND w.blown_at < :to");
        params.put("from", Whistles.at(first.atStartOfDay(WorkingCalendar.ZONE).toInstant()));
        params.put("to", Whistles.at(last.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant()));
        params.put("now", Whistles.at(clock.instant()));
        String where = String.join(" AND ", clauses);

        List<WhistleStats.StreetFigures> streets = new Sql("""
                SELECT w.street_code, max(w.command_unit_name) AS name, count(*) AS blown,
                       count(*) FILTER (WHERE w.kind = 'ROUTINE') AS routine,
                       count(*) FILTER (WHERE w.kind = 'TOUGH') AS tough,
                       count(*) FILTER (WHERE w.kind = 'EMERGENCY') AS emergency,
                       count(*) FILTER (WHERE w.status = 'OPEN') AS open,
                       count(*) FILTER (WHERE w.status = 'CLOSED') AS closed,
                       count(*) FILTER (WHERE w.status = 'CANCELLED') AS cancelled,
                       count(*) FILTER (WHERE w.outcome = 'RESOLVED') AS resolved,
                       count(*) FILTER (WHERE w.outcome = 'PARTIALLY_RESOLVED') AS partially,
                       count(*) FILTER (WHERE w.outcome = 'UNRESOLVED') AS unresolved
                  FROM whistle w""" + " WHERE " + where + " GROUP BY w.street_code ORDER BY w.street_code", params)
                .bind(jdbc).query((rs, row) -> street(rs)).list();

        List<String> departmentClauses = new ArrayList<>(clauses);
        departmentClauses.add("s.state <> 'RELEASED'");
        if (WhistlePolicy.isDepartmentUser(reader)) {
            departmentClauses.add("s.department_id = ANY (:mine)");
        }
        List<WhistleStats.DepartmentFigures> departments = new Sql("""
                SELECT s.department_id, max(s.department_name) AS name, count(*) AS summoned,
                       count(*) FILTER (WHERE s.state IN ('ARRIVED', 'NOT_OUR_DUTY')
                                           OR (s.state = 'PENDING' AND s.due_at < :now)
                                           OR (s.state = 'MISSED' AND s.due_at < w.finished_at)) AS due,
                       count(*) FILTER (WHERE s.state IN ('ARRIVED', 'NOT_OUR_DUTY')) AS reported,
                       count(*) FILTER (WHERE s.state IN ('ARRIVED', 'NOT_OUR_DUTY') AND NOT s.late) AS on_time,
                       count(*) FILTER (WHERE s.state IN ('ARRIVED', 'NOT_OUR_DUTY') AND s.late) AS late,
                       count(*) FILTER (WHERE (s.state = 'PENDING' AND s.due_at < :now)
                                           OR (s.state = 'MISSED' AND s.due_at < w.finished_at)) AS not_reported,
                       count(*) FILTER (WHERE s.state = 'NOT_OUR_DUTY') AS not_our_duty,
                       avg(extract(EPOCH FROM s.responded_at - w.blown_at))
                           FILTER (WHERE s.state IN ('ARRIVED', 'NOT_OUR_DUTY')) AS average_seconds
                  FROM whistle_summons s
                  JOIN whistle w ON w.id = s.whistle_id""" + " WHERE " + String.join(" AND ", departmentClauses)
                + " GROUP BY s.department_id ORDER BY s.department_id", params)
                .bind(jdbc).query((rs, row) -> department(rs)).list();
        return new WhistleStats(first, last, streets, departments);
    }

    /** The statement that selects one page of ids; package-private so that a test can show its plan. */
    Sql listQuery(Filter filter, int page, int size, Actor reader) {
        Sql where = where(filter, reader);
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return new Sql("SELECT w.id FROM whistle w WHERE " + where.text()
                + " ORDER BY w.blown_at DESC, w.id DESC LIMIT :limit OFFSET :offset", params);
    }

    /** SQL text with its named parameters. */
    record Sql(String text, Map<String, Object> params) {

        JdbcClient.StatementSpec bind(JdbcClient jdbc) {
            JdbcClient.StatementSpec spec = jdbc.sql(text);
            params.forEach(spec::param);
            return spec;
        }
    }

    private Sql where(Filter f, Actor reader) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> clauses = new ArrayList<>();
        scope(reader, clauses, params);
        if (f.status() != null) {
            clauses.add("w.status = :status");
            params.put("status", f.status().name());
        }
        if (f.kind() != null) {
            clauses.add("w.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.street() != null) {
            clauses.add("w.street_code LIKE :street");
            params.put("street", f.street() + "%");
        }
        if (f.department() != null) {
            clauses.add("EXISTS (SELECT 1 FROM whistle_summons fs WHERE fs.whistle_id = w.id AND fs.department_id = :department)");
            params.put("department", f.department());
        }
        if (f.orderId() != null) {
            clauses.add("w.order_id = :order");
            params.put("order", f.orderId());
        }
        if (f.overdue() != null) {
            clauses.add((f.overdue() ? "" : "NOT ") + "(w.status = 'OPEN' AND EXISTS (SELECT 1 FROM whistle_summons os"
                    + " WHERE os.whistle_id = w.id AND os.state = 'PENDING' AND os.due_at < :now))");
            params.put("now", Whistles.at(clock.instant()));
        }
        return new Sql(clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses), params);
    }

    /**
     * Departments: the whistles that summoned them; territorial staff: the streets in their territory. The
     * district code leads every condition (the hot indexes start with it, and it is the distribution key
     * should the tables ever be spread over Citus workers); one LIKE per prefix keeps the street code indexable.
     */
    private static void scope(Actor reader, List<String> clauses, Map<String, Object> params) {
        if (reader.isSystem() || reader.scope().citywide()) {
            return;
        }
        String[] patterns = reader.scope().likePatterns();
        boolean department = WhistlePolicy.isDepartmentUser(reader);
        List<String> any = new ArrayList<>();
        for (int i = 0; i < patterns.length; i++) {
            String prefix = patterns[i].substring(0, patterns[i].length() - 1);
            if (prefix.length() < 6) {
                any.add("w.district_code LIKE :scope" + i);
                params.put("scope" + i, patterns[i]);
            } else if (department) {
                any.add("w.district_code = :district" + i);
                params.put("district" + i, prefix.substring(0, 6));
            } else {
                any.add("(w.district_code = :district" + i + " AND w.street_code LIKE :scope" + i + ")");
                params.put("district" + i, prefix.substring(0, 6));
                params.put("scope" + i, patterns[i]);
            }
        }
        clauses.add(any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")");
        if (department) {
            clauses.add("EXISTS (SELECT 1 FROM whistle_summons ms WHERE ms.whistle_id = w.id AND ms.department_id = ANY (:mine))");
            params.put("mine", WhistlePolicy.departmentsOf(reader).toArray(Long[]::new));
        }
    }

    private static WhistleStats.StreetFigures street(ResultSet rs) throws SQLException {
        Map<WhistleKind, Long> byKind = new EnumMap<>(WhistleKind.class);
        byKind.put(WhistleKind.ROUTINE, rs.getLong("routine"));
        byKind.put(WhistleKind.TOUGH, rs.getLong("tough"));
        byKind.put(WhistleKind.EMERGENCY, rs.getLong("emergency"));
        long closed = rs.getLong("closed");
        long resolved = rs.getLong("resolved");
        Double rate = WhistleStats.rate(resolved, closed);
        return new WhistleStats.StreetFigures(rs.getString("street_code"), rs.getString("name"), rs.getLong("blown"), byKind,
                rs.getLong("open"), closed, rs.getLong("cancelled"), resolved, rs.getLong("partially"),
                rs.getLong("unresolved"), rate, WhistleStats.Grade.of(rate));
    }

    private static WhistleStats.DepartmentFigures department(ResultSet rs) throws SQLException {
        long due = rs.getLong("due");
        long reported = rs.getLong("reported");
        long onTime = rs.getLong("on_time");
        double seconds = rs.getDouble("average_seconds");
        Double average = rs.wasNull() ? null : Math.round(seconds / 6.0) / 10.0;
        Double onTimeRate = WhistleStats.rate(onTime, due);
        return new WhistleStats.DepartmentFigures(rs.getLong("department_id"), rs.getString("name"), rs.getLong("summoned"),
                due, reported, onTime, rs.getLong("late"), rs.getLong("not_reported"), rs.getLong("not_our_duty"),
                WhistleStats.rate(reported, due), onTimeRate, average, WhistleStats.Grade.of(onTimeRate));
    }

    private static void requireStaff(Actor reader) {
        if (!reader.isSystem() && !reader.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }
}
