package org.yiwang.sorter.classifier;

/**
 * How to train.
 *
 * @param features         how text becomes features
 * @param cost             the SVM's C: higher fits the training messages closer
 * @param balanced         every label weighs as much as the others in total, however many examples it has
 *                         (what macro-F1 rewards)
 * @param nbPower          0 for a plain linear SVM; else features are scaled per class by their naive-Bayes
 *                         log-count ratio to this power (NBSVM)
 * @param calibrationFolds folds of the cross-validation whose held-out scores calibrate the confidence and
 *                         give the model's evaluation figures; 0 for neither (quicker)
 * @param maxWeights       at most this many non-zero weights are kept (memory bound for many labels)
 * @param threads          labels trained at once
 * @param seed             for the folds and the solver's order: the same data and seed give the same model
 * @param solver           which implementation solves the SVMs
 */
public record TrainingOptions(FeatureSettings features, double cost, boolean balanced, double nbPower, int calibrationFolds,
                              int maxWeights, int threads, long seed, Solver solver) {

    /** The SVM solver: the sorter's own dual coordinate descent, or LIBLINEAR's (Java port) on the same problem. */
    public enum Solver { OWN, LIBLINEAR }

    public TrainingOptions(FeatureSettings features, double cost, boolean balanced, double nbPower, int calibrationFolds,
                           int maxWeights, int threads, long seed) {
        this(features, cost, balanced, nbPower, calibrationFolds, maxWeights, threads, seed, Solver.OWN);
    }

    public TrainingOptions {
        if (!(cost > 0)) {
            throw new IllegalArgumentException("cost must be positive");
        }
        if (!(nbPower >= 0 && nbPower <= 2)) {
            throw new IllegalArgumentException("nbPower must be within 0..2");
        }
        if (calibrationFolds < 0 || calibrationFolds == 1 || calibrationFolds > 20) {
            throw new IllegalArgumentException("calibrationFolds must be 0 or 2..20");
        }
        java.util.Objects.requireNonNull(solver, "solver");
        if (maxWeights < 1 || threads < 1) {
            throw new IllegalArgumentException("maxWeights and threads must be positive");
        }
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(FeatureSettings.defaults(), 3.0, true, 0.5, 3, 6_000_000,
                Math.max(1, Runtime.getRuntime().availableProcessors()), 20_261_121L);
    }

    public TrainingOptions withCalibrationFolds(int folds) {
        return new TrainingOptions(features, cost, balanced, nbPower, folds, maxWeights, threads, seed, solver);
    }

    public TrainingOptions withFeatures(FeatureSettings settings) {
        return new TrainingOptions(settings, cost, balanced, nbPower, calibrationFolds, maxWeights, threads, seed, solver);
    }

    public TrainingOptions withCost(double c) {
        return new TrainingOptions(features, c, balanced, nbPower, calibrationFolds, maxWeights, threads, seed, solver);
    }

    public TrainingOptions withNbPower(double power) {
        return new TrainingOptions(features, cost, balanced, power, calibrationFolds, maxWeights, threads, seed, solver);
    }

    public TrainingOptions withBalanced(boolean b) {
        return new TrainingOptions(features, cost, b, nbPower, calibrationFolds, maxWeights, threads, seed, solver);
    }

    public TrainingOptions withSolver(Solver s) {
        return new TrainingOptions(features, cost, balanced, nbPower, calibrationFolds, maxWeights, threads, seed, s);
    }

    public TrainingOptions withMaxWeights(int max) {
        return new TrainingOptions(features, cost, balanced, nbPower, calibrationFolds, max, threads, seed, solver);
    }
}
