package org.yiwang.sorter.classifier;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same one-vs-rest problems as {@link LinearSvm} (squared hinge loss, L2, regularised bias feature,
 * balanced class costs, NBSVM scaling) solved by LIBLINEAR's Java port ({@code L2R_L2LOSS_SVC_DUAL}), so that
 * {@code sorter evaluate --solver liblinear} can measure one against the other on the same features.
 * LIBLINEAR has no per-example cost: an example of integer weight k (a dispatcher's correction) is given k
 * times, which for this loss is the same problem; fractional weights are rounded.
 */
final class LiblinearSvm {

    static {
        Linear.disableDebugOutput();
    }

    private LiblinearSvm() {
    }

    static List<LinearSvm.Binary> train(SparseVector[] x, int[] y, double[] weights, int classes, int dimension, double cost,
                                        boolean balanced, double nbPower, int threads, long seed) {
        int[] perClass = new int[classes];
        for (int label : y) {
            perClass[label]++;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, classes)), r -> {
            Thread t = new Thread(r, "sorter-liblinear");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<LinearSvm.Binary>> futures = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                int cls = k;
                futures.add(pool.submit(() -> binary(x, y, weights, cls, dimension, cost, balanced, nbPower, seed + cls)));
            }
            List<LinearSvm.Binary> result = new ArrayList<>(classes);
            for (Future<LinearSvm.Binary> f : futures) {
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

    static LinearSvm.Binary binary(SparseVector[] x, int[] y, double[] weights, int positive, int dimension, double cost,
                                   boolean balanced, double nbPower, long seed) {
        int n = x.length;
        byte[] sign = new byte[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            sign[i] = (byte) (y[i] == positive ? 1 : -1);
            positives += sign[i] > 0 ? 1 : 0;
        }
        float[] r = nbPower > 0 ? LinearSvm.nbRatios(x, sign, dimension, nbPower) : null;
        List<Feature[]> rows = new ArrayList<>(n);
        List<Double> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Feature[] row = row(x[i], r, dimension);
            long copies = Math.max(1, Math.round(weights[i]));
            for (long c = 0; c < copies; c++) {
                rows.add(row);
                labels.add((double) sign[i]);
            }
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = dimension + 1;
        problem.x = rows.toArray(Feature[][]::new);
        problem.y = labels.stream().mapToDouble(Double::doubleValue).toArray();
        problem.bias = LinearSvm.BIAS;
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, cost, LinearSvm.EPSILON);
        if (balanced && positives > 0 && positives < n) {
            parameter.setWeights(new double[]{n / (2.0 * positives), n / (2.0 * (n - positives))}, new int[]{1, -1});
        }
        parameter.setRandom(new Random(seed));
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        // LIBLINEAR's weights are for its first label against the other
        double direction = model.getLabels()[0] == 1 ? 1 : -1;
        float[] weightsOut = new float[dimension];
        for (int f = 0; f < dimension; f++) {
            weightsOut[f] = (float) (direction * w[f] * (r == null ? 1 : r[f]));
        }
        float bias = (float) (direction * w[dimension] * LinearSvm.BIAS);
        return new LinearSvm.Binary(weightsOut, bias, -1);
    }

    /** LIBLINEAR's features are numbered from 1; the bias feature is the last one. */
    private static Feature[] row(SparseVector v, float[] r, int dimension) {
        int[] idx = v.indices();
        float[] val = v.values();
        Feature[] row = new Feature[idx.length + 1];
        for (int k = 0; k < idx.length; k++) {
            row[k] = new FeatureNode(idx[k] + 1, val[k] * (r == null ? 1 : r[idx[k]]));
        }
        row[idx.length] = new FeatureNode(dimension + 1, LinearSvm.BIAS);
        return row;
    }
}
