package org.yiwang.sla;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The traffic lights as staff may read them, always within the reader's data scope (territorial
 * staff by the grid codes of their territory, units by what is assigned to them): counts of green,
 * yellow and red by street and by department, the overdue orders, and one order's clock with its
 * history. Residents get 403.
 */
@Service
@Transactional(readOnly = true)
public class SlaQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;
    private final Clocks clocks;
    private final WarningTime time;
    private final WorkingCalendar calendar;
    private final WorkOrderQueries orders;
    private final Organization organization;
    private final Clock clock;

    SlaQueries(JdbcClient jdbc, Clocks clocks, WarningTime time, WorkingCalendar calendar, WorkOrderQueries orders,
               Organization organization, Clock clock) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.time = time;
        this.calendar = calendar;
        this.orders = orders;
        this.organization = organization;
        this.clock = clock;
    }

    /** How many running clocks show each colour. */
    public record Lights(long green, long yellow, long red) {

        public long total() {
            return green + yellow + red;
        }
    }

    /**
     * The lights of the reader's scope at {@code at}: in total, by street, and by the unit the orders
     * are with ({@code orgUnitId} null: not dispatched yet, with the command centre).
     */
    public record Overview(Instant at, Lights total, List<Street> byStreet, List<Unit> byDepartment) {

        public Overview {
            byStreet = List.copyOf(byStreet);
            byDepartment = List.copyOf(byDepartment);
        }

        /** @param name the street's command centre, null when unknown */
        public record Street(String code, String name, Lights lights) {
        }

        /** @param name null for orders not with any unit */
        public record Unit(Long orgUnitId, String name, Lights lights) {
        }
    }

    /**
     * A red order and how long it is overdue: in natural time and, for limits in working time, in
     * working time too (null otherwise). A suspended order counts until it was suspended.
     */
    public record OverdueOrder(StageClock clock, Duration overdue, Duration overdueWorkingTime, String assigneeName) {
    }

    /** A page of overdue orders, the longest overdue first. */
    public record OverduePage(Instant at, List<OverdueOrder> content, int page, int size, long totalElements) {

        public OverduePage {
            content = List.copyOf(content);
        }
    }

    /** One order's clock with its light, the share of its limit used, and its history. */
    public record Detail(Instant at, StageClock clock, TrafficLight light, double usedFraction, List<ClockEntry> history) {

        public Detail {
            history = List.copyOf(history);
        }
    }

    public Overview overview(Actor reader) {
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>();
        String scope = scope(reader, params);
        Lights[] total = {new Lights(0, 0, 0)};
        Map<String, Lights> streets = new LinkedHashMap<>();
        Map<Long, Lights> units = new LinkedHashMap<>();
        Lights[] unassigned = {null};
        bind(jdbc.sql("""
                WITH lit AS (
                    SELECT c.street_code, c.assignee_org_unit_id,
                           CASE WHEN t.at > c.due_at THEN 'RED' WHEN t.at >= c.warn_at THEN 'YELLOW' ELSE 'GREEN' END AS light
                    FROM sla_clock c
                    CROSS JOIN LATERAL (SELECT CASE WHEN c.suspended AND c.suspended_at IS NOT NULL AND c.suspended_at < :now
                                                    THEN c.suspended_at ELSE :now END AS at) t
                    WHERE c.closed_at IS NULL AND c.stage IS NOT NULL AND (""" + scope + """
                ))
                SELECT street_code, assignee_org_unit_id, GROUPING(street_code) AS all_streets,
                       GROUPING(assignee_org_unit_id) AS all_units,
                       count(*) FILTER (WHERE light = 'GREEN') AS green,
                       count(*) FILTER (WHERE light = 'YELLOW') AS yellow,
                       count(*) FILTER (WHERE light = 'RED') AS red
                FROM lit
                GROUP BY GROUPING SETS ((street_code), (assignee_org_unit_id), ())
                """), params).param("now", Clocks.at(now)).query(rs -> {
            Lights lights = new Lights(rs.getLong("green"), rs.getLong("yellow"), rs.getLong("red"));
            boolean allStreets = rs.getInt("all_streets") == 1;
            boolean allUnits = rs.getInt("all_units") == 1;
            if (allStreets && allUnits) {
                total[0] = lights;
            } else if (!allStreets) {
                streets.put(rs.getString("street_code"), lights);
            } else {
                Long unit = rs.getObject("assignee_org_unit_id", Long.class);
                if (unit == null) {
                    unassigned[0] = lights;
                } else {
                    units.put(unit, lights);
                }
            }
        });
        List<Overview.Street> byStreet = new ArrayList<>();
        streets.forEach((code, lights) -> byStreet.add(new Overview.Street(code,
                code == null ? null : organization.officeOf(code).map(OrgUnit::name).orElse(null), lights)));
        byStreet.sort(Comparator.comparing((Overview.Street s) -> s.lights().red()).reversed()
                .thenComparing(Overview.Street::code, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Overview.Unit> byUnit = new ArrayList<>();
        units.forEach((id, lights) -> byUnit.add(new Overview.Unit(id, organization.find(id).map(OrgUnit::name).orElse(null), lights)));
        if (unassigned[0] != null) {
            byUnit.add(new Overview.Unit(null, null, unassigned[0]));
        }
        byUnit.sort(Comparator.comparing((Overview.Unit u) -> u.lights().red()).reversed()
                .thenComparing(Overview.Unit::orgUnitId, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Overview(now, total[0], byStreet, byUnit);
    }

    /** The red orders of the reader's scope, the longest overdue first. */
    public OverduePage overdue(Actor reader, int page, int size) {
        if (page < 0) {
            throw LocalizedException.badRequest("sla.error.page", page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw LocalizedException.badRequest("sla.error.pageSize", MAX_PAGE_SIZE);
        }
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>();
        String where = """
                c.closed_at IS NULL AND c.stage IS NOT NULL AND c.due_at < :now
                AND (NOT c.suspended OR c.suspended_at IS NULL OR c.suspended_at > c.due_at) AND (""" + scope(reader, params) + ")";
        params.put("now", Clocks.at(now));
        long total = bind(jdbc.sql("SELECT count(*) FROM sla_clock c WHERE " + where), params).query(Long.class).single();
        List<StageClock> red = bind(jdbc.sql("SELECT " + Clocks.COLUMNS + " FROM sla_clock c WHERE " + where
                        + " ORDER BY c.due_at, c.order_id LIMIT :limit OFFSET :offset"), params)
                .param("limit", size).param("offset", (long) page * size)
                .query(Clocks.ROW).list();
        Map<Long, Optional<String>> unitNames = new HashMap<>();
        List<OverdueOrder> content = red.stream().map(c -> {
            Instant until = c.effectiveNow(now);
            String unit = c.assigneeOrgUnitId() == null ? null : unitNames.computeIfAbsent(c.assigneeOrgUnitId(),
                    id -> organization.find(id).map(OrgUnit::name)).orElse(null);
            return new OverdueOrder(c, Duration.between(c.dueAt(), until),
                    c.workingTime() ? time.span(c.dueAt(), until, true) : null, unit);
        }).toList();
        return new OverduePage(now, content, page, size, total);
    }

    /** The clock of one order with its history; 404 when the order is outside the reader's scope or has no clock. */
    public Detail clock(long orderId, Actor reader) {
        requireStaff(reader);
        orders.get(orderId, reader);
        StageClock c = clocks.find(orderId).orElseThrow(() -> LocalizedException.notFound("sla.error.noClock", orderId));
        Instant now = clock.instant();
        return new Detail(now, c, c.light(now), time.usedFraction(c, now), clocks.history(orderId));
    }

    private static void requireStaff(Actor reader) {
        if (!reader.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    /** The reader's scope as SQL on {@code sla_clock c}, as the work-order list draws it. */
    private static String scope(Actor reader, Map<String, Object> params) {
        requireStaff(reader);
        List<String> any = new ArrayList<>();
        if (reader.hasAny(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.COMMUNITY_STAFF, Role.GRID_WORKER)
                && reader.scope().likePatterns().length > 0) {
            List<String> districts = districtsOf(reader);
            if (districts.isEmpty()) {
                any.add("coalesce(c.grid_code, c.district_code) LIKE ANY (:patterns)");
            } else {
                // the district code leads: it selects the index and, on Citus, the shards
                any.add("(c.district_code = ANY (:districts) AND coalesce(c.grid_code, c.district_code) LIKE ANY (:patterns))");
                params.put("districts", districts.toArray(String[]::new));
            }
            params.put("patterns", reader.scope().likePatterns());
        }
        List<Long> units = new ArrayList<>(reader.scope().departmentIds());
        if (reader.orgUnitId() != null && !units.contains(reader.orgUnitId())) {
            units.add(reader.orgUnitId());
        }
        if (!units.isEmpty()) {
            any.add("c.assignee_org_unit_id = ANY (:units) OR c.assist_org_unit_ids && CAST(:units AS bigint[])");
            params.put("units", units.toArray(Long[]::new));
        }
        any.add("c.assignee_user_id = :me");
        params.put("me", reader.userId());
        return String.join(" OR ", any);
    }

    /** The districts a territorial scope lies in; empty for a city-wide or city scope. */
    private static List<String> districtsOf(Actor reader) {
        if (reader.scope().citywide() || reader.scope().divisionPrefixes().stream().anyMatch(p -> p.length() < 6)) {
            return List.of();
        }
        return reader.scope().divisionPrefixes().stream().map(p -> p.substring(0, 6)).distinct().sorted().toList();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        params.forEach(spec::param);
        return spec;
    }
}
