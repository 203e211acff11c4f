package org.yiwang.sorter.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One-vs-rest linear support vector machines, L2-regularised with squared hinge loss, trained by dual
 * coordinate descent (Hsieh et al., "A dual coordinate descent method for large-scale linear SVM",
 * ICML 2008 — the LIBLINEAR solver), with a regularised bias feature. Each example may carry its own
 * weight (its cost is multiplied by it): dispatchers' corrections count more.
 */
final class LinearSvm {

    /** Stop when the projected gradient spreads less than this (LIBLINEAR's default). */
    static final double EPSILON = 0.1;
    static final int MAX_ITERATIONS = 200;
    static final double BIAS = 1.0;

    private LinearSvm() {
    }

    /** Weights and bias of one class against the rest. */
    record Binary(float[] weights, float bias, int iterations) {
    }

    /**
     * @param x            the examples
     * @param y            each example's class, 0..classes-1
     * @param weights      each example's weight (1 for an ordinary one)
     * @param dimension    number of features
     * @param cost         C, the inverse of the regularisation strength
     * @param balanced     scale each class's cost so that every class weighs as much in total
     * @param nbPower      0 for a plain SVM, else the power of the NBSVM feature scaling
     * @param threads      classes trained at once
     */
    static List<Binary> train(SparseVector[] x, int[] y, double[] weights, int classes, int dimension, double cost,
                              boolean balanced, double nbPower, int threads, long seed) {
        int[] perClass = new int[classes];
        for (int label : y) {
            perClass[label]++;
        }
        List<Binary> result = new ArrayList<>();
        if (threads <= 1 || classes == 1) {
            for (int k = 0; k < classes; k++) {
                result.add(binary(x, y, weights, k, dimension, cost, balanced ? perClass : null, nbPower, seed + k));
            }
            return result;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, classes), r -> {
            Thread t = new Thread(r, "sorter-train");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Binary>> futures = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                int cls = k;
                futures.add(pool.submit(() -> binary(x, y, weights, cls, dimension, cost, balanced ? perClass : null, nbPower, seed + cls)));
            }
            for (Future<Binary> f : futures) {
                result.add(f.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Laplace smoothing of the document counts behind the log-count ratios. */
    static final double NB_ALPHA = 1.0;

    /**
     * NBSVM (Wang and Manning, "Baselines and bigrams", ACL 2012): each feature is scaled by the magnitude of
     * its log-count ratio between this class and the rest, raised to {@code power}, before the SVM sees it;
     * features that tell the classes apart get room to weigh more. The scale is folded into the returned
     * weights, so the model stays an ordinary linear one over the TF-IDF vector.
     */
    static float[] nbRatios(SparseVector[] x, byte[] sign, int dimension, double power) {
        double[] p = new double[dimension];
        double[] q = new double[dimension];
        for (int i = 0; i < x.length; i++) {
            double[] target = sign[i] > 0 ? p : q;
            for (int f : x[i].indices()) {
                target[f] += 1;
            }
        }
        double ps = 0, qs = 0;
        for (int f = 0; f < dimension; f++) {
            p[f] += NB_ALPHA;
            q[f] += NB_ALPHA;
            ps += p[f];
            qs += q[f];
        }
        float[] r = new float[dimension];
        for (int f = 0; f < dimension; f++) {
            double v = Math.log((p[f] / ps) / (q[f] / qs));
            r[f] = (float) Math.pow(Math.abs(v), power);
        }
        return r;
    }

    static double scaledDot(SparseVector x, float[] w, float[] r) {
        int[] idx = x.indices();
        float[] val = x.values();
        double sum = 0;
        for (int k = 0; k < idx.length; k++) {
            sum += val[k] * r[idx[k]] * w[idx[k]];
        }
        return sum;
    }

    static double scaledNorm(SparseVector x, float[] r) {
        int[] idx = x.indices();
        float[] val = x.values();
        double sum = 0;
        for (int k = 0; k < idx.length; k++) {
            double v = val[k] * r[idx[k]];
            sum += v * v;
        }
        return sum;
    }

    static Binary binary(SparseVector[] x, int[] y, double[] weights, int positive, int dimension, double cost,
                         int[] perClass, double nbPower, long seed) {
        int n = x.length;
        float[] w = new float[dimension];
        double b = 0;
        double[] alpha = new double[n];
        double[] diag = new double[n];
        double[] qd = new double[n];
        byte[] sign = new byte[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            positives += y[i] == positive ? 1 : 0;
        }
        double positiveScale = 1;
        double negativeScale = 1;
        if (perClass != null && positives > 0 && positives < n) {
            // balance the two sides of this problem: each side weighs as much as the other in total
            positiveScale = n / (2.0 * positives);
            negativeScale = n / (2.0 * (n - positives));
        }
        for (int i = 0; i < n; i++) {
            sign[i] = (byte) (y[i] == positive ? 1 : -1);
            double c = cost * weights[i] * (sign[i] > 0 ? positiveScale : negativeScale);
            diag[i] = 0.5 / c;
            qd[i] = x[i].squaredNorm() + BIAS * BIAS + diag[i];
        }
        float[] r = nbPower > 0 ? nbRatios(x, sign, dimension, nbPower) : null;
        if (r != null) {
            for (int i = 0; i < n; i++) {
                qd[i] = scaledNorm(x[i], r) + BIAS * BIAS + diag[i];
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int active = n;
        double maxOld = Double.POSITIVE_INFINITY;
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            double maxNew = Double.NEGATIVE_INFINITY;
            double minNew = Double.POSITIVE_INFINITY;
            for (int i = 0; i < active; i++) {
                int j = i + random.nextInt(active - i);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int s = 0; s < active; s++) {
                int i = order[s];
                SparseVector xi = x[i];
                double g = sign[i] * ((r == null ? xi.dot(w) : scaledDot(xi, w, r)) + b * BIAS) - 1 + diag[i] * alpha[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > maxOld) {
                        // shrinking: this example will stay at its bound
                        active--;
                        order[s] = order[active];
                        order[active] = i;
                        s--;
                        continue;
                    }
                    if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                maxNew = Math.max(maxNew, pg);
                minNew = Math.min(minNew, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double d = (alpha[i] - old) * sign[i];
                    int[] idx = xi.indices();
                    float[] val = xi.values();
                    for (int k = 0; k < idx.length; k++) {
                        w[idx[k]] += (float) (d * val[k] * (r == null ? 1 : r[idx[k]]));
                    }
                    b += d * BIAS;
                }
            }
            iteration++;
            if (maxNew - minNew <= EPSILON) {
                if (active == n) {
                    break;
                }
                // converged on the shrunk set: check everything once more
                active = n;
                maxOld = Double.POSITIVE_INFINITY;
                continue;
            }
            maxOld = maxNew <= 0 ? Double.POSITIVE_INFINITY : maxNew;
        }
        if (r != null) {
            for (int f = 0; f < dimension; f++) {
                w[f] *= r[f];
            }
        }
        return new Binary(w, (float) (b * BIAS), iteration);
    }
}
