package org.yiwang.fieldwork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.Grids;
import org.yiwang.platform.ChinaTime;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * 网格员考核数据 — per grid worker of an area and period: patrol time inside their grids, the days that met
 * the 3-hour rule, findings of the patrol log and the matters closed on the spot, household and care visits
 * done, and the current round's households covered against those due. Analytics owns the
 * formulas and grades; this is the module's raw figures.
 */
@Service
public class WorkerFigures {

    private final JdbcClient jdbc;
    private final Grids grids;
    private final Patrols patrols;
    private final Visits visits;
    private final CareVisits care;

    WorkerFigures(JdbcClient jdbc, Grids grids, Patrols patrols, Visits visits, CareVisits care) {
        this.care = care;
        this.jdbc = jdbc;
        this.grids = grids;
        this.patrols = patrols;
        this.visits = visits;
    }

    /**
     * One worker's figures for the period. Visits: {@code visits} recorded by the worker in the period, of which
     * {@code presentVisits} found somebody at home, {@code servicesDone} services at the door, {@code careVisits}
     * care visits (on their own or people met at a household visit); and for the current round of the worker's grids
     * (visits done vs due) {@code householdsCovered} of {@code householdsDue} households, and today's overdue care
     * visits of the care groups in those grids ({@code careOverdue}).
     */
    public record Figures(long userId, String name, List<String> gridCodes, long patrolMinutes, int daysMet, int days,
                          long findings, long closedOnSpot, long visits, long presentVisits, long servicesDone, long careVisits,
                          long householdsDue, long householdsCovered, long careOverdue) {

        public Figures {
            gridCodes = List.copyOf(gridCodes);
        }
    }

