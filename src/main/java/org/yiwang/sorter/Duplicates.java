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
        SorterProperties.DuplicateRules rules = properties.duplicates();
        double dLat = rules.maxDistanceMeters() / 111_000.0;
        double dLon = dLat / Math.max(0.05, Math.cos(Math.toRadians(order.lat())));
        List<IntakeTraces.Trace> near = jdbc.sql("SELECT " + IntakeTraces.COLUMNS + """
                         FROM sorter_intake
                        WHERE open AND lat BETWEEN :lat0 AND :lat1 AND lon BETWEEN :lon0 AND :lon1
                          AND reported_at >= :from AND reported_at <= :to AND order_id <> :id""")
                .param("lat0", order.lat() - dLat).param("lat1", order.lat() + dLat)
                .param("lon0", order.lon() - dLon).param("lon1", order.lon() + dLon)
                .param("from", SorterModels.at(order.reportedAt().minus(rules.window())))
                .param("to", SorterModels.at(order.reportedAt().plus(rules.window())))
                .param("id", order.orderId())
                .query(IntakeTraces::trace).list();
        List<Found> found = new ArrayList<>();
        for (IntakeTraces.Trace other : near) {
            score(order, other, rules).ifPresent(found::add);
        }
        found.sort(Comparator.comparingDouble(Found::score).reversed());
        int kept = 0;
        for (Found f : found.subList(0, Math.min(rules.maxCandidates(), found.size()))) {
            boolean later = later(order, f.candidate());
            IntakeTraces.Trace repeat = later ? order : f.candidate();
            IntakeTraces.Trace original = later ? f.candidate() : order;
            kept += jdbc.sql("""
                            INSERT INTO sorter_duplicate (district_code, order_id, candidate_id, score, text_similarity, distance_m,
                                same_category, status, found_at)
                            VALUES (:district, :order, :candidate, :score, :text, :distance, :same, 'OPEN', :at)
                            ON CONFLICT ON CONSTRAINT sorter_duplicate_pair_uk DO NOTHING""")
                    .param("district", repeat.districtCode())
                    .param("order", repeat.orderId())
                    .param("candidate", original.orderId())
                    .param("score", f.score())
                    .param("text", f.text())
                    .param("distance", f.distance())
                    .param("same", f.sameCategory())
                    .param("at", SorterModels.at(clock.instant()))
                    .update();
        }
        return kept;
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
        double text = TextSimilarity.cosine(order.text(), other.text());
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

    /** Merges the pair's newer order into the older one (合并). 409 when decided already or the order cannot be merged now. */
    @Transactional
    public DuplicateCandidate merge(long id, String note, Actor actor) {
        requireDispatcher(actor);
        Row row = openRow(id, actor);
        String text = note == null || note.isBlank() ? "重复上报 / duplicate report" : note.strip();
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
