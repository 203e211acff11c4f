package org.yiwang.sorter;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** How alike two short texts are: the cosine of their character-bigram counts (letters and digits only), 0..1. */
final class TextSimilarity {

    private TextSimilarity() {
    }

    static double cosine(String a, String b) {
        return Vector.of(a).cosine(Vector.of(b));
    }

    /**
     * A text's bigram counts with their norm, made once: one new report is compared with many open orders,
     * and each of them with the many reports of a batch.
     */
    record Vector(Map<String, Integer> counts, double norm) {

        static Vector of(String text) {
            Map<String, Integer> counts = bigrams(text);
            return new Vector(counts, TextSimilarity.norm(counts));
        }

        double cosine(Vector other) {
            if (counts.isEmpty() || other.counts.isEmpty()) {
                return 0;
            }
            Map<String, Integer> small = counts.size() <= other.counts.size() ? counts : other.counts;
            Map<String, Integer> large = small == counts ? other.counts : counts;
            double dot = 0;
            for (Map.Entry<String, Integer> e : small.entrySet()) {
                Integer count = large.get(e.getKey());
                if (count != null) {
                    dot += (double) e.getValue() * count;
                }
            }
            return dot / (norm * other.norm);
        }
    }

    static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> grams = new HashMap<>();
        if (text == null) {
            return grams;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                kept.append(c);
            }
        }
        for (int i = 0; i + 2 <= kept.length(); i++) {
            grams.merge(kept.substring(i, i + 2), 1, Integer::sum);
        }
        if (kept.length() == 1) {
            grams.put(kept.toString(), 1);
        }
        return grams;
    }

    private static double norm(Map<String, Integer> v) {
        double sum = 0;
        for (int c : v.values()) {
            sum += (double) c * c;
        }
        return Math.sqrt(sum);
    }

    /** Great-circle distance in metres (haversine, mean Earth radius). */
    static double meters(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
