package org.yiwang.assessment;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.fieldwork.WorkerFigures;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.Divisions;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.services.ServiceFigures;
import org.yiwang.whistle.WhistleQueries;
import org.yiwang.whistle.WhistleStats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 考核评价: the indicator tables by level and month within the reader's territory, scored with the scheme in
 * force, graded and ranked with the change against the previous month; and the orders behind every figure.
 * Order figures come from the monthly sums (one statement per table); the whistle report-in rate
 * from the whistle module; patrol and visit figures from the field-work module; 政务服务好评率 from the services module.
 */
@Service
public class Assessments {

    /** Most orders listed behind one figure. */
    public static final int MAX_DRILL_DOWN = 500;

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final Grids grids;
    private final GridLocator locator;
    private final Organization organization;
    private final People people;
    private final Schemes schemes;
    private final WhistleQueries whistles;
    private final WorkerFigures workers;
    private final ServiceFigures services;
    private final ClosedMonths closedMonths;
    private final Clock clock;

    Assessments(JdbcClient jdbc, Divisions divisions, Grids grids, GridLocator locator, Organization organization, People people,
                Schemes schemes, WhistleQueries whistles, WorkerFigures workers, ServiceFigures services, ClosedMonths closedMonths, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.grids = grids;
        this.locator = locator;
        this.organization = organization;
        this.people = people;
        this.schemes = schemes;
        this.whistles = whistles;
        this.workers = workers;
        this.services = services;
        this.closedMonths = closedMonths;
        this.clock = clock;
    }

