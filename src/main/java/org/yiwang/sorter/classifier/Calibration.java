package org.yiwang.sorter.classifier;

import java.util.List;

/**
 * Temperature scaling (Guo et al., "On calibration of modern neural networks", 2017): one factor
 * {@code T} such that softmax(T · scores) gives probabilities that match how often held-out
 * predictions are right. One parameter keeps the ranking as it is and the confidence monotone in the
 * score margin; it is fitted by minimising the negative log-likelihood with a golden-section search.
 */
final class Calibration {

    static final double MIN = 0.05;
    static final double MAX = 200;

    private Calibration() {
    }

    static double fitTemperature(List<double[]> scores, List<Integer> truth) {
        double lo = Math.log(MIN);
        double hi = Math.log(MAX);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(scores, truth, Math.exp(a));
        double fb = nll(scores, truth, Math.exp(b));
        for (int i = 0; i < 80; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(scores, truth, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(scores, truth, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** Mean negative log-likelihood of the true labels at temperature {@code t}. */
    static double nll(List<double[]> scores, List<Integer> truth, double t) {
        double sum = 0;
        for (int i = 0; i < scores.size(); i++) {
            double[] p = TextClassifier.probabilities(scores.get(i), t);
            sum -= Math.log(Math.max(p[truth.get(i)], 1e-12));
        }
        return sum / Math.max(1, scores.size());
    }
}