    /**
     * The figures of every worker assigned to a grid whose code starts with {@code areaCode} (a grid, a
     * community or a street), from {@code from} to {@code to} inclusive (China Standard Time). The caller
     * checks that the reader's scope covers the area.
     */
    public List<Figures> of(String areaCode, LocalDate from, LocalDate to) {
        List<String> codes = new ArrayList<>();
        if (areaCode.length() == 15) {
            codes.add(areaCode);
        } else {
            codes.addAll(grids.comprehensiveGridCodes(areaCode));
            codes.addAll(grids.dedicatedGridCodes(areaCode));
        }
        Map<Long, GridWorker> workers = new LinkedHashMap<>();
        Map<Long, TreeSet<String>> gridsOf = new HashMap<>();
        for (String code : codes) {
            for (GridWorker worker : grids.workers(code)) {
                workers.putIfAbsent(worker.userId(), worker);
                gridsOf.computeIfAbsent(worker.userId(), u -> new TreeSet<>()).add(code);
            }
        }
        if (workers.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PatrolDay>> days = patrols.days(workers.keySet(), from, to);
        Map<Long, long[]> findings = new HashMap<>();
        jdbc.sql("""
                        select user_id, count(*) as findings, count(*) filter (where outcome = 'CLOSED_ON_SPOT') as closed
                        from fieldwork_finding where user_id = any (:users) and at >= :start and at < :end group by user_id""")
                .param("users", workers.keySet().toArray(Long[]::new))
                .param("start", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        findings.put(rs.getLong("user_id"), new long[]{rs.getLong("findings"), rs.getLong("closed")}));
        Map<Long, long[]> visitCounts = new HashMap<>();
        jdbc.sql("""
                        select user_id, count(*) as visits, count(*) filter (where present) as present,
                               coalesce(sum(cardinality(services)), 0) as services
                        from fieldwork_visit where user_id = any (:users) and at >= :start and at < :end group by user_id""")
                .param("users", workers.keySet().toArray(Long[]::new))
                .param("start", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> visitCounts.put(rs.getLong("user_id"),
                        new long[]{rs.getLong("visits"), rs.getLong("present"), rs.getLong("services"), 0}));
        jdbc.sql("""
                        select user_id, count(*) as care from fieldwork_care_visit
                        where user_id = any (:users) and at >= :start and at < :end group by user_id""")
                .param("users", workers.keySet().toArray(Long[]::new))
                .param("start", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        visitCounts.computeIfAbsent(rs.getLong("user_id"), u -> new long[4])[3] = rs.getLong("care"));
        Map<String, VisitCoverage> coverage = visits.perGrid(codes.toArray(String[]::new));
        Map<String, Long> careOverdue = care.overdueByGrid(codes.toArray(String[]::new));
        List<Figures> result = new ArrayList<>();
        for (GridWorker worker : workers.values()) {
            List<PatrolDay> mine = days.getOrDefault(worker.userId(), List.of());
            Duration total = mine.stream().map(PatrolDay::inGrid).reduce(Duration.ZERO, Duration::plus);
            int met = (int) mine.stream().filter(d -> d.target() == PatrolTarget.MET).count();
            long[] f = findings.getOrDefault(worker.userId(), new long[2]);
            long[] v = visitCounts.getOrDefault(worker.userId(), new long[4]);
            List<VisitCoverage> rounds = gridsOf.get(worker.userId()).stream().map(coverage::get).filter(java.util.Objects::nonNull).toList();
            result.add(new Figures(worker.userId(), worker.displayName(), List.copyOf(gridsOf.get(worker.userId())),
                    total.toMinutes(), met, mine.size(), f[0], f[1], v[0], v[1], v[2], v[3],
                    rounds.stream().mapToLong(VisitCoverage::households).sum(), rounds.stream().mapToLong(VisitCoverage::covered).sum(),
                    gridsOf.get(worker.userId()).stream().mapToLong(g -> careOverdue.getOrDefault(g, 0L)).sum()));
        }
        return result;
    }

    /**
     * What assessment reads of a worker: patrol time and days in their grids, and the current round's households
     * covered against due in those grids.
     */
    public record Assessed(long userId, String name, List<String> gridCodes, long patrolMinutes, int daysMet, int days,
                           long householdsDue, long householdsCovered) {

        public Assessed {
            gridCodes = List.copyOf(gridCodes);
        }
    }

    /**
     * {@link Assessed} figures of every worker assigned to a grid under any of the area codes (districts, streets,
     * communities or grids), from {@code from} to {@code to} inclusive — set-based: the workers in one statement,
     * their patrol points in one, the visit rounds of their grids in two, however many workers (a city's
     * assessment table read 11,000 workers one statement each before). The caller checks the reader's scope.
     */
    public List<Assessed> assessed(java.util.Collection<String> areaCodes, LocalDate from, LocalDate to) {
        Map<String, List<GridWorker>> byGrid = grids.workersUnder(areaCodes);
        Map<Long, GridWorker> workers = new LinkedHashMap<>();
        Map<Long, TreeSet<String>> gridsOf = new HashMap<>();
        byGrid.forEach((code, list) -> {
            for (GridWorker worker : list) {
                workers.putIfAbsent(worker.userId(), worker);
                gridsOf.computeIfAbsent(worker.userId(), u -> new TreeSet<>()).add(code);
            }
        });
        if (workers.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PatrolDay>> days = patrols.days(gridsOf, from, to);
        Map<String, VisitCoverage> coverage = visits.perGrid(byGrid.keySet().toArray(String[]::new));
        List<Assessed> result = new ArrayList<>();
        for (GridWorker worker : workers.values()) {
            List<PatrolDay> mine = days.getOrDefault(worker.userId(), List.of());
            Duration total = mine.stream().map(PatrolDay::inGrid).reduce(Duration.ZERO, Duration::plus);
            int met = (int) mine.stream().filter(d -> d.target() == PatrolTarget.MET).count();
            List<VisitCoverage> rounds = gridsOf.get(worker.userId()).stream().map(coverage::get).filter(java.util.Objects::nonNull).toList();
            result.add(new Assessed(worker.userId(), worker.displayName(), List.copyOf(gridsOf.get(worker.userId())), total.toMinutes(),
                    met, mine.size(), rounds.stream().mapToLong(VisitCoverage::households).sum(),
                    rounds.stream().mapToLong(VisitCoverage::covered).sum()));
        }
        return result;
    }
}
