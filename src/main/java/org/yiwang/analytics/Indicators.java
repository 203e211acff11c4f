package org.yiwang.analytics;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.geo.Division;
import org.yiwang.geo.Divisions;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.workorder.WorkOrderStatus;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The dashboard's assessment figures (考核指标) for a reader's territory: today's intake, open and
 * overdue orders, and for a period the intake, closures, 按期结案率 (closed on time ÷ due in the
 * period), mean time to close and 满意率 — in total, by street and by department — plus the trend of
 * the last 30 days and the top categories. Each figure is one SQL query led by the district code, on
 * an index of {@code workorder_order} or {@code analytics_handling_due}.
 */
@Service
@Transactional(readOnly = true)
public class Indicators {

    static final String OPEN = WorkOrderStatus.openSql("o.status");
    static final String CLOSED = WorkOrderStatus.inSql("o.status", WorkOrderStatus.SETTLED);

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final Organization organization;
    private final Catalog catalog;
    private final Clock clock;

    Indicators(JdbcClient jdbc, Divisions divisions, Organization organization, Catalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.organization = organization;
        this.catalog = catalog;
        this.clock = clock;
    }

    static String todayIntakeSql(ScopeSql scope) {
        return sql("SELECT count(*) FROM workorder_order o WHERE {o} AND o.created_at >= :today AND o.created_at < :now", scope);
    }

    static String openSql(ScopeSql scope) {
        return sql("""
                SELECT o.street_code AS street, o.assignee_org_unit_id AS unit,
                       GROUPING(o.street_code) AS all_streets, GROUPING(o.assignee_org_unit_id) AS all_units,
                       count(*) AS open, count(*) FILTER (WHERE o.stage_due_at < :now AND NOT o.suspended) AS overdue
                FROM workorder_order o
                WHERE {o} AND {open}
                GROUP BY GROUPING SETS ((o.street_code), (o.assignee_org_unit_id), ())
                """, scope);
    }

    /**
     * Reports in the period by street and category, and per day over the trend's 30 days, in one scan
     * from the earlier of the two starts ({@code in_period} tells the period's rows apart).
     */
    static String intakeSql(ScopeSql scope) {
        return sql("""
                SELECT street, category, day, GROUPING(street) AS all_streets, GROUPING(category) AS all_categories,
                       GROUPING(day) AS all_days, count(*) FILTER (WHERE in_period) AS intake, count(*) AS n
                FROM (SELECT o.street_code AS street, o.category_code AS category, o.created_at >= :from AS in_period,
                             CAST(o.created_at AT TIME ZONE '{zone}' AS date) AS day
                      FROM workorder_order o
                      WHERE {o} AND o.created_at >= :scanFrom AND o.created_at < :to) x
                GROUP BY GROUPING SETS ((street), (category), (day), ())
                """, scope);
    }

    /** Closures in the period by street and unit (time to close, ratings), and per day over the trend's 30 days, in one scan. */
    static String closedSql(ScopeSql scope) {
        return sql("""
                SELECT street, unit, day, GROUPING(street) AS all_streets, GROUPING(unit) AS all_units, GROUPING(day) AS all_days,
                       count(*) FILTER (WHERE in_period) AS closed, avg(seconds) FILTER (WHERE in_period) AS seconds,
                       count(*) FILTER (WHERE in_period AND satisfaction IS NOT NULL) AS rated,
                       count(*) FILTER (WHERE in_period AND satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
                       count(*) AS n
                FROM (SELECT o.street_code AS street, o.assignee_org_unit_id AS unit, o.satisfaction, o.closed_at >= :from AS in_period,
                             extract(epoch FROM o.closed_at - o.created_at) AS seconds,
                             CAST(o.closed_at AT TIME ZONE '{zone}' AS date) AS day
                      FROM workorder_order o
                      WHERE {o} AND o.closed_at >= :scanFrom AND o.closed_at < :to AND {closed}) x
                GROUP BY GROUPING SETS ((street), (unit), (day), ())
                """, scope);
    }

