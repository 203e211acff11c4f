package org.yiwang.sorter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar yiwang.jar sorter evaluate …}, run in-process. */
class SorterCommandTests {

    record Run(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SorterCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String resource(String name) {
        try {
            return Path.of(SorterCommandTests.class.getResource("/sorter/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void evaluateTrainsPredictsAndEndsWithTheMacroF1Line() {
        Run run = run("sorter", "evaluate", "--train", resource("train.jsonl"), "--test", resource("test.jsonl"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lastLine()).matches("macro-F1 [01]\\.\\d{4}");
        assertThat(run.out()).contains("precision", "recall", "f1", "support", "C01002", "M09006", "confusion matrix",
                "ms per message");
        assertThat(Double.parseDouble(run.lastLine().substring("macro-F1 ".length()))).isGreaterThan(0.7);
    }

    @Test
    void crossValidationRunsOnOneFile() {
        Run run = run("sorter", "evaluate", "--train", resource("train.jsonl"), "--cv", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("3-fold cross-validation on 60 messages, 4 labels");
        assertThat(run.out()).contains("accuracy").contains("    60");
        assertThat(run.lastLine()).matches("macro-F1 [01]\\.\\d{4}");
    }

    @Test
    void aMalformedLineIsNamedByItsNumber() {
        Run run = run("sorter", "evaluate", "--train", resource("malformed.jsonl"), "--cv", "2");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("malformed.jsonl:3:").contains("not valid JSON");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFieldOrFileOrArgumentIsRefusedClearly(@TempDir Path dir) throws IOException {
        Path noLabel = Files.writeString(dir.resolve("x.jsonl"), "{\"id\":\"1\",\"text\":\"井盖\",\"label\":\"A\"}\n{\"id\":\"2\",\"text\":\"垃圾\"}\n");
        assertThat(run("sorter", "evaluate", "--train", noLabel.toString(), "--cv", "2").err()).contains("x.jsonl:2:", "\"label\"");
        Run missing = run("sorter", "evaluate", "--train", dir.resolve("nope.jsonl").toString(), "--cv", "5");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jsonl: no such file");
        assertThat(run("sorter", "evaluate", "--train", resource("train.jsonl")).err()).contains("give either --test or --cv");
        assertThat(run("sorter", "evaluate", "--train", resource("train.jsonl"), "--cv", "x").err()).contains("--cv needs a whole number");
        assertThat(run("sorter", "frobnicate").exit()).isEqualTo(2);
        Path oneLabel = Files.writeString(dir.resolve("one.jsonl"), "{\"id\":\"1\",\"text\":\"井盖\",\"label\":\"A\"}\n{\"id\":\"2\",\"text\":\"垃圾\",\"label\":\"A\"}\n");
        assertThat(run("sorter", "evaluate", "--train", oneLabel.toString(), "--cv", "2").err()).contains("at least two labels");
    }

    @Test
    void helpPrintsTheUsageAndExitsWithZero() {
        for (String[] args : List.of(new String[]{"sorter", "--help"}, new String[]{"sorter", "evaluate", "--help"},
                new String[]{"sorter", "build-default", "-h"})) {
            Run run = run(args);
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("usage:", "sorter evaluate", "--cv", "build-default", "--solver");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void aFileStartingWithAByteOrderMarkIsRead(@TempDir Path dir) throws IOException {
        Path withBom = dir.resolve("bom.jsonl");
        Files.write(withBom, ("\uFEFF" + Files.readString(Path.of(resource("train.jsonl")))).getBytes(StandardCharsets.UTF_8));
        Run run = run("sorter", "evaluate", "--train", withBom.toString(), "--cv", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("3-fold cross-validation on 60 messages, 4 labels");
    }

    @Test
    void testLabelsTheTrainingNeverSawAreNamedOnStandardError(@TempDir Path dir) throws IOException {
        Path test = Files.writeString(dir.resolve("test.jsonl"), Files.readString(Path.of(resource("test.jsonl")))
                + "{\"id\":\"u1\",\"text\":\"楼道里堆满了杂物\",\"label\":\"L03001\"}\n"
                + "{\"id\":\"u2\",\"text\":\"楼道里电动车充电\",\"label\":\"L03001\"}\n");
        Run run = run("sorter", "evaluate", "--train", resource("train.jsonl"), "--test", test.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning", "never saw", "L03001 (2)").doesNotContain("C01002");
        assertThat(run("sorter", "evaluate", "--train", resource("train.jsonl"), "--test", resource("test.jsonl")).err()).isEmpty();
    }

    @Test
    void liblinearSolvesTheSameProblemOnRequest() {
        Run run = run("sorter", "evaluate", "--train", resource("train.jsonl"), "--test", resource("test.jsonl"), "--solver", "liblinear");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("solver liblinear");
        assertThat(Double.parseDouble(run.lastLine().substring("macro-F1 ".length()))).isGreaterThan(0.7);
        assertThat(run("sorter", "evaluate", "--train", resource("train.jsonl"), "--cv", "2", "--solver", "svmlight").err())
                .contains("--solver must be own or liblinear");
    }

    @Test
    void buildDefaultNeedsAnOutputFile() {
        Run run = run("sorter", "build-default", "--train", resource("train.jsonl"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--out is required");
    }

    @Test
    void onlyTheSorterCommandIsHandledHere() {
        assertThat(SorterCommand.handles(new String[]{"sorter", "evaluate"})).isTrue();
        assertThat(SorterCommand.handles(new String[]{"ledger", "verify"})).isFalse();
        assertThat(SorterCommand.handles(new String[]{})).isFalse();
    }
}
