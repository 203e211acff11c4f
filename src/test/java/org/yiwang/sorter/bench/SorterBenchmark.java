package org.yiwang.sorter.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.yiwang.sorter.classifier.Example;
import org.yiwang.sorter.classifier.TextClassifier;
import org.yiwang.sorter.classifier.Trainer;
import org.yiwang.sorter.classifier.TrainingOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prediction latency of the sorter: one suggestion (top 3 with calibrated confidence and evidence words)
 * for a short report as residents write them and for each message of the training file in turn (the
 * citizen messages of the development set average about 420 characters). DESIGN's target is < 1 ms per
 * message. Trains on {@code src/test/resources/sorter/train.jsonl}, or on the JSONL file named by
 * {@code -Dsorter.bench.train=FILE} (e.g. the development set, which is never committed).
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pbench test-compile exec:exec -Dbench=SorterBenchmark}
 * (add {@code -Dbench.args="-jvmArgsAppend -Dsorter.bench.train=/path/to/set.jsonl"} for another set)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class SorterBenchmark {

    static final String SHORT = "小区门口的污水井盖破了一个角，晚上走路很危险，请尽快处理";

    TextClassifier model;
    List<String> messages;
    int next;

    @Setup
    public void train() throws IOException {
        List<Example> examples = read();
        model = new Trainer(TrainingOptions.defaults().withCalibrationFolds(0)).train(examples).model();
        messages = examples.stream().map(Example::text).toList();
    }

    static List<Example> read() throws IOException {
        String file = System.getProperty("sorter.bench.train");
        String text;
        if (file != null) {
            text = Files.readString(Path.of(file));
        } else {
            try (InputStream in = SorterBenchmark.class.getResourceAsStream("/sorter/train.jsonl")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        List<Example> examples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                examples.add(new Example(node.get("id").asString(), node.get("text").asString(), node.get("label").asString()));
            }
        }
        return examples;
    }

    @Benchmark
    public List<TextClassifier.Prediction> suggestShortReport() {
        return model.predict(SHORT, 3, 3);
    }

    @Benchmark
    public List<TextClassifier.Prediction> suggestEachTrainingMessage() {
        String text = messages.get(next);
        next = next + 1 == messages.size() ? 0 : next + 1;
        return model.predict(text, 3, 3);
    }
}
