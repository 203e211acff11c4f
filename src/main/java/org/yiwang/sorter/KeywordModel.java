package org.yiwang.sorter;

import org.yiwang.catalog.Category;
import org.yiwang.workorder.CategorySuggester.Suggestion;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cold-start model: before there is history to learn from, a category is suggested when the text
 * contains its name or one of its keywords (the synonyms residents use). A phrase shared by many
 * categories (井盖 names fifteen kinds of manhole cover) counts less than one that names a single
 * category, a longer phrase more than a shorter one. Its confidence is a share of the matched weight,
 * capped: it has never been checked against real outcomes.
 */
final class KeywordModel {

    private record Phrase(String text, double weight) {
    }

    private final Map<String, List<Phrase>> phrases = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final double maxConfidence;

    KeywordModel(List<Category> categories, double maxConfidence) {
        this.maxConfidence = maxConfidence;
        Map<String, Set<String>> byCategory = new HashMap<>();
        Map<String, Integer> categoriesPerPhrase = new HashMap<>();
        for (Category category : categories) {
            if (!category.enabled()) {
                continue;
            }
            Set<String> texts = new LinkedHashSet<>();
            texts.add(normalize(category.name()));
            category.keywords().forEach(k -> texts.add(normalize(k)));
            texts.removeIf(t -> t.length() < 2);
            byCategory.put(category.code(), texts);
            order.add(category.code());
            texts.forEach(t -> categoriesPerPhrase.merge(t, 1, Integer::sum));
        }
        int n = Math.max(1, byCategory.size());
        byCategory.forEach((code, texts) -> phrases.put(code, texts.stream()
                .map(t -> new Phrase(t, Math.sqrt(t.length()) * Math.log(1.0 + (double) n / categoriesPerPhrase.get(t))))
                .toList()));
    }

    int size() {
        return phrases.size();
    }

    List<Suggestion> suggest(String text, int limit) {
        String normalized = normalize(text);
        List<Scored> scored = new ArrayList<>();
        double total = 0;
        for (String code : order) {
            double score = 0;
            List<String> evidence = new ArrayList<>();
            for (Phrase phrase : phrases.get(code)) {
                if (normalized.contains(phrase.text())) {
                    score += phrase.weight();
                    evidence.add(phrase.text());
                }
            }
            if (score > 0) {
                // a matched phrase inside a longer matched one is the same evidence
                evidence.removeIf(e -> evidence.stream().anyMatch(o -> o.length() > e.length() && o.contains(e)));
                evidence.sort(Comparator.comparingInt(String::length).reversed());
                scored.add(new Scored(code, score, evidence.subList(0, Math.min(3, evidence.size()))));
                total += score;
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::code));
        List<Suggestion> result = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            // a share of all matched weight, with one unit of doubt for the unknown
            double confidence = maxConfidence * s.score() / (total + 1.0);
            result.add(new Suggestion(s.code(), Math.min(maxConfidence, confidence), s.evidence()));
        }
        return result;
    }

    private record Scored(String code, double score, List<String> evidence) {
    }

    static String normalize(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }
}
