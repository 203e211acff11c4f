package org.yiwang.sorter;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Service;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.people.DepartmentType;
import org.yiwang.platform.LocalizedException;
import org.yiwang.sorter.classifier.TextClassifier;
import org.yiwang.workorder.CategorySuggester;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 智能分拣 — suggests categories for a report's text: from the active trained model when there is one,
 * else from the default model shipped or configured ({@link DefaultModel}: a sector, its department type and the
 * sector's default category), else from the catalog's names and keywords (cold start). Only enabled categories are suggested. Used by
 * intake (as its {@link CategorySuggester}), the report forms and the dispatchers. A fallback bean: a
 * configuration that declares its own suggester (a test double, say) takes precedence.
 */
@Service
@Fallback
public class Sorter implements CategorySuggester {

    public static final int MAX_LIMIT = 10;
    public static final int MAX_TEXT = 4_000;
    static final int EVIDENCE_WORDS = 3;

    /** Which model answered. */
    public enum ModelKind { TRAINED, DEFAULT, KEYWORDS }

    /**
     * A sector the default model suggests (部门类别): the sector, the department type that handles it, the category
     * a report is filed under automatically.
     */
    public record SectorSuggestion(String sector, String sectorEn, DepartmentType departmentType, String categoryCode,
                                   double confidence, List<String> evidence) {
    }

    /**
     * Suggestions with the model that made them ({@code version} null but for a trained model); {@code sectors} are
     * the default model's own suggestions (empty from the other models).
     */
    public record Sorting(ModelKind model, Integer version, List<Suggestion> suggestions, List<SectorSuggestion> sectors) {
    }

    private final ActiveModel models;
    private final DefaultModel defaultModel;
    private final SorterSettings settings;
    private final Catalog catalog;

    Sorter(ActiveModel models, DefaultModel defaultModel, SorterSettings settings, Catalog catalog) {
        this.models = models;
        this.defaultModel = defaultModel;
        this.settings = settings;
        this.catalog = catalog;
    }

    /** Which model answers now: its kind, version (a learnt model) or location (the default model). */
    public record ModelInUse(ModelKind kind, Integer version, String location) {
    }

    public ModelInUse modelInUse() {
        Optional<ActiveModel.Trained> trained = models.trained();
        if (trained.isPresent()) {
            return new ModelInUse(ModelKind.TRAINED, trained.get().version(), null);
        }
        return defaultModel.get().map(d -> new ModelInUse(ModelKind.DEFAULT, null, d.location()))
                .orElse(new ModelInUse(ModelKind.KEYWORDS, null, null));
    }

    /** The administrators' threshold ({@link SorterSettings}) when they set one, else the configured one. */
    @Override
    public double autoConfidence(double configured) {
        try {
            return settings.autoConfidence().orElse(configured);
        } catch (RuntimeException e) {
            // the settings cannot be read (database outage): the configured threshold is the safe answer
            return configured;
        }
    }

    @Override
    public List<Suggestion> suggest(String text, int limit) {
        if (text == null || text.isBlank() || limit < 1) {
            return List.of();
        }
        return sort(text, Math.min(limit, MAX_LIMIT)).suggestions();
    }

    /** The API's entry: checks the input (400 naming the field) and says which model answered. */
    public Sorting sortChecked(String text, int limit) {
        if (text == null || text.isBlank()) {
            throw LocalizedException.badRequest("sorter.error.textRequired");
        }
        if (text.length() > MAX_TEXT) {
            throw LocalizedException.badRequest("sorter.error.textTooLong", MAX_TEXT);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw LocalizedException.badRequest("sorter.error.limit", MAX_LIMIT);
        }
        return sort(text, limit);
    }

    Sorting sort(String text, int limit) {
        Optional<ActiveModel.Trained> trained = models.trained();
        if (trained.isPresent()) {
            TextClassifier classifier = trained.get().classifier();
            // a category disabled since the model was trained is not suggested
            List<TextClassifier.Prediction> predictions = classifier.predict(text, limit, EVIDENCE_WORDS,
                    code -> catalog.find(code).filter(Category::enabled).isPresent());
            List<Suggestion> suggestions = new ArrayList<>(limit);
            for (TextClassifier.Prediction p : predictions) {
                suggestions.add(new Suggestion(p.label(), clamp(p.probability()), p.evidence()));
            }
            return new Sorting(ModelKind.TRAINED, trained.get().version(), List.copyOf(suggestions), List.of());
        }
        Optional<DefaultModel.Loaded> fallback = defaultModel.get();
        if (fallback.isPresent()) {
            return bySector(fallback.get(), text, limit);
        }
        return new Sorting(ModelKind.KEYWORDS, null, models.keywords().suggest(text, limit), List.of());
    }

    /**
     * The default model's sectors, and as category suggestions their default categories: sectors sharing a category
     * add up their confidence (the category is what intake files under), the evidence names the leading sector.
     */
    private Sorting bySector(DefaultModel.Loaded model, String text, int limit) {
        // every sector, so that a category's confidence sums all the sectors filed under it
        List<DefaultModel.SectorSuggestion> found = model.suggest(text, Integer.MAX_VALUE, EVIDENCE_WORDS,
                code -> catalog.find(code).filter(Category::enabled).isPresent());
        List<SectorSuggestion> sectors = new ArrayList<>(found.size());
        java.util.Map<String, double[]> confidence = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> evidence = new java.util.HashMap<>();
        for (DefaultModel.SectorSuggestion f : found) {
            DefaultModel.Sector sector = f.sector();
            if (sectors.size() < limit) {
                sectors.add(new SectorSuggestion(sector.name(), sector.nameEn(), sector.departmentType(), sector.defaultCategory(),
                        f.confidence(), f.evidence()));
            }
            confidence.computeIfAbsent(sector.defaultCategory(), c -> new double[1])[0] += f.confidence();
            evidence.computeIfAbsent(sector.defaultCategory(), c -> {
                List<String> e = new ArrayList<>();
                e.add(sector.name() + "（" + sector.departmentType().name() + "）");
                e.addAll(f.evidence());
                return e;
            });
        }
        List<Suggestion> suggestions = confidence.entrySet().stream()
                .map(e -> new Suggestion(e.getKey(), clamp(e.getValue()[0]), evidence.get(e.getKey())))
                .sorted(java.util.Comparator.comparingDouble(Suggestion::confidence).reversed())
                .limit(limit).toList();
        return new Sorting(ModelKind.DEFAULT, null, suggestions, List.copyOf(sectors));
    }

    private static double clamp(double p) {
        return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
    }
}
