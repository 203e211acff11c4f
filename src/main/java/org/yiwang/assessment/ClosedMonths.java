package org.yiwang.assessment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.ChinaTime;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The computed rows of closed months (a month before this one, China Standard Time), kept on this node by level,
 * territory, month and scheme version — a closed month is read again and again (its own table, and as the previous
 * month of this month's 进退位次) but seldom changes. A kept table is computed anew when the scheme changes (its version
 * is in the key), when the work-order journal changed the month's sums in one of the territory's districts (the
 * follower counts those changes in {@code assessment_month_revision}, read once per request, so every node sees them),
 * and after {@code yiwang.assessment.closed-month-cache} at the latest (the field-work, whistle and service figures of
 * other modules, which a late upload may still change).
 */
@Component
class ClosedMonths {

    /** Most tables kept; the oldest goes first (a grid table of a city is about 11,000 rows). */
    static final int MAX_TABLES = 64;

    private record Key(Level level, String territory, YearMonth month, int schemeVersion, Map<Indicator, Integer> weights) {
    }

    private record Kept(long revision, Instant at, List<AssessmentTable.Row> rows) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    ClosedMonths(JdbcClient jdbc, Clock clock, AssessmentProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = properties.closedMonthCache();
    }

    boolean closed(YearMonth month) {
        return month.isBefore(YearMonth.from(LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE)));
    }

    /** The month's rows: kept ones while still valid, else {@code compute}'s (kept when the month is closed). */
    List<AssessmentTable.Row> rows(Level level, YearMonth month, Scheme scheme, Territory territory,
                                   Supplier<List<AssessmentTable.Row>> compute) {
        if (keep.isZero() || territory.isEmpty() || !closed(month)) {
            return compute.get();
        }
        Key key = new Key(level, String.join(",", territory.districts()) + "|" + String.join(",", territory.patterns()), month,
                scheme.version(), scheme.weights());
        // read before computing: a change that lands meanwhile moves the count again, so the next read computes anew
        long revision = revision(month, territory);
        Instant now = clock.instant();
        Kept k = kept.get(key);
        if (k != null && k.revision() == revision && k.at().plus(keep).isAfter(now)) {
            return k.rows();
        }
        List<AssessmentTable.Row> rows = List.copyOf(compute.get());
        if (kept.size() >= MAX_TABLES) {
            kept.entrySet().stream().min(Comparator.comparing(e -> e.getValue().at())).ifPresent(e -> kept.remove(e.getKey()));
        }
        kept.put(key, new Kept(revision, now, rows));
        return rows;
    }

    /** The number of changes to the month's sums in the territory's districts so far. */
    long revision(YearMonth month, Territory territory) {
        return jdbc.sql("SELECT coalesce(sum(revision), 0) FROM assessment_month_revision WHERE month = :month AND district_code = ANY (:districts)")
                .param("month", Date.valueOf(month.atDay(1))).param("districts", territory.districts()).query(Long.class).single();
    }

    /**
     * Counts one change to each of these (district, first day of month) that is a closed month: one statement, by the
     * journal follower. Changes to the running month are not counted (its table is never kept), so an intake — which
     * only ever changes the running month — costs no statement here.
     */
    void changed(Collection<Map.Entry<String, LocalDate>> changes) {
        List<Map.Entry<String, LocalDate>> districtMonths = changes.stream().filter(e -> closed(YearMonth.from(e.getValue()))).toList();
        if (districtMonths.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO assessment_month_revision (district_code, month, revision)"
                        + " SELECT d, m, 1 FROM unnest(CAST(:districts AS varchar[]), CAST(CAST(:months AS text[]) AS date[])) AS t (d, m)"
                        + " ON CONFLICT (district_code, month) DO UPDATE SET revision = assessment_month_revision.revision + 1")
                .param("districts", districtMonths.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .param("months", districtMonths.stream().map(e -> e.getValue().toString()).toArray(String[]::new))
                .update();
    }

    /** Forgets every kept table (benchmarks measure the computation with it). */
    void clear() {
        kept.clear();
    }
}
