package org.yiwang.sorter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.Category;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 疑似重复 — finds likely duplicates of a new report among the open orders: the same or a similar category
 * (same major class), within the configured distance and time window, with similar text; keeps them for
 * the dispatcher, who merges the newer order into the older one (it then follows that master, and its
 * reporter is told by work orders) or keeps them apart.
 */
@Service
public class Duplicates {

    /** Score weights: how alike the texts are matters most, then how near, then the category. */
    static final double TEXT_WEIGHT = 0.6;
    static final double NEAR_WEIGHT = 0.25;
    static final double CATEGORY_WEIGHT = 0.15;

    private static final String SELECT = """
            SELECT id, order_id, candidate_id, score, text_similarity, distance_m, same_category, status, found_at,
                decided_at, decided_by, note FROM sorter_duplicate""";

    private final JdbcClient jdbc;
    private final WorkOrderActions actions;
    private final WorkOrderQueries queries;
    private final SorterProperties properties;
    private final Clock clock;

    Duplicates(JdbcClient jdbc, WorkOrderActions actions, WorkOrderQueries queries,
               SorterProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Looks for open orders within the window before or after {@code order} that it likely repeats and keeps
     * the best pairs; returns how many were kept. Both ways, because the traces of orders reported at nearly
     * the same moment are recorded concurrently: whichever is recorded second finds the other. A pair is
     * always stored as the later report ({@code order_id}) repeating the earlier ({@code candidate_id}).
     */
    int detect(IntakeTraces.Trace order) {
        return detectAll(List.of(order));
    }

    /**
     * {@link #detect} for many new reports at once: one search for the open orders near any of them and one
     * statement for the pairs kept, whatever the number of reports. Two of the reports may find each other;
     * the pair is kept once.
     */
    int detectAll(List<IntakeTraces.Trace> orders) {
        if (orders.isEmpty()) {
            return 0;
        }
        SorterProperties.DuplicateRules rules = properties.duplicates();
        double dLat = rules.maxDistanceMeters() / 111_000.0;
        long windowSeconds = rules.window().toSeconds();
        Long[] ids = orders.stream().map(IntakeTraces.Trace::orderId).toArray(Long[]::new);
        // for each new report, the open orders in the box around it and within the window before or after it
        // (the reports are joined from an unnested array, which the planner takes for a few rows: one probe each of
        // the GiST index on the open orders' points)
        Map<Long, List<IntakeTraces.Trace>> near = new java.util.HashMap<>();
        jdbc.sql("SELECT n.order_id AS new_id, " + IntakeTraces.columns("c") + " " + """
                         FROM unnest(cast(:ids AS bigint[])) AS i(id)
                         JOIN sorter_intake n ON n.order_id = i.id
                         JOIN sorter_intake c ON c.open AND c.order_id <> n.order_id
                          AND point(c.lon, c.lat) <@ box(point(n.lon - :dlat / greatest(0.05, cos(radians(n.lat))), n.lat - :dlat),
                                                         point(n.lon + :dlat / greatest(0.05, cos(radians(n.lat))), n.lat + :dlat))
                          AND c.reported_at >= n.reported_at - make_interval(secs => :window)
                          AND c.reported_at <= n.reported_at + make_interval(secs => :window)""")
                .param("dlat", dLat).param("window", (double) windowSeconds).param("ids", ids)
                .query(rs -> {
                    near.computeIfAbsent(rs.getLong("new_id"), k -> new ArrayList<>()).add(IntakeTraces.trace(rs, 0));
                });
        List<Object[]> pairs = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Map<Long, TextSimilarity.Vector> vectors = new java.util.HashMap<>();
        Function<IntakeTraces.Trace, TextSimilarity.Vector> texts =
                trace -> vectors.computeIfAbsent(trace.orderId(), id -> TextSimilarity.Vector.of(trace.text()));
        for (IntakeTraces.Trace order : orders) {
            List<Found> found = new ArrayList<>();
            for (IntakeTraces.Trace other : near.getOrDefault(order.orderId(), List.of())) {
                score(order, other, rules, texts).ifPresent(found::add);
            }
            found.sort(Comparator.comparingDouble(Found::score).reversed());
            for (Found f : found.subList(0, Math.min(rules.maxCandidates(), found.size()))) {
                boolean later = later(order, f.candidate());
                IntakeTraces.Trace repeat = later ? order : f.candidate();
                IntakeTraces.Trace original = later ? f.candidate() : order;
                if (seen.add(repeat.orderId() + ":" + original.orderId())) {
                    pairs.add(new Object[]{repeat.districtCode(), repeat.orderId(), original.orderId(), f.score(), f.text(),
                            f.distance(), f.sameCategory()});
                }
            }
        }
        if (pairs.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        INSERT INTO sorter_duplicate (district_code, order_id, candidate_id, score, text_similarity, distance_m,
                            same_category, status, found_at)
                        SELECT d, o, c, s, t, m, same, 'OPEN', :at
                          FROM unnest(cast(:districts AS varchar[]), cast(:orders AS bigint[]), cast(:candidates AS bigint[]),
                                      cast(:scores AS float8[]), cast(:texts AS float8[]), cast(:distances AS float8[]),
                                      cast(:same AS boolean[])) AS p(d, o, c, s, t, m, same)
                        ON CONFLICT ON CONSTRAINT sorter_duplicate_pair_uk DO NOTHING""")
                .param("districts", pairs.stream().map(p -> (String) p[0]).toArray(String[]::new))
                .param("orders", pairs.stream().map(p -> (Long) p[1]).toArray(Long[]::new))
                .param("candidates", pairs.stream().map(p -> (Long) p[2]).toArray(Long[]::new))
                .param("scores", pairs.stream().map(p -> (Double) p[3]).toArray(Double[]::new))
                .param("texts", pairs.stream().map(p -> (Double) p[4]).toArray(Double[]::new))
                .param("distances", pairs.stream().map(p -> (Double) p[5]).toArray(Double[]::new))
                .param("same", pairs.stream().map(p -> (Boolean) p[6]).toArray(Boolean[]::new))
                .param("at", SorterModels.at(clock.instant()))
                .update();
    }

    /** Whether {@code a} was reported after {@code b} (the higher id first when both came at the same instant). */
    static boolean later(IntakeTraces.Trace a, IntakeTraces.Trace b) {
        int byTime = a.reportedAt().compareTo(b.reportedAt());
        return byTime != 0 ? byTime > 0 : a.orderId() > b.orderId();
    }

    record Found(IntakeTraces.Trace candidate, double score, double text, double distance, boolean sameCategory) {
    }

    /** The pair's score, or empty when the rules say they are not duplicates. */
    static java.util.Optional<Found> score(IntakeTraces.Trace order, IntakeTraces.Trace other, SorterProperties.DuplicateRules rules) {
        return score(order, other, rules, trace -> TextSimilarity.Vector.of(trace.text()));
    }

    /** @param texts each trace's bigram vector, made once per trace by the caller */
    static java.util.Optional<Found> score(IntakeTraces.Trace order, IntakeTraces.Trace other, SorterProperties.DuplicateRules rules,
                                           Function<IntakeTraces.Trace, TextSimilarity.Vector> texts) {
        double distance = TextSimilarity.meters(order.lat(), order.lon(), other.lat(), other.lon());
        if (distance > rules.maxDistanceMeters()) {
            return java.util.Optional.empty();
        }
        double category;
        boolean same = false;
        if (order.categoryCode() == null || other.categoryCode() == null) {
            category = 0.5;
        } else if (order.categoryCode().equals(other.categoryCode())) {
            category = 1;
            same = true;
        } else if (Category.isCode(order.categoryCode()) && Category.isCode(other.categoryCode())
                && Category.majorClassOf(order.categoryCode()).equals(Category.majorClassOf(other.categoryCode()))) {
            category = 0.5;
        } else {
            return java.util.Optional.empty();
        }
        double text = texts.apply(order).cosine(texts.apply(other));
        if (text < rules.minTextSimilarity()) {
            return java.util.Optional.empty();
        }
        double score = TEXT_WEIGHT * text + NEAR_WEIGHT * (1 - distance / rules.maxDistanceMeters()) + CATEGORY_WEIGHT * category;
        if (score < rules.minScore()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Found(other, round(score), round(text), Math.round(distance * 10) / 10.0, same));
    }

    /** An order left the open states: its undecided pairs are moot. */
    void obsolete(long orderId) {
        jdbc.sql("UPDATE sorter_duplicate SET status = 'OBSOLETE' WHERE status = 'OPEN' AND (order_id = :id OR candidate_id = :id)")
                .param("id", orderId).update();
    }

    /**
     * The likely duplicates of an order the reader may see (404 otherwise), either side of the pair;
     * only undecided ones unless {@code all}.
     */
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> of(long orderId, boolean all, Actor reader) {
        requireDispatcher(reader, Role.LEADER);
        queries.get(orderId, reader);
        List<Row> rows = jdbc.sql(SELECT + " WHERE (order_id = :id OR candidate_id = :id)" + (all ? "" : " AND status = 'OPEN'")
                        + " ORDER BY score DESC, id")
                .param("id", orderId).query(Duplicates::row).list();
        return withOrders(rows, reader);
    }

    /** One order of a likely duplicate pair as the map draws it: where it was reported, no text (the map shows no words). */
    public record PairedOrder(long id, String number, String gridCode, String categoryCode, double lat, double lon, String status) {
    }

    /** An undecided likely duplicate pair (疑似重复) on the command map: a line between the two orders. */
    public record DuplicatePair(long id, PairedOrder order, PairedOrder candidate, double score, double distanceMeters, java.time.Instant foundAt) {
    }

    /**
     * The undecided likely duplicate pairs whose two orders both lie in the reader's territory, newest first, at
     * most {@code limit} (1–500): one statement over the pairs and their intake traces.
     */
    @Transactional(readOnly = true)
    public List<DuplicatePair> openPairs(int limit, Actor reader) {
        requireDispatcher(reader, Role.LEADER);
        if (limit < 1 || limit > 500) {
            throw LocalizedException.badRequest("sorter.error.limit", 500);
        }
        String[] patterns = reader.scope().likePatterns();
        if (patterns.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT d.id, d.score, d.distance_m, d.found_at,
                               a.order_id AS a_id, a.number AS a_number, a.grid_code AS a_grid, a.category_code AS a_category,
                               a.lat AS a_lat, a.lon AS a_lon, a.status AS a_status,
                               b.order_id AS b_id, b.number AS b_number, b.grid_code AS b_grid, b.category_code AS b_category,
                               b.lat AS b_lat, b.lon AS b_lon, b.status AS b_status
                        FROM sorter_duplicate d
                        JOIN sorter_intake a ON a.order_id = d.order_id
                        JOIN sorter_intake b ON b.order_id = d.candidate_id
                        WHERE d.status = 'OPEN' AND a.grid_code LIKE ANY (:patterns) AND b.grid_code LIKE ANY (:patterns)
                        ORDER BY d.found_at DESC, d.id DESC LIMIT :limit""")
                .param("patterns", patterns).param("limit", limit)
                .query((rs, n) -> new DuplicatePair(rs.getLong("id"), side(rs, "a_"), side(rs, "b_"), rs.getDouble("score"),
                        rs.getDouble("distance_m"), SorterModels.instant(rs, "found_at")))
                .list();
    }

    private static PairedOrder side(ResultSet rs, String p) throws SQLException {
        return new PairedOrder(rs.getLong(p + "id"), rs.getString(p + "number"), rs.getString(p + "grid"), rs.getString(p + "category"),
                rs.getDouble(p + "lat"), rs.getDouble(p + "lon"), rs.getString(p + "status"));
    }

    /** What the queue marks on an order's row: how many undecided likely duplicates it has, and whether it is in an open hot spot. */
    public record Marks(long orderId, int duplicates, boolean hotspot) {
    }

    /**
     * The marks of the given orders that the reader may see (at most 200 per call), leaving out orders without any:
     * two indexed queries for a page of the queue.
     */
    @Transactional(readOnly = true)
    public List<Marks> marks(java.util.Collection<Long> orderIds, Actor reader) {
        requireDispatcher(reader, Role.LEADER);
        if (orderIds.isEmpty()) {
            return List.of();
        }
        if (orderIds.size() > 200) {
            throw LocalizedException.badRequest("sorter.error.tooManyOrders", 200);
        }
        java.util.Set<Long> visible = queries.getAll(orderIds, reader).keySet();
        if (visible.isEmpty()) {
            return List.of();
        }
        Long[] ids = visible.toArray(Long[]::new);
        Map<Long, Integer> pairs = new java.util.HashMap<>();
        jdbc.sql("""
                        select o, count(*) from (
                          select order_id as o from sorter_duplicate where status = 'OPEN' and order_id = any (:ids)
                          union all
                          select candidate_id from sorter_duplicate where status = 'OPEN' and candidate_id = any (:ids)) x
                        group by o""")
                .param("ids", ids).query(rs -> {
                    pairs.put(rs.getLong(1), rs.getInt(2));
                });
        java.util.Set<Long> hot = new java.util.HashSet<>(jdbc.sql("""
                        select distinct ho.order_id from sorter_hotspot_order ho join sorter_hotspot h on h.id = ho.hotspot_id
                        where h.status = 'OPEN' and ho.order_id = any (:ids)""")
                .param("ids", ids).query(Long.class).list());
        List<Marks> marks = new ArrayList<>();
        for (Long id : visible) {
            int n = pairs.getOrDefault(id, 0);
            if (n > 0 || hot.contains(id)) {
                marks.add(new Marks(id, n, hot.contains(id)));
            }
        }
        marks.sort(Comparator.comparingLong(Marks::orderId));
        return marks;
    }

    /** Merges the pair's newer order into the older one (合并). 409 when decided already or the order cannot be merged now. */
    @Transactional
    public DuplicateCandidate merge(long id, String note, Actor actor) {
        requireDispatcher(actor);
        Row row = openRow(id, actor);
        String text = note == null || note.isBlank() ? org.yiwang.workorder.SystemNotes.DUPLICATE : note.strip();
        actions.perform(row.orderId(), Action.MERGE,
                new ActOnOrder(text, List.of(), null, null, null, List.of(), null, null, row.candidateId(), null), actor);
        decide(row, DuplicateStatus.MERGED, text, actor);
        return get(id, actor);
    }

    /** The dispatcher decides the two are different problems. */
    @Transactional
    public DuplicateCandidate keepApart(long id, String note, Actor actor) {
        requireDispatcher(actor);
        Row row = openRow(id, actor);
        decide(row, DuplicateStatus.KEPT_APART, note == null || note.isBlank() ? null : note.strip(), actor);
        return get(id, actor);
    }

    DuplicateCandidate get(long id, Actor reader) {
        Row row = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Duplicates::row).optional()
                .orElseThrow(() -> LocalizedException.notFound("sorter.error.duplicateNotFound", id));
        List<DuplicateCandidate> shown = withOrders(List.of(row), reader);
        if (shown.isEmpty()) {
            throw LocalizedException.notFound("sorter.error.duplicateNotFound", id);
        }
        return shown.getFirst();
    }

