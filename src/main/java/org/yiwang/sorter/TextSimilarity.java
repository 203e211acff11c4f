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
        Map<String, Integer> x = bigrams(a);
        Map<String, Integer> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            Integer other = y.get(e.getKey());
            if (other != null) {
                dot += (double) e.getValue() * other;
            }
        }
        return dot / (norm(x) * norm(y));
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
