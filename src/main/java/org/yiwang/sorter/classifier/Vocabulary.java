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
    private final Map<String, Integer> index;
    private final FeatureSettings settings;

    Vocabulary(String[] features, float[] idf, FeatureSettings settings) {
        if (features.length != idf.length) {
            throw new IllegalArgumentException("one idf per feature");
        }
        this.features = features;
        this.idf = idf;
        this.settings = settings;
        this.index = new HashMap<>(features.length * 2);
        for (int i = 0; i < features.length; i++) {
            index.put(features[i], i);
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

    SparseVector vector(Map<String, Integer> counts) {
        int[] idx = new int[counts.size()];
        float[] val = new float[counts.size()];
        int n = 0;
        double[] blockNorm = new double[3];
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i != null) {
                float v = (float) ((1.0 + Math.log(e.getValue())) * idf[i]);
                idx[n] = i;
                val[n] = v;
                blockNorm[settings.blockOf(features[i].charAt(0))] += (double) v * v;
                n++;
            }
        }
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
            sortedVal[k] = (float) (val[from] * scale[settings.blockOf(features[idx[from]].charAt(0))] * unit);
        }
        return new SparseVector(sortedIdx, sortedVal);
    }
}
