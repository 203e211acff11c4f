package org.yiwang.sorter;

import org.yiwang.sorter.classifier.Evaluation;
import org.yiwang.sorter.classifier.Example;
import org.yiwang.sorter.classifier.TextClassifier;
import org.yiwang.sorter.classifier.Trainer;
import org.yiwang.sorter.classifier.TrainingOptions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code java -jar yiwang.jar sorter evaluate --train TRAIN.jsonl (--test TEST.jsonl | --cv K)}: trains
 * the classifier as the platform trains it (calibration folds and label offsets included) on labelled messages (one JSON object {@code {"id","text","label"}} per line; labels are
 * free strings) and reports per-label precision, recall and F1, the confusion matrix, the prediction
 * time per message and, as the last line, {@code macro-F1 0.xxxx}. Runs without the web server or the
 * database. Exit code 0 on success, 2 for bad arguments or input (the message names file and line).
 */
public final class SorterCommand {

    static final int BAD_INPUT = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SorterCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length >= 1 && "sorter".equals(args[0]);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args);
            List<Example> train = read(arguments.train());
            TrainingOptions options = TrainingOptions.defaults();
            Trainer trainer = new Trainer(options);
            Evaluation evaluation;
            if (arguments.folds() > 0) {
                if (arguments.folds() > train.size()) {
                    throw new BadInput("--cv " + arguments.folds() + " needs at least as many messages; " + arguments.train()
                            + " has " + train.size());
                }
                requireTwoLabels(train, arguments.train());
                Trainer.CrossValidation cv = trainer.crossValidate(train, arguments.folds());
                out.printf(Locale.ROOT, "%d-fold cross-validation on %d messages, %d labels (%.1f s)%n%n", arguments.folds(),
                        train.size(), train.stream().map(Example::label).distinct().count(), cv.millis() / 1000.0);
                evaluation = cv.evaluation();
            } else {
                List<Example> test = read(arguments.test());
                requireTwoLabels(train, arguments.train());
                Trainer.Trained trained = trainer.train(train);
                TextClassifier model = trained.model();
                List<String> truth = new ArrayList<>(test.size());
                List<String> predicted = new ArrayList<>(test.size());
                long start = System.nanoTime();
                long cpu = Trainer.cpuNanos();
                for (Example e : test) {
                    predicted.add(model.predict(e.text(), 3, 3).getFirst().label());
                }
                long nanos = System.nanoTime() - start;
                cpu = Trainer.cpuNanos() - cpu;
                test.forEach(e -> truth.add(e.label()));
                out.printf(Locale.ROOT, "trained on %d messages, %d labels, %d features in %.1f s; tested on %d messages%n%n",
                        train.size(), model.labels().size(), model.featureCount(), trained.millis() / 1000.0, test.size());
                evaluation = Evaluation.of(truth, predicted, (double) nanos / test.size(), (double) cpu / test.size());
            }
            out.println(evaluation.report());
            out.flush();
            return 0;
        } catch (BadInput e) {
            err.println("sorter: " + e.getMessage());
            if (e.usage) {
                err.println(Arguments.USAGE);
            }
            return BAD_INPUT;
        }
    }

    private static void requireTwoLabels(List<Example> examples, Path file) {
        if (examples.stream().map(Example::label).distinct().count() < 2) {
            throw new BadInput(file + ": training needs messages of at least two labels");
        }
    }

    /** Reads {@code {"id","text","label"}} lines; blank lines are skipped, anything else wrong names its line. */
    static List<Example> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file + ": no such file");
        }
        List<Example> examples = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JacksonException e) {
                    throw new BadInput(file + ":" + lineNumber + ": not valid JSON (" + e.getOriginalMessage() + ")");
                }
                if (node == null || !node.isObject()) {
                    throw new BadInput(file + ":" + lineNumber + ": expected a JSON object {\"id\",\"text\",\"label\"}");
                }
                String text = string(node, "text", file, lineNumber);
                String label = string(node, "label", file, lineNumber);
                if (label.isBlank()) {
                    throw new BadInput(file + ":" + lineNumber + ": \"label\" is blank");
                }
                JsonNode idNode = node.get("id");
                String id = idNode == null || idNode.isNull() ? String.valueOf(lineNumber) : idNode.asString();
                if (!ids.add(id)) {
                    throw new BadInput(file + ":" + lineNumber + ": id " + id + " appears twice");
                }
                examples.add(new Example(id, text, label.strip()));
            }
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new BadInput(file + ":" + (lineNumber + 1) + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInput(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (examples.isEmpty()) {
            throw new BadInput(file + ": no messages");
        }
        return examples;
    }

    private static String string(JsonNode node, String field, Path file, int line) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new BadInput(file + ":" + line + ": \"" + field + "\" is missing or not a string");
        }
        return value.asString();
    }

    record Arguments(Path train, Path test, int folds) {

        static final String USAGE = """
                usage: java -jar yiwang.jar sorter evaluate --train TRAIN.jsonl --test TEST.jsonl
                       java -jar yiwang.jar sorter evaluate --train FILE.jsonl --cv K
                lines are JSON objects {"id": …, "text": …, "label": …}""";

        static Arguments parse(String[] args) {
            if (args.length < 2 || !"evaluate".equals(args[1])) {
                throw new BadInput("unknown command" + (args.length < 2 ? "" : " " + args[1]), true);
            }
            Path train = null;
            Path test = null;
            int folds = 0;
            for (int i = 2; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new BadInput(name + " needs a value", true);
                }
                String value = args[++i];
                switch (name) {
                    case "--train" -> train = Path.of(value);
                    case "--test" -> test = Path.of(value);
                    case "--cv" -> {
                        try {
                            folds = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new BadInput("--cv needs a whole number, not " + value, true);
                        }
                        if (folds < 2 || folds > 20) {
                            throw new BadInput("--cv must be within 2..20", true);
                        }
                    }
                    default -> throw new BadInput("unknown option " + name, true);
                }
            }
            if (train == null) {
                throw new BadInput("--train is required", true);
            }
            if ((test == null) == (folds == 0)) {
                throw new BadInput("give either --test or --cv", true);
            }
            return new Arguments(train, test, folds);
        }
    }

    static final class BadInput extends RuntimeException {
        final boolean usage;

        BadInput(String message) {
            this(message, false);
        }

        BadInput(String message, boolean usage) {
            super(message);
            this.usage = usage;
        }
    }
}
