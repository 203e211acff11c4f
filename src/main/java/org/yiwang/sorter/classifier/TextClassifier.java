package org.yiwang.sorter.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained classifier: vocabulary with IDF, one linear scorer per label (weights stored per feature,
 * only the non-zero ones) and a temperature that turns scores into calibrated probabilities
 * (softmax of the scores times the temperature). Immutable and thread-safe; {@link #toBytes()} and
 * {@link #fromBytes(byte[])} are its storage format.
 */
public final class TextClassifier {

    private static final int MAGIC = 0x5957534D; // "YWSM"
    private static final int FORMAT = 1;

    private final TextFeatures features;
    private final Vocabulary vocabulary;
    private final String[] labels;
    /** For feature f, its weights are at rowStart[f] .. rowStart[f+1]-1 of labelOf/weight. */
    private final int[] rowStart;
    private final short[] labelOf;
    private final float[] weight;
    private final float[] bias;
    private final double temperature;

    TextClassifier(FeatureSettings settings, Vocabulary vocabulary, String[] labels, int[] rowStart, short[] labelOf,
                   float[] weight, float[] bias, double temperature) {
        if (labels.length < 1 || labels.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("1 to 32767 labels");
        }
        this.features = new TextFeatures(settings);
        this.vocabulary = vocabulary;
        this.labels = labels;
        this.rowStart = rowStart;
        this.labelOf = labelOf;
        this.weight = weight;
        this.bias = bias;
        this.temperature = temperature;
    }

    /**
     * Builds the stored form from one dense weight vector per label, dropping the smallest weights when
     * there are more than {@code maxWeights} non-zero ones (a model over hundreds of categories would
     * otherwise not fit in memory; the dropped weights hardly change any score).
     */
    static TextClassifier of(FeatureSettings settings, Vocabulary vocabulary, String[] labels, float[][] dense, float[] bias,
                             double temperature, int maxWeights) {
        int dim = vocabulary.size();
        float threshold = 0;
        long nonZero = 0;
        for (float[] w : dense) {
            for (float v : w) {
                nonZero += v != 0 ? 1 : 0;
            }
        }
        if (nonZero > maxWeights) {
            float[] magnitudes = new float[(int) nonZero];
            int k = 0;
            for (float[] w : dense) {
                for (float v : w) {
                    if (v != 0) {
                        magnitudes[k++] = Math.abs(v);
                    }
                }
            }
            Arrays.sort(magnitudes);
            threshold = magnitudes[magnitudes.length - maxWeights];
        }
        int[] rowStart = new int[dim + 1];
        for (int f = 0; f < dim; f++) {
            int count = 0;
            for (float[] w : dense) {
                if (w[f] != 0 && Math.abs(w[f]) >= threshold) {
                    count++;
                }
            }
            rowStart[f + 1] = rowStart[f] + count;
        }
        short[] labelOf = new short[rowStart[dim]];
        float[] weight = new float[rowStart[dim]];
        for (int f = 0; f < dim; f++) {
            int at = rowStart[f];
            for (int c = 0; c < dense.length; c++) {
                float v = dense[c][f];
                if (v != 0 && Math.abs(v) >= threshold) {
                    labelOf[at] = (short) c;
                    weight[at] = v;
                    at++;
                }
            }
        }
        return new TextClassifier(settings, vocabulary, labels, rowStart, labelOf, weight, bias, temperature);
    }

    public List<String> labels() {
        return List.of(labels);
    }

    public FeatureSettings settings() {
        return features.settings();
    }

    public double temperature() {
        return temperature;
    }

    public int featureCount() {
        return vocabulary.size();
    }

    public int weightCount() {
        return weight.length;
    }

    /** The same model with another temperature. */
    TextClassifier withTemperature(double t) {
        return new TextClassifier(features.settings(), vocabulary, labels, rowStart, labelOf, weight, bias, t);
    }

    /** The same model with {@code offsets} added to the labels' biases (see {@link LabelOffsets}). */
    TextClassifier withOffsets(double[] offsets) {
        if (offsets.length != labels.length) {
            throw new IllegalArgumentException("one offset per label");
        }
        float[] shifted = bias.clone();
        for (int c = 0; c < shifted.length; c++) {
            shifted[c] += (float) offsets[c];
        }
        return new TextClassifier(features.settings(), vocabulary, labels, rowStart, labelOf, weight, shifted, temperature);
    }

    /** The raw scores of a message whose features were already counted (training reuses its extraction). */
    double[] scores(java.util.Map<String, Integer> counts) {
        return scores(vocabulary.vector(counts));
    }

    /** The raw score of every label, in label order. */
    public double[] scores(String text) {
        return scores(vocabulary.vector(features, text));
    }

    double[] scores(SparseVector x) {
        double[] s = new double[labels.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = bias[c];
        }
        int[] idx = x.indices();
        float[] val = x.values();
        for (int k = 0; k < idx.length; k++) {
            int f = idx[k];
            for (int at = rowStart[f]; at < rowStart[f + 1]; at++) {
                s[labelOf[at]] += val[k] * weight[at];
            }
        }
        return s;
    }

    /** The label with the highest score (no probabilities, no evidence): the fast path for evaluation. */
    public String classify(String text) {
        double[] s = scores(text);
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return labels[best];
    }

    /** Calibrated probabilities from scores: softmax of the scores times the temperature. */
    static double[] probabilities(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            p[c] = Math.exp(temperature * (scores[c] - max));
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** A label with its probability and the features that spoke for it most. */
    public record Prediction(String label, double probability, List<String> evidence) {
    }

    /** The {@code limit} most probable labels, best first, each with up to {@code evidenceWords} words of evidence. */
    public List<Prediction> predict(String text, int limit, int evidenceWords) {
        return predict(text, limit, evidenceWords, label -> true);
    }

    /** As {@link #predict(String, int, int)}, among the labels that {@code allowed} accepts only. */
    public List<Prediction> predict(String text, int limit, int evidenceWords, java.util.function.Predicate<String> allowed) {
        SparseVector x = vocabulary.vector(features, text);
        double[] p = probabilities(scores(x), temperature);
        Integer[] order = new Integer[p.length];
        for (int c = 0; c < p.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -p[c]));
        List<Prediction> result = new ArrayList<>();
        for (int r = 0; r < order.length && result.size() < limit; r++) {
            int c = order[r];
            if (allowed.test(labels[c])) {
                result.add(new Prediction(labels[c], p[c], evidence(x, c, evidenceWords)));
            }
        }
        return result;
    }

    /**
     * The features that added most to a label's score, shown as text: words and longer n-grams first,
     * a piece left out when a longer one already shown contains it.
     */
    List<String> evidence(SparseVector x, int label, int max) {
        if (max <= 0) {
            return List.of();
        }
        int[] idx = x.indices();
        float[] val = x.values();
        // positive contributions packed as (float bits, feature): sorting the longs sorts by contribution
        long[] packed = new long[idx.length];
        int n = 0;
        for (int k = 0; k < idx.length; k++) {
            int f = idx[k];
            for (int at = rowStart[f]; at < rowStart[f + 1]; at++) {
                if (labelOf[at] == label && weight[at] > 0) {
                    packed[n++] = ((long) Float.floatToIntBits(val[k] * weight[at]) << 32) | f;
                }
            }
        }
        Arrays.sort(packed, 0, n);
        List<double[]> contributions = new ArrayList<>(Math.min(n, 12 * max));
        for (int k = n - 1; k >= 0 && contributions.size() < 12 * max; k--) {
            contributions.add(new double[]{(int) packed[k], Float.intBitsToFloat((int) (packed[k] >>> 32))});
        }
        List<String> shown = new ArrayList<>();
        int looked = 0;
        for (double[] c : contributions) {
            if (++looked > 12 * max) {
                break;
            }
            String text = TextFeatures.display(vocabulary.feature((int) c[0]));
            if (text.length() < 2 || text.chars().allMatch(ch -> ch == '0')) {
                continue;
            }
            boolean covered = false;
            for (int s = 0; s < shown.size(); s++) {
                String other = shown.get(s);
                if (other.contains(text)) {
                    covered = true;
                    break;
                }
                if (text.contains(other)) {
                    shown.set(s, text);
                    covered = true;
                    break;
                }
            }
            if (!covered && shown.size() < max) {
                shown.add(text);
            }
        }
        return shown.stream().distinct().toList();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            FeatureSettings s = features.settings();
            out.writeInt(s.charMin());
            out.writeInt(s.charMax());
            out.writeBoolean(s.words());
            out.writeBoolean(s.wordPairs());
            out.writeInt(s.leadChars());
            out.writeInt(s.leadMin());
            out.writeInt(s.leadMax());
            out.writeBoolean(s.foldDigits());
            out.writeInt(s.minDf());
            out.writeInt(s.maxFeatures());
            out.writeDouble(s.charWeight());
            out.writeDouble(s.wordWeight());
            out.writeDouble(s.leadWeight());
            out.writeInt(labels.length);
            for (String label : labels) {
                out.writeUTF(label);
            }
            out.writeInt(vocabulary.size());
            for (int f = 0; f < vocabulary.size(); f++) {
                out.writeUTF(vocabulary.feature(f));
                out.writeFloat(vocabulary.idf(f));
                out.writeShort(rowStart[f + 1] - rowStart[f]);
            }
            out.writeInt(weight.length);
            for (int at = 0; at < weight.length; at++) {
                out.writeShort(labelOf[at]);
                out.writeFloat(weight[at]);
            }
            for (float b : bias) {
                out.writeFloat(b);
            }
            out.writeDouble(temperature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TextClassifier fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a sorter model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown sorter model format " + format);
            }
            FeatureSettings settings = new FeatureSettings(in.readInt(), in.readInt(), in.readBoolean(), in.readBoolean(),
                    in.readInt(), in.readInt(), in.readInt(), in.readBoolean(), in.readInt(), in.readInt(), in.readDouble(),
                    in.readDouble(), in.readDouble());
            String[] labels = new String[in.readInt()];
            for (int c = 0; c < labels.length; c++) {
                labels[c] = in.readUTF();
            }
            int dim = in.readInt();
            String[] names = new String[dim];
            float[] idf = new float[dim];
            int[] rowStart = new int[dim + 1];
            for (int f = 0; f < dim; f++) {
                names[f] = in.readUTF();
                idf[f] = in.readFloat();
                rowStart[f + 1] = rowStart[f] + (in.readShort() & 0xFFFF);
            }
            int nnz = in.readInt();
            if (nnz != rowStart[dim]) {
                throw new IllegalArgumentException("damaged sorter model: weight count");
            }
            short[] labelOf = new short[nnz];
            float[] weight = new float[nnz];
            for (int at = 0; at < nnz; at++) {
                labelOf[at] = in.readShort();
                weight[at] = in.readFloat();
            }
            float[] bias = new float[labels.length];
            for (int c = 0; c < bias.length; c++) {
                bias[c] = in.readFloat();
            }
            double temperature = in.readDouble();
            return new TextClassifier(settings, new Vocabulary(names, idf, settings), labels, rowStart, labelOf, weight, bias,
                    temperature);
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged sorter model: " + e.getMessage(), e);
        }
    }
}
