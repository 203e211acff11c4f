package org.yiwang.sorter;

import java.time.Instant;
import java.util.Map;

/**
 * A version of the classifier as administrators see it: how it was trained and how well it did in
 * cross-validation on its own training history (the weights stay in the database).
 *
 * @param trigger     SCHEDULE or ADMIN
 * @param corrections how many of the examples were dispatchers' corrections (weighted more)
 * @param macroF1     cross-validated macro-F1 over the categories
 * @param perClass    per category: precision, recall, f1 and support
 * @param temperature the calibration factor of the confidence
 */
public record ModelInfo(int version, ModelStatus status, Instant createdAt, Instant activatedAt, String trigger,
                        Long createdBy, int trainingSize, int corrections, int labelCount, int featureCount,
                        Double macroF1, Double accuracy, Map<String, Map<String, Double>> perClass, double temperature,
                        long trainingMillis) {
}
