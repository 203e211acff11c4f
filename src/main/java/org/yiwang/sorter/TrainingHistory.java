package org.yiwang.sorter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.sorter.classifier.Example;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Transition;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the classifier learns from: every closed order with the category it was finally handled under,
 * and every dispatcher's correction — an order filed (立案) under another category than the top
 * suggestion shown at intake. Both are kept in the sorter's own tables, so that training never scans
 * the orders.
 */
@Component
class TrainingHistory {

    private final JdbcClient jdbc;
    private final WorkOrderQueries queries;

    TrainingHistory(JdbcClient jdbc, WorkOrderQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** A closed (or rated) order: its text and final category become an example; a later close replaces it. */
    void recordClosed(WorkOrderTransitioned event) {
        WorkOrder order = queries.get(event.orderId(), Actor.system());
        if (order.categoryCode() == null || order.closedAt() == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO sorter_example (order_id, district_code, text, category_code, closed_at)
                        VALUES (:id, :district, :text, :category, :closed)
                        ON CONFLICT (order_id) DO UPDATE SET text = EXCLUDED.text, category_code = EXCLUDED.category_code,
                            closed_at = EXCLUDED.closed_at""")
                .param("id", order.id())
                .param("district", order.districtCode())
                .param("text", order.description())
                .param("category", order.categoryCode())
                .param("closed", OffsetDateTime.ofInstant(order.closedAt(), ZoneOffset.UTC))
                .update();
    }

    /**
     * A person filed the order: when the report's history shows suggestions and the chosen category is not
     * the top one, that is a correction.
     */
    void recordRegistration(WorkOrderTransitioned event) {
        if (event.actorUserId() == Actor.SYSTEM_USER_ID || event.categoryCode() == null) {
            return;
        }
        WorkOrderQueries.OrderDetail detail = queries.detail(event.orderId(), Actor.system());
        Optional<TopSuggestion> top = detail.history().stream()
                .filter(t -> t.action() == Action.REPORT)
                .findFirst()
                .flatMap(TrainingHistory::topSuggestion);
        String chosen = registeredCategory(detail.history(), event).orElse(event.categoryCode());
        if (top.isEmpty() || top.get().code().equals(chosen)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO sorter_correction (order_id, district_code, text, suggested_category, suggested_confidence,
                            chosen_category, actor_user_id, corrected_at)
                        VALUES (:id, :district, :text, :suggested, :confidence, :chosen, :actor, :at)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("id", event.orderId())
                .param("district", event.districtCode())
                .param("text", detail.order().description())
                .param("suggested", top.get().code())
                .param("confidence", top.get().confidence())
                .param("chosen", chosen)
                .param("actor", event.actorUserId())
                .param("at", OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC))
                .update();
    }

    private static Optional<String> registeredCategory(List<Transition> history, WorkOrderTransitioned event) {
        return history.stream()
                .filter(t -> t.action() == Action.REGISTER && t.at().equals(event.at()))
                .map(t -> t.details().get("category"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .findFirst();
    }

    record TopSuggestion(String code, double confidence) {
    }

    /** The first of the REPORT details' "suggestions" ("C01002 0.930 井盖/破损"). */
    static Optional<TopSuggestion> topSuggestion(Transition report) {
        Object suggestions = report.details().get("suggestions");
        if (!(suggestions instanceof List<?> list) || list.isEmpty() || !(list.getFirst() instanceof String first)) {
            return Optional.empty();
        }
        String[] parts = first.strip().split("\\s+");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TopSuggestion(parts[0].toUpperCase(Locale.ROOT), Double.parseDouble(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The examples to train on and how many of them are corrections. */
    record Examples(List<Example> examples, int corrections) {
    }

    /**
     * The most recent {@code max} closed orders, plus corrected orders not closed yet (labelled with the
     * dispatcher's choice); an example whose label is a dispatcher's correction weighs {@code correctionWeight}.
     * Categories with fewer than {@code minPerCategory} examples are left out.
     */
    Examples examples(int max, double correctionWeight, int minPerCategory) {
        Map<Long, String> corrected = new HashMap<>();
        jdbc.sql("SELECT order_id, chosen_category FROM sorter_correction ORDER BY corrected_at DESC LIMIT :max")
                .param("max", max)
                .query(rs -> {
                    corrected.put(rs.getLong(1), rs.getString(2));
                });
        Map<Long, Example> byOrder = new LinkedHashMap<>();
        jdbc.sql("SELECT order_id, text, category_code FROM sorter_example ORDER BY closed_at DESC, order_id DESC LIMIT :max")
                .param("max", max)
                .query(rs -> {
                    long id = rs.getLong(1);
                    String label = rs.getString(3);
                    double weight = label.equals(corrected.get(id)) ? correctionWeight : 1.0;
                    byOrder.put(id, new Example(String.valueOf(id), rs.getString(2), label, weight));
                });
        jdbc.sql("SELECT order_id, text, chosen_category FROM sorter_correction ORDER BY corrected_at DESC LIMIT :max")
                .param("max", max)
                .query(rs -> {
                    long id = rs.getLong(1);
                    byOrder.putIfAbsent(id, new Example(String.valueOf(id), rs.getString(2), rs.getString(3), correctionWeight));
                });
        Map<String, Integer> perLabel = new HashMap<>();
        byOrder.values().forEach(e -> perLabel.merge(e.label(), 1, Integer::sum));
        List<Example> kept = new ArrayList<>();
        int corrections = 0;
        for (Example e : byOrder.values()) {
            if (perLabel.get(e.label()) >= minPerCategory) {
                kept.add(e);
                corrections += e.weight() > 1 ? 1 : 0;
            }
        }
        return new Examples(kept, corrections);
    }
}
