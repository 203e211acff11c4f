package org.yiwang.sorter;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Service;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.platform.LocalizedException;
import org.yiwang.sorter.classifier.TextClassifier;
import org.yiwang.workorder.CategorySuggester;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 智能分拣 — suggests categories for a report's text: from the active trained model when there is one,
 * else from the catalog's names and keywords (cold start). Only enabled categories are suggested. Used by
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
    public enum ModelKind { TRAINED, KEYWORDS }

    /** Suggestions with the model that made them ({@code version} null for the keyword model). */
    public record Sorting(ModelKind model, Integer version, List<Suggestion> suggestions) {
    }

    private final ActiveModel models;
    private final Catalog catalog;

    Sorter(ActiveModel models, Catalog catalog) {
        this.models = models;
        this.catalog = catalog;
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
            return new Sorting(ModelKind.TRAINED, trained.get().version(), List.copyOf(suggestions));
        }
        return new Sorting(ModelKind.KEYWORDS, null, models.keywords().suggest(text, limit));
    }

    private static double clamp(double p) {
        return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
    }
}
