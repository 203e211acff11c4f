package org.yiwang.sorter.classifier;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Offsets on hand-made held-out scores: a label whose scorer runs low, balanced labels, too few examples. */
class LabelOffsetsTests {

    /**
     * Label 1's scorer runs low: its messages score 0 against 0.11 for label 0, so all are predicted 0; label 0's
     * own messages score 0.5 against 0. Raising label 1 against label 0 by more than 0.11 and less than 0.5 makes
     * every prediction right.
     */
    @Test
    void aLabelThatIsPredictedTooRarelyIsRaisedUntilMacroF1IsBest() {
        List<double[]> scores = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            scores.add(new double[]{0.5, 0.0});
            truth.add(0);
            scores.add(new double[]{0.11, 0.0});
            truth.add(1);
        }
        int[] t = truth.stream().mapToInt(Integer::intValue).toArray();
        double before = LabelOffsets.macroF1(scores, t, new double[2], 2);
        double[] offsets = LabelOffsets.fit(scores, t, 2);
        assertThat(LabelOffsets.macroF1(scores, t, offsets, 2)).isEqualTo(1.0).isGreaterThan(before);
        double raise = offsets[1] - offsets[0];
        assertThat(raise).isGreaterThan(0.11).isLessThan(0.5);
    }

    @Test
    void scoresThatAlreadyRankRightKeepOffsetZero() {
        List<double[]> scores = new ArrayList<>();
        int[] truth = new int[60];
        for (int i = 0; i < 60; i++) {
            int label = i % 3;
            double[] s = {-1, -1, -1};
            s[label] = 1;
            scores.add(s);
            truth[i] = label;
        }
        assertThat(LabelOffsets.fit(scores, truth, 3)).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void aLabelWithTooFewHeldOutExamplesIsLeftAlone() {
        List<double[]> scores = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            scores.add(new double[]{0.5, 0.0});
            truth.add(0);
        }
        for (int i = 0; i < LabelOffsets.MIN_EXAMPLES - 1; i++) {
            scores.add(new double[]{0.1, 0.0});
            truth.add(1);
        }
        int[] t = truth.stream().mapToInt(Integer::intValue).toArray();
        double[] offsets = LabelOffsets.fit(scores, t, 2);
        assertThat(offsets[1]).isEqualTo(0.0);
        // label 0 may still move down to let label 1 win, but never past the grid
        assertThat(Math.abs(offsets[0])).isLessThanOrEqualTo(LabelOffsets.RANGE + 1e-9);
    }

    @Test
    void theModelAddsTheOffsetsToItsScores() {
        TextClassifier model = new Trainer(TrainingOptions.defaults().withCalibrationFolds(0))
                .train(List.of(new Example("1", "井盖破损", "a"), new Example("2", "路灯不亮", "b"),
                        new Example("3", "井盖丢失", "a"), new Example("4", "路灯坏了", "b")))
                .model();
        double[] plain = model.scores("井盖");
        double[] shifted = model.withOffsets(new double[]{0.25, -0.5}).scores("井盖");
        assertThat(shifted[0] - plain[0]).isCloseTo(0.25, within(1e-6));
        assertThat(shifted[1] - plain[1]).isCloseTo(-0.5, within(1e-6));
    }
}