    private Row openRow(long id, Actor actor) {
        Row row = jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(Duplicates::row).optional()
                .orElseThrow(() -> LocalizedException.notFound("sorter.error.duplicateNotFound", id));
        // both orders must be within the actor's reach: 404 otherwise, so that their existence does not leak
        try {
            queries.get(row.orderId(), actor);
            queries.get(row.candidateId(), actor);
        } catch (LocalizedException e) {
            throw LocalizedException.notFound("sorter.error.duplicateNotFound", id);
        }
        if (row.status() != DuplicateStatus.OPEN) {
            throw LocalizedException.conflict("sorter.error.duplicateDecided", id, row.status().name());
        }
        return row;
    }

    private void decide(Row row, DuplicateStatus status, String note, Actor actor) {
        jdbc.sql("UPDATE sorter_duplicate SET status = :status, decided_at = :at, decided_by = :by, note = :note WHERE id = :id")
                .param("status", status.name())
                .param("at", SorterModels.at(clock.instant()))
                .param("by", actor.userId())
                .param("note", note == null ? null : note.length() > 500 ? note.substring(0, 500) : note)
                .param("id", row.id())
                .update();
    }

    private static void requireDispatcher(Actor actor, Role... more) {
        if (!actor.hasAny(Role.DISPATCHER, Role.ADMIN) && !actor.hasAny(more)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    private List<DuplicateCandidate> withOrders(List<Row> rows, Actor reader) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.orderId(), r.candidateId())).distinct().toArray(Long[]::new);
        Map<Long, IntakeTraces.Trace> traces = jdbc.sql("SELECT " + IntakeTraces.COLUMNS + " FROM sorter_intake WHERE order_id = ANY (:ids)")
                .param("ids", ids).query(IntakeTraces::trace).list().stream()
                .collect(Collectors.toMap(IntakeTraces.Trace::orderId, Function.identity()));
        return rows.stream()
                .filter(r -> traces.containsKey(r.orderId()) && traces.containsKey(r.candidateId()))
                .filter(r -> reader.scope().covers(traces.get(r.orderId()).gridCode())
                        && reader.scope().covers(traces.get(r.candidateId()).gridCode()))
                .map(r -> new DuplicateCandidate(r.id(), traces.get(r.orderId()).ref(), traces.get(r.candidateId()).ref(), r.score(),
                        r.text(), r.distance(), r.same(), r.status(), r.foundAt(), r.decidedAt(), r.decidedBy(), r.note()))
                .filter(Objects::nonNull)
                .toList();
    }

    private record Row(long id, long orderId, long candidateId, double score, double text, double distance, boolean same,
                       DuplicateStatus status, java.time.Instant foundAt, java.time.Instant decidedAt, Long decidedBy, String note) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("order_id"), rs.getLong("candidate_id"), rs.getDouble("score"),
                rs.getDouble("text_similarity"), rs.getDouble("distance_m"), rs.getBoolean("same_category"),
                DuplicateStatus.valueOf(rs.getString("status")), SorterModels.instant(rs, "found_at"),
                SorterModels.instant(rs, "decided_at"), rs.getObject("decided_by", Long.class), rs.getString("note"));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
