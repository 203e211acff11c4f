package org.yiwang.sorter.classifier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The classifier on a small hand-written set: four kinds of street problem, fifteen reports each. */
class ClassifierTests {

    static List<Example> train;
    static List<Example> test;
    static Trainer.Trained trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        train = read("/sorter/train.jsonl");
        test = read("/sorter/test.jsonl");
        trained = new Trainer(TrainingOptions.defaults()).train(train);
    }

    static List<Example> read(String resource) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Example> examples = new ArrayList<>();
        try (InputStream in = ClassifierTests.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    examples.add(new Example(node.get("id").asString(), node.get("text").asString(), node.get("label").asString()));
                }
            }
        }
        return examples;
    }

    @Test
    void trainingConvergesToAModelThatFitsItsTrainingSetAndGeneralises() {
        long right = train.stream().filter(e -> trained.model().classify(e.text()).equals(e.label())).count();
        assertThat((double) right / train.size()).isGreaterThanOrEqualTo(0.95);
        long heldOut = test.stream().filter(e -> trained.model().classify(e.text()).equals(e.label())).count();
        assertThat((double) heldOut / test.size()).isGreaterThanOrEqualTo(0.75);
        assertThat(trained.model().labels()).containsExactly("C01002", "M06010", "M06028", "M09006");
    }

    @Test
    void theSolverStopsWellBeforeItsIterationLimit() {
        SparseVector[] x = {new SparseVector(new int[]{0}, new float[]{1f}), new SparseVector(new int[]{1}, new float[]{1f})};
        LinearSvm.Binary b = LinearSvm.binary(x, new int[]{0, 1}, new double[]{1, 1}, 0, 2, 1.0, null, 0, 1);
        assertThat(b.iterations()).isLessThan(LinearSvm.MAX_ITERATIONS);
        assertThat(b.weights()[0]).isPositive();
        assertThat(b.weights()[1]).isNegative();
    }

    @Test
    void crossValidationGivesFiguresForEveryLabel() {
        Evaluation evaluation = trained.evaluation();
        assertThat(evaluation).isNotNull();
        assertThat(evaluation.count()).isEqualTo(train.size());
        assertThat(evaluation.macroF1()).isGreaterThan(0.6);
        assertThat(evaluation.f1ByLabel()).containsOnlyKeys("C01002", "M06010", "M06028", "M09006");
    }

    @Test
    void probabilitiesSumToOneAndGrowWithTheScore() {
        double[] previous = null;
        for (double margin = -2; margin <= 2; margin += 0.25) {
            double[] p = TextClassifier.probabilities(new double[]{margin, 0, -0.5}, trained.model().temperature());
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-9));
            if (previous != null) {
                assertThat(p[0]).isGreaterThan(previous[0]);
            }
            previous = p;
        }
        assertThat(trained.model().temperature()).isBetween(Calibration.MIN, Calibration.MAX);
    }

    @Test
    void calibrationSharpensWhenScoresAreReliableAndSoftensWhenTheyAreNot() {
        List<double[]> scores = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        List<Integer> coinFlip = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            scores.add(new double[]{1, -1});
            right.add(0);
            coinFlip.add(i % 2);
        }
        assertThat(Calibration.fitTemperature(scores, right)).isGreaterThan(10);
        assertThat(Calibration.fitTemperature(scores, coinFlip)).isLessThan(0.1);
    }

    @Test
    void predictionsComeBestFirstWithTheWordsThatDroveThem() {
        List<TextClassifier.Prediction> top = trained.model().predict("路口的污水井盖破了个大洞，很危险", 3, 3);
        assertThat(top).hasSize(3);
        assertThat(top.getFirst().label()).isEqualTo("C01002");
        assertThat(top.getFirst().probability()).isGreaterThan(top.get(1).probability());
        assertThat(top.get(1).probability()).isGreaterThanOrEqualTo(top.get(2).probability());
        assertThat(top.getFirst().evidence()).isNotEmpty().anyMatch(w -> w.contains("井盖"));
        assertThat(top.getFirst().evidence()).allMatch(w -> w.length() >= 2);
    }

    @Test
    void aStoredModelReadsBackToTheSameScores() {
        byte[] stored = trained.model().toBytes();
        TextClassifier back = TextClassifier.fromBytes(stored);
        assertThat(back.labels()).isEqualTo(trained.model().labels());
        assertThat(back.temperature()).isEqualTo(trained.model().temperature());
        assertThat(back.settings()).isEqualTo(trained.model().settings());
        for (Example e : test) {
            assertThat(back.scores(e.text())).containsExactly(trained.model().scores(e.text()), within(1e-6));
            assertThat(back.predict(e.text(), 3, 3)).isEqualTo(trained.model().predict(e.text(), 3, 3));
        }
    }

    @Test
    void somethingElseIsNotAModel() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextClassifier.fromBytes(new byte[]{1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWeightBudgetDropsTheSmallestWeightsOnly() {
        Trainer.Trained small = new Trainer(new TrainingOptions(FeatureSettings.defaults(), 3.0, true, 0.5, 0, 500, 1, 7)).train(train);
        assertThat(small.model().weightCount()).isLessThanOrEqualTo(500 + 4);
        long right = test.stream().filter(e -> small.model().classify(e.text()).equals(e.label())).count();
        assertThat(right).isGreaterThanOrEqualTo(6);
    }

    @Test
    void correctionsWeighMore() {
        // one message in both classes: the weighted copy wins
        List<Example> examples = new ArrayList<>(train);
        examples.add(new Example("x1", "井盖旁边堆满了垃圾", "C01002", 1.0));
        examples.add(new Example("x2", "井盖旁边堆满了垃圾", "M06010", 10.0));
        TextClassifier model = new Trainer(TrainingOptions.defaults().withCalibrationFolds(0)).train(examples).model();
        assertThat(model.classify("井盖旁边堆满了垃圾")).isEqualTo("M06010");
    }
}
