package org.yiwang.sorter.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features a model knows, each with its inverse document frequency; turns counted features into
 * a TF-IDF vector (sublinear term frequency), each block of features scaled to its weight and the
 * whole to unit length.
 */
final class Vocabulary {

    private final String[] features;
    private final float[] idf;
    private final byte[] block;
    /**
     * Open addressing from a feature's 64-bit hash to its index: slot {@code 2s} holds the hash, {@code 2s+1}
     * the index + 1 (0 for an empty slot). One cache line per probe instead of a HashMap's entry, key and
     * characters — lookups are most of a prediction's cost. Two features sharing a 64-bit hash are not
     * expected among a few million.
     */
    private final long[] table;
    private final int mask;
    private final FeatureSettings settings;

    Vocabulary(String[] features, float[] idf, FeatureSettings settings) {
        if (features.length != idf.length) {
            throw new IllegalArgumentException("one idf per feature");
        }
        this.features = features;
        this.idf = idf;
        this.settings = settings;
        this.block = new byte[features.length];
        int slots = Integer.highestOneBit(Math.max(4, features.length * 2 + 1)) << 1;
        this.table = new long[slots * 2];
        this.mask = slots - 1;
        for (int i = 0; i < features.length; i++) {
            block[i] = (byte) settings.blockOf(features[i].charAt(0));
            long h = hash(features[i]);
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (table[2 * slot + 1] != 0) {
                if (table[2 * slot] == h) {
                    throw new IllegalArgumentException("two features share a hash: " + features[i]);
                }
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = h;
            table[2 * slot + 1] = i + 1L;
        }
    }

    /** 64-bit FNV-1a over the characters, finished with a murmur mix. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** The feature's index, or -1 when the vocabulary does not have it. */
    int indexOf(String feature) {
        long h = hash(feature);
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (true) {
            long value = table[2 * slot + 1];
            if (value == 0) {
                return -1;
            }
            if (table[2 * slot] == h) {
                return (int) value - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The features seen in at least {@code minDf} documents, at most {@code maxFeatures} of them (the most frequent). */
    static Vocabulary fit(Collection<Map<String, Integer>> documents, FeatureSettings settings, int maxFeatures) {
        Map<String, int[]> df = new HashMap<>();
        for (Map<String, Integer> document : documents) {
            for (String feature : document.keySet()) {
                df.computeIfAbsent(feature, f -> new int[1])[0]++;
            }
        }
        List<Map.Entry<String, int[]>> kept = new ArrayList<>();
        for (Map.Entry<String, int[]> e : df.entrySet()) {
            if (e.getValue()[0] >= settings.minDf()) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
        if (kept.size() > maxFeatures) {
            kept = kept.subList(0, maxFeatures);
        }
        // ascending by name: a stable order that does not depend on hash iteration
        kept.sort(Map.Entry.comparingByKey());
        String[] features = new String[kept.size()];
        float[] idf = new float[kept.size()];
        int n = documents.size();
        for (int i = 0; i < features.length; i++) {
            features[i] = kept.get(i).getKey();
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + kept.get(i).getValue()[0])) + 1.0);
        }
        return new Vocabulary(features, idf, settings);
    }

    int size() {
        return features.length;
    }

    String feature(int i) {
        return features[i];
    }

    float idf(int i) {
        return idf[i];
    }

    /**
     * The vector of a text straight from its features, without collecting the features first: what a
     * prediction uses. The same as {@code vector(features.extract(text))} (up to rounding).
     */
    SparseVector vector(TextFeatures features, String text) {
        HashMap<Integer, int[]> counts = new HashMap<>(1024);
        features.emit(text, feature -> {
            int i = indexOf(feature);
            if (i >= 0) {
                counts.computeIfAbsent(i, k -> new int[1])[0]++;
            }
        });
        int[] idx = new int[counts.size()];
        int[] tf = new int[counts.size()];
        int n = 0;
        for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
            idx[n] = e.getKey();
            tf[n] = e.getValue()[0];
            n++;
        }
        return weigh(idx, tf, n);
    }

    SparseVector vector(Map<String, Integer> counts) {
        int[] idx = new int[counts.size()];
        int[] tf = new int[counts.size()];
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int i = indexOf(e.getKey());
            if (i >= 0) {
                idx[n] = i;
                tf[n] = e.getValue();
                n++;
            }
        }
        return weigh(idx, tf, n);
    }

    /** Sublinear TF-IDF, each block scaled to its weight, the whole to unit length, indices ascending. */
    private SparseVector weigh(int[] idx, int[] tf, int n) {
        float[] val = new float[n];
        double[] blockNorm = new double[3];
        for (int k = 0; k < n; k++) {
            float v = (float) ((1.0 + Math.log(tf[k])) * idf[idx[k]]);
            val[k] = v;
            blockNorm[block[idx[k]]] += (double) v * v;
        }
        return finish(idx, val, n, blockNorm);
    }

    private SparseVector finish(int[] idx, float[] val, int n, double[] blockNorm) {
        double[] scale = new double[3];
        double total = 0;
        for (int b = 0; b < 3; b++) {
            double w = b == 0 ? settings.charWeight() : b == 1 ? settings.wordWeight() : settings.leadWeight();
            scale[b] = blockNorm[b] > 0 ? w / Math.sqrt(blockNorm[b]) : 0;
            total += blockNorm[b] > 0 ? w * w : 0;
        }
        double unit = total > 0 ? 1.0 / Math.sqrt(total) : 0;
        int[] sortedIdx = new int[n];
        float[] sortedVal = new float[n];
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) {
            packed[k] = ((long) idx[k] << 32) | k;
        }
        Arrays.sort(packed);
        for (int k = 0; k < n; k++) {
            int from = (int) packed[k];
            sortedIdx[k] = idx[from];
            sortedVal[k] = (float) (val[from] * scale[block[idx[from]]] * unit);
        }
        return new SparseVector(sortedIdx, sortedVal);
    }
}