    /**
     * 应结案数 and 按期结案数 (DESIGN "Assessment"): the orders whose handling fell due in the period — by now —
     * and of them those closed on time. Each order is assessed once, when its handling due time passes,
     * whether it was closed before (on time or not) or is still open (then it counts as not on time).
     */
    static String onTimeSql(ScopeSql scope) {
        return sql("""
                SELECT d.street_code AS street, d.assignee_org_unit_id AS unit,
                       GROUPING(d.street_code) AS all_streets, GROUPING(d.assignee_org_unit_id) AS all_units,
                       count(*) AS due, count(*) FILTER (WHERE d.settled AND d.closed_on_time) AS on_time
                FROM analytics_handling_due d
                WHERE {d} AND d.due_at >= :from AND d.due_at < :to AND d.due_at < :now AND NOT d.voided
                GROUP BY GROUPING SETS ((d.street_code), (d.assignee_org_unit_id), ())
                """, scope);
    }

    private static String sql(String text, ScopeSql scope) {
        return text.replace("{o}", scope.where("o")).replace("{d}", scope.where("d"))
                .replace("{open}", OPEN).replace("{closed}", CLOSED).replace("{zone}", ChinaTime.ZONE.getId());
    }

    public Dashboard dashboard(Actor reader, Period period) {
        ScopeSql scope = ScopeSql.of(reader, divisions);
        Instant now = clock.instant();
        Map<String, Acc> streets = new LinkedHashMap<>();
        Map<Long, Acc> units = new LinkedHashMap<>();
        Acc total = new Acc();
        Map<String, Long> categories = new HashMap<>();
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        LocalDate today = LocalDate.ofInstant(now, Period.ZONE);
        for (int i = 29; i >= 0; i--) {
            days.put(today.minusDays(i), new long[2]);
        }
        long todayIntake = 0;
        if (!scope.isEmpty()) {
            todayIntake = bind(jdbc.sql(todayIntakeSql(scope)), scope)
                    .param("today", Timestamp.from(today.atStartOfDay(Period.ZONE).toInstant()))
                    .param("now", Timestamp.from(now)).query(Long.class).single();
            bind(jdbc.sql(openSql(scope)), scope).param("now", Timestamp.from(now)).query(rs -> {
                Acc acc = pick(rs.getInt("all_streets") == 0, rs.getInt("all_units") == 0, rs.getString("street"),
                        (Long) rs.getObject("unit"), streets, units, total);
                acc.open += rs.getLong("open");
                acc.overdue += rs.getLong("overdue");
            });
            Instant trendFrom = today.minusDays(29).atStartOfDay(Period.ZONE).toInstant();
            Timestamp scanFrom = Timestamp.from(period.from().isBefore(trendFrom) ? period.from() : trendFrom);
            bind(jdbc.sql(intakeSql(scope)), scope).param("from", Timestamp.from(period.from())).param("to", Timestamp.from(period.to()))
                    .param("scanFrom", scanFrom).query(rs -> {
                        if (rs.getInt("all_days") == 0) {
                            addDay(days, rs.getDate("day"), 0, rs.getLong("n"));
                        } else if (rs.getInt("all_categories") == 0) {
                            categories.merge(Objects.requireNonNullElse(rs.getString("category"), ""), rs.getLong("intake"), Long::sum);
                        } else if (rs.getInt("all_streets") == 0) {
                            streets.computeIfAbsent(rs.getString("street"), k -> new Acc()).intake += rs.getLong("intake");
                        } else {
                            total.intake += rs.getLong("intake");
                        }
                    });
            bind(jdbc.sql(closedSql(scope)), scope).param("from", Timestamp.from(period.from())).param("to", Timestamp.from(period.to()))
                    .param("scanFrom", scanFrom).query(rs -> {
                        if (rs.getInt("all_days") == 0) {
                            addDay(days, rs.getDate("day"), 1, rs.getLong("n"));
                            return;
                        }
                        Acc acc = pick(rs.getInt("all_streets") == 0, rs.getInt("all_units") == 0, rs.getString("street"),
                                (Long) rs.getObject("unit"), streets, units, total);
                        acc.closed += rs.getLong("closed");
                        acc.seconds = rs.getObject("seconds") == null ? null : rs.getDouble("seconds");
                        acc.rated += rs.getLong("rated");
                        acc.satisfied += rs.getLong("satisfied");
                    });
            bind(jdbc.sql(onTimeSql(scope)), scope).param("from", Timestamp.from(period.from())).param("to", Timestamp.from(period.to()))
                    .param("now", Timestamp.from(now)).query(rs -> {
                        Acc acc = pick(rs.getInt("all_streets") == 0, rs.getInt("all_units") == 0, rs.getString("street"),
                                (Long) rs.getObject("unit"), streets, units, total);
                        acc.due += rs.getLong("due");
                        acc.onTime += rs.getLong("on_time");
                    });
        }
        // every street of the reader's territory has a row, also one without orders in the period (all zero); for a
        // citywide reader, every street of the districts that have orders
        java.util.Set<String> districts = streets.keySet().stream().filter(java.util.Objects::nonNull).map(c -> c.substring(0, 6))
                .collect(java.util.stream.Collectors.toSet());
        divisions.all().stream()
                .filter(d -> d.level() == org.yiwang.geo.DivisionLevel.STREET)
                .filter(d -> reader.scope().citywide() ? districts.contains(d.code().substring(0, 6)) : reader.scope().covers(d.code()))
                .forEach(d -> streets.putIfAbsent(d.code(), new Acc()));
        List<Dashboard.Row> byStreet = rows(streets, code -> code == null ? null : divisions.find(code).map(Division::name).orElse(code));
        List<Dashboard.Row> byUnit = rows(units, id -> id == null ? null : organization.find(id).map(OrgUnit::name).orElse(String.valueOf(id)));
        byUnit = byUnit.stream().sorted(Comparator.comparingLong(Dashboard.Row::open).reversed()
                .thenComparing(Dashboard.Row::key, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<Dashboard.CategoryCount> top = categories.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(10)
                .map(e -> new Dashboard.CategoryCount(e.getKey().isEmpty() ? null : e.getKey(), categoryName(e.getKey()), e.getValue()))
                .toList();
        List<Dashboard.Day> trend = new ArrayList<>();
        days.forEach((day, n) -> trend.add(new Dashboard.Day(day, n[0], n[1])));
        return new Dashboard(period, now, total.row(null, null), todayIntake, byStreet, byUnit, trend, top);
    }

    private String categoryName(String code) {
        if (code.isEmpty()) {
            return null;
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return catalog.find(code).map((Category c) -> english && c.nameEn() != null ? c.nameEn() : c.name()).orElse(code);
    }

    private static void addDay(Map<LocalDate, long[]> days, java.sql.Date day, int column, long n) {
        long[] counts = day == null ? null : days.get(day.toLocalDate());
        if (counts != null) {
            counts[column] += n;
        }
    }

    private static <K> List<Dashboard.Row> rows(Map<K, Acc> accs, Function<K, String> names) {
        List<Dashboard.Row> rows = new ArrayList<>();
        accs.forEach((key, acc) -> rows.add(acc.row(key == null ? null : String.valueOf(key), names.apply(key))));
        rows.sort(Comparator.comparing(Dashboard.Row::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }

    private static Acc pick(boolean byStreet, boolean byUnit, String street, Long unit, Map<String, Acc> streets,
                            Map<Long, Acc> units, Acc total) {
        if (byStreet) {
            return streets.computeIfAbsent(street, k -> new Acc());
        }
        if (byUnit) {
            return units.computeIfAbsent(unit, k -> new Acc());
        }
        return total;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ScopeSql scope) {
        return spec.param("districts", scope.districts()).param("patterns", scope.patterns());
    }

    /** Figures of one row as the queries add them up. */
    private static final class Acc {
        long intake;
        long open;
        long overdue;
        long closed;
        Double seconds;
        long due;
        long onTime;
        long rated;
        long satisfied;

        Dashboard.Row row(String key, String name) {
            return new Dashboard.Row(key, name, intake, open, overdue, closed, seconds == null ? null : seconds / 3600.0,
                    due, onTime, rated, satisfied);
        }
    }
}
