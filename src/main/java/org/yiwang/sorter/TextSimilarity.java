package org.yiwang.sorter;

import java.text.Normalizer;
import java.util.Locale;

/** How alike two short texts are: the cosine of their character-bigram counts (letters and digits only), 0..1. */
final class TextSimilarity {

    private TextSimilarity() {
    }

    static double cosine(String a, String b) {
        return Vector.of(a).cosine(Vector.of(b));
    }

    /**
     * A text's bigram counts with their norm, made once: one new report is compared with many open orders,
     * and each of them with the many reports of a batch. The bigrams are kept as sorted numbers (two UTF-16
     * units in one {@code long}; a text of one character is that character above them) beside their
     * counts, so a comparison is one merge of two short arrays instead of a map lookup per bigram.
     */
    static final class Vector {

        private static final Vector EMPTY = new Vector(new long[0], new int[0], 0);

        private final long[] grams;
        private final int[] counts;
        private final double norm;

        private Vector(long[] grams, int[] counts, double norm) {
            this.grams = grams;
            this.counts = counts;
            this.norm = norm;
        }

        static Vector of(String text) {
            String kept = letters(text);
            if (kept.isEmpty()) {
                return EMPTY;
            }
            if (kept.length() == 1) {
                return new Vector(new long[] {1L << 32 | kept.charAt(0)}, new int[] {1}, 1);
            }
            long[] all = new long[kept.length() - 1];
            for (int i = 0; i < all.length; i++) {
                all[i] = (long) kept.charAt(i) << 16 | kept.charAt(i + 1);
            }
            java.util.Arrays.sort(all);
            int distinct = 0;
            int[] counts = new int[all.length];
            for (int i = 0; i < all.length; i++) {
                if (distinct > 0 && all[distinct - 1] == all[i]) {
                    counts[distinct - 1]++;
                } else {
                    all[distinct] = all[i];
                    counts[distinct++] = 1;
                }
            }
            double sum = 0;
            for (int i = 0; i < distinct; i++) {
                sum += (double) counts[i] * counts[i];
            }
            return new Vector(java.util.Arrays.copyOf(all, distinct), java.util.Arrays.copyOf(counts, distinct), Math.sqrt(sum));
        }

        double cosine(Vector other) {
            if (grams.length == 0 || other.grams.length == 0) {
                return 0;
            }
            long[] a = grams;
            long[] b = other.grams;
            double dot = 0;
            int i = 0;
            int j = 0;
            while (i < a.length && j < b.length) {
                if (a[i] == b[j]) {
                    dot += (double) counts[i++] * other.counts[j++];
                } else if (a[i] < b[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return dot / (norm * other.norm);
        }
    }

    /** The text's letters and digits, NFKC-normalised and lower-cased; empty for none. */
    private static String letters(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
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