    /** The month a request names ({@code yyyy-MM}), this month when blank; a bad one is refused naming the field. */
    public YearMonth month(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE));
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < 2000 || month.isAfter(YearMonth.from(LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE)))) {
                throw LocalizedException.badRequest("assessment.error.month", text);
            }
            return month;
        } catch (java.time.format.DateTimeParseException e) {
            throw LocalizedException.badRequest("assessment.error.month", text);
        }
    }

    /** The table of one level and month, scored with the scheme in force. */
    public AssessmentTable table(Level level, YearMonth month, Actor reader) {
        return table(level, month, schemes.current(), reader);
    }

    public AssessmentTable table(Level level, YearMonth month, Scheme scheme, Actor reader) {
        Territory territory = Territory.of(reader, divisions);
        Map<String, Division> divisionsByCode = new HashMap<>();
        if (level == Level.STREET || level == Level.COMMUNITY) {
            divisions.all().forEach(d -> divisionsByCode.put(d.code(), d));
        }
        // a closed month's rows are kept (ClosedMonths): a past table, and the previous month of this month's 进退位次
        List<AssessmentTable.Row> now = closedMonths.rows(level, month, scheme, territory,
                () -> rows(level, month, scheme, territory, reader, divisionsByCode));
        Map<String, Integer> before = new HashMap<>();
        YearMonth lastMonth = month.minusMonths(1);
        for (AssessmentTable.Row row : closedMonths.rows(level, lastMonth, scheme, territory,
                () -> rows(level, lastMonth, scheme, territory, reader, divisionsByCode))) {
            if (row.rank() != null) {
                before.put(row.code(), row.rank());
            }
        }
        List<AssessmentTable.Row> ranked = now.stream().map(r -> {
            Integer previous = before.get(r.code());
            Integer change = previous == null || r.rank() == null ? null : previous - r.rank();
            return new AssessmentTable.Row(r.code(), r.name(), r.reported(), r.figures(), r.patrolHours(), r.score(), r.grade(),
                    r.rank(), previous, change);
        }).toList();
        return new AssessmentTable(level, month, scheme.version(), ranked);
    }

    /** Unranked rows as computed, then ranked by score (best first; those without a score last, unranked). */
    private List<AssessmentTable.Row> rows(Level level, YearMonth month, Scheme scheme, Territory territory, Actor reader,
                                           Map<String, Division> divisionsByCode) {
        Map<String, Sums[]> sums = territory.isEmpty() ? Map.of() : sums(level, month, territory);
        External fromOthers = external(level, month, territory, reader);
        Map<String, Map<Indicator, Indicator.Figure>> external = fromOthers.figures();
        Map<String, Double> patrolHours = fromOthers.patrolHours();
        Map<String, String> names = units(level, territory, divisionsByCode);
        fromOthers.names().forEach(names::putIfAbsent);
        Set<String> unnamed = new HashSet<>(sums.keySet());
        unnamed.addAll(external.keySet());
        unnamed.removeAll(names.keySet());
        Map<String, String> more = names(level, unnamed, divisionsByCode);
        sums.keySet().forEach(code -> names.putIfAbsent(code, more.getOrDefault(code, code)));
        external.keySet().forEach(code -> names.putIfAbsent(code, more.getOrDefault(code, code)));
        List<AssessmentTable.Row> rows = new ArrayList<>();
        names.forEach((code, name) -> {
            Sums[] s = sums.getOrDefault(code, new Sums[]{Sums.empty(), Sums.empty()});
            Map<Indicator, Indicator.Figure> figures = new EnumMap<>(Indicator.class);
            for (Indicator indicator : Indicator.values()) {
                if (indicator.fromOrders()) {
                    figures.put(indicator, indicator.of(s[0], s[1]));
                }
            }
            figures.putAll(external.getOrDefault(code, Map.of()));
            Double score = score(figures, scheme);
            rows.add(new AssessmentTable.Row(code, name, s[0].reported(), figures, patrolHours.get(code), score,
                    AssessmentTable.Grade.of(score), null, null, null));
        });
        return ranked(rows);
    }

    /**
     * Ranked by score, best first; equal scores share a place (1, 2, 2, 4). Units without a score — those with
     * no orders in the month — get no place and follow the ranked ones, so an empty period never ranks below
     * units that did work.
     */
    static List<AssessmentTable.Row> ranked(List<AssessmentTable.Row> rows) {
        List<AssessmentTable.Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((AssessmentTable.Row r) -> r.score() == null ? 1 : 0)
                .thenComparing(r -> r.score() == null ? 0 : -r.score()).thenComparing(AssessmentTable.Row::code));
        List<AssessmentTable.Row> ranked = new ArrayList<>();
        int rank = 0;
        Double last = null;
        for (int i = 0; i < sorted.size(); i++) {
            AssessmentTable.Row r = sorted.get(i);
            Integer place = null;
            if (r.score() != null) {
                rank = last != null && last.equals(r.score()) ? rank : i + 1;
                last = r.score();
                place = rank;
            }
            ranked.add(new AssessmentTable.Row(r.code(), r.name(), r.reported(), r.figures(), r.patrolHours(), r.score(), r.grade(),
                    place, null, null));
        }
        return ranked;
    }

    /** Figures of other modules per unit, and patrol hours per unit. */
    private record External(Map<String, Map<Indicator, Indicator.Figure>> figures, Map<String, Double> patrolHours,
                            Map<String, String> names) {
    }

    /**
     * The weighted mean of the indicator scores a unit has (rate × 100, or (1 − rate) × 100 where lower is
     * better) — one decimal; null when it has none with a weight, and null when no indicator from the orders
     * has a figure (a unit with no orders in the period gets no score, grade or place, whatever its field-work
     * or whistle figures — they are shown, not scored alone).
     */
    static @Nullable Double score(Map<Indicator, Indicator.Figure> figures, Scheme scheme) {
        if (figures.entrySet().stream().noneMatch(e -> e.getKey().fromOrders() && e.getValue().denominator() > 0)) {
            // no orders in the period: the field-work or whistle figures alone do not grade or rank a unit
            return null;
        }
        double weighted = 0;
        int weights = 0;
        for (Map.Entry<Indicator, Indicator.Figure> e : figures.entrySet()) {
            int w = scheme.weight(e.getKey());
            Double rate = e.getValue().rate();
            if (w == 0 || rate == null) {
                continue;
            }
            weighted += w * (e.getKey().higherIsBetter ? rate : 1 - rate) * 100;
            weights += w;
        }
        return weights == 0 ? null : BigDecimal.valueOf(weighted / weights).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Sums per unit: [all orders, 12345 orders only]. One statement over the level's monthly-sums table. A grid's rows
     * there are already one per grid and hotline, so they are read as they are (no aggregate); the other levels sum in
     * the database, cast to bigint (a numeric sum costs its conversion on both sides: about a third of the grid table's
     * time at 200,000 orders).
     */
    Map<String, Sums[]> sums(Level level, YearMonth month, Territory territory) {
        boolean asStored = level == Level.GRID;
        String flags = Arrays.stream(Flag.values()).map(f -> asStored ? f.column() : "sum(" + f.column() + ")::bigint")
                .collect(Collectors.joining(", "));
        Map<String, Sums[]> out = new LinkedHashMap<>();
        jdbc.sql("SELECT " + level.key + " AS k, hotline, " + (asStored ? "reported" : "sum(reported)::bigint AS reported") + ", " + flags
                        + " FROM " + level.table + " WHERE " + territory.where("area_code") + " AND month = :month AND " + level.filter
                        + (asStored ? "" : " GROUP BY 1, 2"))
                .param("districts", territory.districts()).param("patterns", territory.patterns())
                .param("month", Date.valueOf(month.atDay(1)))
                .query(rs -> {
                    long[] f = new long[Flag.values().length];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = rs.getLong(4 + i);
                    }
                    Sums s = new Sums(rs.getLong("reported"), f);
                    Sums[] pair = out.computeIfAbsent(rs.getString("k"), k -> new Sums[]{Sums.empty(), Sums.empty()});
                    pair[0] = pair[0].plus(s);
                    if (rs.getBoolean("hotline")) {
                        pair[1] = pair[1].plus(s);
                    }
                });
        return out;
    }

    /** Figures from other modules: 吹哨报到率 for departments; patrol and visit coverage for workers and areas. */
    private External external(Level level, YearMonth month, Territory territory, Actor reader) {
        Map<String, Map<Indicator, Indicator.Figure>> out = new HashMap<>();
        LocalDate first = month.atDay(1);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        LocalDate last = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        if (first.isAfter(last) || territory.isEmpty()) {
            return new External(out, Map.of(), Map.of());
        }
        if (level == Level.DEPARTMENT) {
            WhistleStats stats = whistles.stats(first, last, reader);
            for (WhistleStats.DepartmentFigures d : stats.departments()) {
                if (d.due() > 0) {
                    out.computeIfAbsent(String.valueOf(d.departmentId()), k -> new EnumMap<>(Indicator.class))
                            .put(Indicator.WHISTLE_REPORT_IN, Indicator.Figure.of(d.reported(), d.due()));
                }
            }
            return new External(out, Map.of(), Map.of());
        }
        Map<String, long[]> byUnit = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (WorkerFigures.Assessed f : workers.assessed(territory.prefixes(), first, last)) {
            if (f.gridCodes().isEmpty()) {
                continue;
            }
            String grid = f.gridCodes().getFirst();
            String unit = switch (level) {
                case WORKER -> String.valueOf(f.userId());
                case GRID -> grid;
                case COMMUNITY -> grid.substring(0, 12);
                case STREET -> grid.substring(0, 9);
                case DEPARTMENT -> throw new IllegalStateException("departments have no field work");
            };
            if (level == Level.WORKER) {
                names.put(unit, f.name());
            }
            long[] v = byUnit.computeIfAbsent(unit, k -> new long[5]);
            v[0] += f.householdsCovered();
            v[1] += f.householdsDue();
            v[2] += f.daysMet();
            v[3] += f.days();
            v[4] += f.patrolMinutes();
        }
        Map<String, Double> hours = new HashMap<>();
        byUnit.forEach((unit, v) -> {
            Map<Indicator, Indicator.Figure> figures = out.computeIfAbsent(unit, k -> new EnumMap<>(Indicator.class));
            figures.put(Indicator.VISIT_COVERAGE, Indicator.Figure.of(v[0], v[1]));
            figures.put(Indicator.PATROL, Indicator.Figure.of(v[2], v[3]));
            hours.put(unit, BigDecimal.valueOf(v[4] / 60.0).setScale(1, RoundingMode.HALF_UP).doubleValue());
        });
        if (level == Level.STREET || level == Level.COMMUNITY) {
            serviceRatings(level, services.ratingsByCommunity(territory.prefixes(), first, last))
                    .forEach((unit, figure) -> out.computeIfAbsent(unit, k -> new EnumMap<>(Indicator.class)).put(Indicator.SERVICE_RATING, figure));
        }
        return new External(out, hours, names);
    }

    /** 政务服务好评率 per street or community from the communities' ratings: good ÷ rated, only where something was rated. */
    static Map<String, Indicator.Figure> serviceRatings(Level level, List<ServiceFigures.CommunityRatings> communities) {
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        for (ServiceFigures.CommunityRatings c : communities) {
            String unit = level == Level.STREET ? c.communityCode().substring(0, 9) : c.communityCode();
            long[] v = byUnit.computeIfAbsent(unit, k -> new long[2]);
            v[0] += c.good();
            v[1] += c.rated();
        }
        Map<String, Indicator.Figure> out = new LinkedHashMap<>();
        byUnit.forEach((unit, v) -> {
            if (v[1] > 0) {
                out.put(unit, Indicator.Figure.of(v[0], v[1]));
            }
        });
        return out;
    }

    /** Every unit of the level within the territory, so that one without orders still has its row. */
    private Map<String, String> units(Level level, Territory territory, Map<String, Division> divisionsByCode) {
        Map<String, String> names = new LinkedHashMap<>();
        switch (level) {
            case STREET, COMMUNITY -> {
                DivisionLevel wanted = level == Level.STREET ? DivisionLevel.STREET : DivisionLevel.COMMUNITY;
                divisionsByCode.values().stream().filter(d -> d.level() == wanted && territory.covers(d.code()))
                        .sorted(Comparator.comparing(Division::code)).forEach(d -> names.put(d.code(), d.name()));
            }
            case GRID -> {
                for (String prefix : territory.prefixes()) {
                    grids.comprehensiveGridCodes(prefix).forEach(code -> names.put(code, gridName(code)));
                }
            }
            case DEPARTMENT -> {
                for (String district : territory.districts()) {
                    if (territory.covers(district)) {
                        organization.departmentsOf(district).stream().filter(OrgUnit::enabled)
                                .forEach(u -> names.put(String.valueOf(u.id()), u.name()));
                    }
                }
            }
            case WORKER -> {
                // the workers come with their field-work figures and their orders
            }
        }
        return names;
    }

    /** The names of units met in the figures but not listed: one statement at most, whatever their number. */
    private Map<String, String> names(Level level, Set<String> codes, Map<String, Division> divisionsByCode) {
        Map<String, String> names = new HashMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        switch (level) {
            case STREET, COMMUNITY -> codes.forEach(c -> {
                Division d = divisionsByCode.get(c);
                if (d != null) {
                    names.put(c, d.name());
                }
            });
            case GRID -> codes.forEach(c -> names.put(c, gridName(c)));
            case DEPARTMENT -> organization.find(ids(codes)).forEach(u -> names.put(String.valueOf(u.id()), u.name()));
            case WORKER -> people.displayNames(ids(codes)).forEach((id, name) -> names.put(String.valueOf(id), name));
        }
        return names;
    }

    private static List<Long> ids(Set<String> codes) {
        return codes.stream().filter(c -> c.matches("[0-9]{1,18}")).map(Long::valueOf).toList();
    }

    private String gridName(String code) {
        return locator.grid(code).map(g -> g.grid().name()).orElse(code);
    }

    /** One order behind a figure. */
    public record OrderRef(long id, String number, String gridCode) {
    }

    /**
     * The orders behind a figure: those of the unit's month in the numerator ({@code numerator} true) or the
     * denominator of an indicator computed from the orders, within the reader's territory, at most
     * {@link #MAX_DRILL_DOWN}.
     */
    public List<OrderRef> orders(Level level, String code, YearMonth month, Indicator indicator, boolean numerator, Actor reader) {
        Territory territory = Territory.of(reader, divisions);
        if (!indicator.fromOrders()) {
            throw LocalizedException.badRequest("assessment.error.notFromOrders", indicator.name());
        }
        if (!code.matches("[0-9]{1,18}")) {
            throw LocalizedException.badRequest("assessment.error.code", code);
        }
        if (territory.isEmpty()) {
            return List.of();
        }
        String condition = numerator ? indicator.numeratorSql : indicator.denominatorSql;
        return jdbc.sql("SELECT order_id, number, grid_code FROM assessment_order_fact WHERE " + territory.where("grid_code")
                        + " AND month = :month AND " + level.factCondition + " AND " + condition
                        + " ORDER BY order_id LIMIT " + MAX_DRILL_DOWN)
                .param("districts", territory.districts()).param("patterns", territory.patterns())
                .param("month", Date.valueOf(month.atDay(1))).param("code", code)
                .query((rs, n) -> new OrderRef(rs.getLong("order_id"), rs.getString("number"), rs.getString("grid_code"))).list();
    }
}
