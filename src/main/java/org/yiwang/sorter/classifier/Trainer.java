package org.yiwang.sorter.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Trains {@link TextClassifier}s: features are extracted once, the vocabulary and the SVMs are fitted
 * per fold, and the held-out scores of a stratified cross-validation both calibrate the confidence
 * (one temperature, fitted by maximum likelihood) and give the model's evaluation figures. The final
 * model is then trained on every example.
 */
public final class Trainer {

    /**
     * Dense weights held while training (labels × features): with many labels fewer features are kept,
     * so that training a model over hundreds of categories stays within a small heap (64 MB of weights).
     */
    static final long DENSE_BUDGET = 16_000_000;

    private final TrainingOptions options;

    public Trainer(TrainingOptions options) {
        this.options = options;
    }

    /** A model with its cross-validated figures (null when trained without folds). */
    public record Trained(TextClassifier model, Evaluation evaluation, int examples, long millis) {
    }

    /** A cross-validation: pooled held-out predictions of {@code folds} models. */
    public record CrossValidation(Evaluation evaluation, long millis) {
    }

    public Trained train(List<Example> examples) {
        long start = System.nanoTime();
        requireTwoLabels(examples);
        Calibrated calibrated = calibrated(examples, extract(examples));
        return new Trained(calibrated.model(), calibrated.evaluation(), examples.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private record Calibrated(TextClassifier model, Evaluation evaluation) {
    }

    /**
     * The whole training of one model from extracted features: with calibration folds, their held-out scores
     * give the label offsets ({@link LabelOffsets}), then the temperature (fitted on the offset scores, as the
     * model will score), and the evaluation figures (of the held-out predictions without offsets, which were
     * fitted on them); then the model is fitted on every example.
     */
    private Calibrated calibrated(List<Example> examples, List<Map<String, Integer>> docs) {
        String[] labels = labels(examples);
        Evaluation evaluation = null;
        double temperature = 1.0;
        double[] offsets = new double[labels.length];
        if (options.calibrationFolds() >= 2) {
            Fold[] folds = heldOut(examples, docs, labels, options.calibrationFolds(), false);
            List<double[]> scores = new ArrayList<>();
            List<Integer> truth = new ArrayList<>();
            List<String> trueLabels = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            for (Fold fold : folds) {
                for (int k = 0; k < fold.indices.length; k++) {
                    double[] s = fold.scores[k];
                    scores.add(s);
                    int t = index(labels, examples.get(fold.indices[k]).label());
                    truth.add(t);
                    trueLabels.add(labels[t]);
                    predicted.add(labels[argmax(s)]);
                }
            }
            offsets = LabelOffsets.fit(scores, truth.stream().mapToInt(Integer::intValue).toArray(), labels.length);
            List<double[]> shifted = new ArrayList<>(scores.size());
            for (double[] s : scores) {
                double[] t = s.clone();
                for (int c = 0; c < t.length; c++) {
                    t[c] += offsets[c];
                }
                shifted.add(t);
            }
            temperature = Calibration.fitTemperature(shifted, truth);
            evaluation = Evaluation.of(trueLabels, predicted, Double.NaN);
        }
        TextClassifier model = fit(examples, docs, all(examples.size()), labels).withOffsets(offsets).withTemperature(temperature);
        return new Calibrated(model, evaluation);
    }

    /**
     * k-fold cross-validation on one set; each fold's model is trained as {@link #train} trains one (with its own
     * inner calibration folds and label offsets when the options ask for them), so the figures are those of the
     * model the platform would use.
     */
    public CrossValidation crossValidate(List<Example> examples, int folds) {
        long start = System.nanoTime();
        if (folds < 2 || folds > examples.size()) {
            throw new IllegalArgumentException("folds must be within 2.." + examples.size());
        }
        requireTwoLabels(examples);
        List<Map<String, Integer>> docs = extract(examples);
        String[] labels = labels(examples);
        Fold[] result = heldOut(examples, docs, labels, folds, true);
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        long predictNanos = 0;
        long predictCpuNanos = 0;
        for (Fold fold : result) {
            predictNanos += fold.predictNanos;
            predictCpuNanos += fold.predictCpuNanos;
            for (int k = 0; k < fold.indices.length; k++) {
                truth.add(examples.get(fold.indices[k]).label());
                predicted.add(labels[argmax(fold.scores[k])]);
            }
        }
        return new CrossValidation(Evaluation.of(truth, predicted, (double) predictNanos / examples.size(),
                (double) predictCpuNanos / examples.size()),
                (System.nanoTime() - start) / 1_000_000);
    }

    private record Fold(int[] indices, double[][] scores, long predictNanos, long predictCpuNanos) {
    }

    /**
     * Held-out scores of every example, each from a model that did not see it. With {@code timed} every
     * message goes through the whole suggestion path (features, scores, probabilities, evidence) and that
     * time is measured; the winning label then gets score 1, the others 0.
     */
    private Fold[] heldOut(List<Example> examples, List<Map<String, Integer>> docs, String[] labels, int folds, boolean timed) {
        int[] foldOf = stratifiedFolds(examples, folds, options.seed());
        Fold[] result = new Fold[folds];
        for (int f = 0; f < folds; f++) {
            int fold = f;
            int[] train = IntStream.range(0, examples.size()).filter(i -> foldOf[i] != fold).toArray();
            int[] test = IntStream.range(0, examples.size()).filter(i -> foldOf[i] == fold).toArray();
            String[] trainLabels = labels(train, examples);
            TextClassifier model;
            if (timed && options.calibrationFolds() >= 2) {
                List<Example> subset = IntStream.of(train).mapToObj(examples::get).toList();
                List<Map<String, Integer>> subsetDocs = IntStream.of(train).mapToObj(docs::get).toList();
                model = calibrated(subset, subsetDocs).model();
            } else {
                model = fit(examples, docs, train, trainLabels);
            }
            double[][] scores = new double[test.length][];
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            for (int k = 0; k < test.length; k++) {
                String text = examples.get(test[k]).text();
                if (timed) {
                    String best = model.predict(text, 3, 3).getFirst().label();
                    scores[k] = new double[labels.length];
                    scores[k][index(labels, best)] = 1;
                } else {
                    scores[k] = align(model.scores(docs.get(test[k])), trainLabels, labels);
                }
            }
            result[f] = new Fold(test, scores, System.nanoTime() - t0, cpuNanos() - cpu0);
        }
        return result;
    }

    private static double[] align(double[] scores, String[] from, String[] to) {
        if (from.length == to.length) {
            return scores;
        }
        double[] aligned = new double[to.length];
        java.util.Arrays.fill(aligned, -1e9);
        for (int c = 0; c < from.length; c++) {
            aligned[index(to, from[c])] = scores[c];
        }
        return aligned;
    }

    private TextClassifier fit(List<Example> examples, List<Map<String, Integer>> docs, int[] rows, String[] labels) {
        List<Map<String, Integer>> trainDocs = new ArrayList<>(rows.length);
        for (int i : rows) {
            trainDocs.add(docs.get(i));
        }
        int maxFeatures = (int) Math.min(options.features().maxFeatures(), DENSE_BUDGET / Math.max(1, labels.length));
        Vocabulary vocabulary = Vocabulary.fit(trainDocs, options.features(), maxFeatures);
        SparseVector[] x = new SparseVector[rows.length];
        int[] y = new int[rows.length];
        double[] w = new double[rows.length];
        IntStream.range(0, rows.length).parallel().forEach(k -> x[k] = vocabulary.vector(trainDocs.get(k)));
        for (int k = 0; k < rows.length; k++) {
            Example e = examples.get(rows[k]);
            y[k] = index(labels, e.label());
            w[k] = e.weight();
        }
        int classes = labels.length;
        float[][] dense = new float[classes][];
        float[] bias = new float[classes];
        if (classes == 1) {
            dense[0] = new float[vocabulary.size()];
            bias[0] = 1;
        } else {
            List<LinearSvm.Binary> binaries = switch (options.solver()) {
                case OWN -> LinearSvm.train(x, y, w, classes, vocabulary.size(), options.cost(),
                        options.balanced(), options.nbPower(), options.threads(), options.seed());
                case LIBLINEAR -> LiblinearSvm.train(x, y, w, classes, vocabulary.size(), options.cost(),
                        options.balanced(), options.nbPower(), options.threads(), options.seed());
            };
            for (int c = 0; c < classes; c++) {
                dense[c] = binaries.get(c).weights();
                bias[c] = binaries.get(c).bias();
            }
        }
        return TextClassifier.of(options.features(), vocabulary, labels, dense, bias, 1.0, options.maxWeights());
    }

    private List<Map<String, Integer>> extract(List<Example> examples) {
        TextFeatures features = new TextFeatures(options.features());
        List<Map<String, Integer>> docs = new ArrayList<>(java.util.Collections.nCopies(examples.size(), null));
        IntStream.range(0, examples.size()).parallel().forEach(i -> docs.set(i, features.extract(examples.get(i).text())));
        return docs;
    }

    private static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    /** Each label's examples spread evenly over the folds, in a seeded random order. */
    static int[] stratifiedFolds(List<Example> examples, int folds, long seed) {
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), l -> new ArrayList<>()).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] foldOf = new int[examples.size()];
        int next = 0;
        for (String label : new TreeSet<>(byLabel.keySet())) {
            List<Integer> rows = byLabel.get(label);
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer tmp = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, tmp);
            }
            for (Integer row : rows) {
                foldOf[row] = next++ % folds;
            }
        }
        return foldOf;
    }

    private static String[] labels(List<Example> examples) {
        return examples.stream().map(Example::label).distinct().sorted().toArray(String[]::new);
    }

    private static String[] labels(int[] rows, List<Example> examples) {
        return IntStream.of(rows).mapToObj(i -> examples.get(i).label()).distinct().sorted().toArray(String[]::new);
    }

    private static int index(String[] sorted, String label) {
        int i = java.util.Arrays.binarySearch(sorted, label);
        if (i < 0) {
            throw new IllegalStateException("unknown label " + label);
        }
        return i;
    }

    /** CPU time of the current thread, where the JVM measures it (else elapsed time). */
    public static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    static int argmax(double[] s) {
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }

    private static void requireTwoLabels(List<Example> examples) {
        if (examples.stream().map(Example::label).distinct().count() < 2) {
            throw new IllegalArgumentException("training needs examples of at least two labels");
        }
    }
}
