package org.yiwang.sorter.classifier;

import java.util.List;

/**
 * One additive offset per label's score, fitted on held-out scores to maximise macro-F1.
 * <p>
 * Why: one-vs-rest scorers are trained apart, so their scores are not on one scale, and a label that
 * shares much vocabulary with a broad one (交通运输 beside 城乡建设) is predicted too rarely: high
 * precision, low recall. Macro-F1 counts every label alike, so moving that label's threshold a little
 * is worth more than it costs the broad one. The offsets are few (one per label) and fitted on scores
 * the model did not train on, so they carry over to new messages; a label with too few held-out
 * examples to judge keeps offset 0, and among equally good offsets the one nearest 0 wins.
 * <p>
 * Fitted by coordinate ascent over a small grid: for one label at a time, the best other label of every
 * message is found once, and then each candidate offset only decides between the two.
 */
final class LabelOffsets {

    /** Offsets tried for a label, either side of 0; scores of the one-vs-rest SVMs are margins around ±1. */
    static final double RANGE = 0.3;
    static final double STEP = 0.02;
    static final int ROUNDS = 3;
    /** A label needs this many held-out examples before its offset is moved. */
    static final int MIN_EXAMPLES = 20;

    private LabelOffsets() {
    }

    /**
     * @param scores held-out scores, one array (in label order) per message
     * @param truth  the true label of every message
     * @return one offset per label, to be added to its score
     */
    static double[] fit(List<double[]> scores, int[] truth, int labels) {
        double[] offsets = new double[labels];
        int n = scores.size();
        if (n == 0 || labels < 2) {
            return offsets;
        }
        int[] support = new int[labels];
        for (int t : truth) {
            support[t]++;
        }
        int[] other = new int[n];
        double[] otherScore = new double[n];
        double best = macroF1(scores, truth, offsets, labels);
        int steps = (int) Math.round(RANGE / STEP);
        for (int round = 0; round < ROUNDS; round++) {
            boolean moved = false;
            for (int c = 0; c < labels; c++) {
                if (support[c] < MIN_EXAMPLES) {
                    continue;
                }
                bestOthers(scores, offsets, c, other, otherScore);
                double chosen = offsets[c];
                for (int k = -steps; k <= steps; k++) {
                    double d = k * STEP;
                    double f1 = macroF1WithOffset(scores, truth, c, d, other, otherScore, labels);
                    if (f1 > best + 1e-12 || (f1 >= best - 1e-12 && Math.abs(d) < Math.abs(chosen))) {
                        best = Math.max(best, f1);
                        chosen = d;
                    }
                }
                if (chosen != offsets[c]) {
                    offsets[c] = chosen;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return offsets;
    }

    /** For every message, the best label other than {@code c} with the current offsets, and its score. */
    private static void bestOthers(List<double[]> scores, double[] offsets, int c, int[] other, double[] otherScore) {
        for (int i = 0; i < scores.size(); i++) {
            double[] s = scores.get(i);
            int arg = -1;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < s.length; k++) {
                if (k != c && s[k] + offsets[k] > max) {
                    max = s[k] + offsets[k];
                    arg = k;
                }
            }
            other[i] = arg;
            otherScore[i] = max;
        }
    }

    private static double macroF1WithOffset(List<double[]> scores, int[] truth, int c, double offset, int[] other,
                                            double[] otherScore, int labels) {
        int[] tp = new int[labels];
        int[] predicted = new int[labels];
        int[] actual = new int[labels];
        for (int i = 0; i < scores.size(); i++) {
            int p = scores.get(i)[c] + offset > otherScore[i] ? c : other[i];
            predicted[p]++;
            actual[truth[i]]++;
            if (p == truth[i]) {
                tp[p]++;
            }
        }
        return mean(tp, predicted, actual);
    }

    /** Macro-F1 of the scores shifted by {@code offsets}. */
    static double macroF1(List<double[]> scores, int[] truth, double[] offsets, int labels) {
        int[] tp = new int[labels];
        int[] predicted = new int[labels];
        int[] actual = new int[labels];
        for (int i = 0; i < scores.size(); i++) {
            double[] s = scores.get(i);
            int p = 0;
            for (int k = 1; k < s.length; k++) {
                if (s[k] + offsets[k] > s[p] + offsets[p]) {
                    p = k;
                }
            }
            predicted[p]++;
            actual[truth[i]]++;
            if (p == truth[i]) {
                tp[p]++;
            }
        }
        return mean(tp, predicted, actual);
    }

    /** Mean F1 over the labels that occur in truth or prediction. */
    private static double mean(int[] tp, int[] predicted, int[] actual) {
        double sum = 0;
        int present = 0;
        for (int k = 0; k < tp.length; k++) {
            if (predicted[k] + actual[k] > 0) {
                sum += 2.0 * tp[k] / (predicted[k] + actual[k]);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }
}
