package org.yiwang.sorter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.sorter} (the confidence at which intake takes a suggestion is work orders'
 * own setting, {@code yiwang.workorder.auto-category-confidence}).
 *
 * @param keywordMaxConfidence the highest confidence the catalog keyword model (cold start) gives: it has no
 *                             history to be calibrated on, so by default it never files an order on its own
 * @param refreshInterval      how often a node looks for another active model (activated on another node)
 * @param training             when and from what models are trained
 * @param duplicates           what counts as a likely duplicate
 * @param hotspots             what counts as a hot spot
 */
@ConfigurationProperties("yiwang.sorter")
record SorterProperties(@DefaultValue("0.8") double keywordMaxConfidence,
                        @DefaultValue("30s") Duration refreshInterval,
                        @DefaultValue Training training,
                        @DefaultValue DuplicateRules duplicates,
                        @DefaultValue HotspotRules hotspots) {

    SorterProperties {
        if (!(keywordMaxConfidence > 0 && keywordMaxConfidence <= 1)) {
            throw new IllegalArgumentException("yiwang.sorter.keyword-max-confidence must be within (0, 1]");
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("yiwang.sorter.refresh-interval must be positive");
        }
    }

    /**
     * @param scheduled          whether this node trains on the schedule (one node at a time does, whatever this says)
     * @param cron               when (Spring cron, in the server's zone): nightly by default
     * @param minExamples        fewer examples than this and training is refused
     * @param minPerCategory     categories with fewer examples are left out of a model
     * @param maxExamples        the most recent this many closed orders are used
     * @param correctionWeight   how much more a dispatcher's correction counts than an ordinary example
     * @param autoActivate       a new model replaces the active one when its cross-validated macro-F1 is at
     *                           least the active one's less {@code activationTolerance}
     * @param activationTolerance see {@code autoActivate}
     * @param cost               the SVM's C
     * @param calibrationFolds   folds of the cross-validation that calibrates and evaluates a model
     */
    record Training(@DefaultValue("true") boolean scheduled,
                    @DefaultValue("0 30 2 * * *") String cron,
                    @DefaultValue("50") int minExamples,
                    @DefaultValue("5") int minPerCategory,
                    @DefaultValue("50000") int maxExamples,
                    @DefaultValue("3.0") double correctionWeight,
                    @DefaultValue("true") boolean autoActivate,
                    @DefaultValue("0.01") double activationTolerance,
                    @DefaultValue("3.0") double cost,
                    @DefaultValue("3") int calibrationFolds) {

        Training {
            if (minExamples < 2 || minPerCategory < 2 || maxExamples < minExamples) {
                throw new IllegalArgumentException("yiwang.sorter.training: need min-examples >= 2, min-per-category >= 2, "
                        + "max-examples >= min-examples");
            }
            if (!(correctionWeight >= 1 && correctionWeight <= 100)) {
                throw new IllegalArgumentException("yiwang.sorter.training.correction-weight must be within 1..100");
            }
            if (calibrationFolds < 2 || calibrationFolds > 10) {
                throw new IllegalArgumentException("yiwang.sorter.training.calibration-folds must be within 2..10");
            }
        }
    }

    /**
     * @param maxDistanceMeters  how far apart two reports of one problem may be
     * @param window             how much older the earlier report may be
     * @param minTextSimilarity  the least text similarity (cosine of character bigrams, 0..1)
     * @param minScore           the least combined score (0..1) for a candidate to be kept
     * @param maxCandidates      candidates kept per new order, best first
     */
    record DuplicateRules(@DefaultValue("100") double maxDistanceMeters,
                          @DefaultValue("72h") Duration window,
                          @DefaultValue("0.3") double minTextSimilarity,
                          @DefaultValue("0.5") double minScore,
                          @DefaultValue("5") int maxCandidates) {

        DuplicateRules {
            if (!(maxDistanceMeters > 0 && maxDistanceMeters <= 10_000)) {
                throw new IllegalArgumentException("yiwang.sorter.duplicates.max-distance-meters must be within (0, 10000]");
            }
            if (window.isNegative() || window.isZero() || maxCandidates < 1) {
                throw new IllegalArgumentException("yiwang.sorter.duplicates: window and max-candidates must be positive");
            }
        }
    }

    /**
     * @param minReports reports of one category in one grid within {@code window} that make a hot spot
     * @param window     the span they must fall in
     */
    record HotspotRules(@DefaultValue("5") int minReports, @DefaultValue("7d") Duration window) {

        HotspotRules {
            if (minReports < 2 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("yiwang.sorter.hotspots: min-reports >= 2 and a positive window");
            }
        }
    }
}
