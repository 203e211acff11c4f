package org.yiwang.sorter;

import org.yiwang.sorter.classifier.Evaluation;
import org.yiwang.sorter.classifier.Example;
import org.yiwang.sorter.classifier.FeatureSettings;
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
 * {@code java -jar yiwang.jar sorter evaluate --train TRAIN.jsonl (--test TEST.jsonl | --cv K) [--solver own|liblinear]}:
 * trains the classifier as the platform trains it (calibration folds and label offsets included) on labelled messages
 * (one JSON object {@code {"id","text","label"}} per line, UTF-8 with or without a byte-order mark; labels are free
 * strings) and reports per-label precision, recall and F1, the confusion matrix, the prediction time per message and,
 * as the last line, {@code macro-F1 0.xxxx}. Test labels the training never saw are named on standard error.
 * <p>
 * {@code sorter build-default --train FILE.jsonl --out MODEL.bin [--max-features N] [--max-weights N]} trains the
 * default model (the one used while no model learnt from local history is active) and writes it: the same data and
 * options give the same bytes. Runs without the web server or the database. Exit code 0 on success (and for
 * {@code --help}), 2 for bad arguments or input (the message names file and line).
 */
public final class SorterCommand {

    static final int BAD_INPUT = 2;
    /** Fewer features and weights than the learnt model keeps: the default model ships in the jar (see README). */
    static final int DEFAULT_MAX_FEATURES = 60_000;
    static final int DEFAULT_MAX_WEIGHTS = 250_000;
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
            if (arguments.help()) {
                out.println(Arguments.USAGE);
                out.flush();
                return 0;
            }
            List<Example> train = read(arguments.train());
            requireTwoLabels(train, arguments.train());
            TrainingOptions options = TrainingOptions.defaults().withSolver(arguments.solver());
            if (arguments.build()) {
                return buildDefault(arguments, train, pruned(options, arguments.maxFeatures(), arguments.maxWeights()), out);
            }
            if (arguments.prunedExplicitly()) {
                options = pruned(options, arguments.maxFeatures(), arguments.maxWeights());
            }
            Trainer trainer = new Trainer(options);
            Evaluation evaluation;
            if (arguments.folds() > 0) {
                if (arguments.folds() > train.size()) {
                    throw new BadInput("--cv " + arguments.folds() + " needs at least as many messages; " + arguments.train()
                            + " has " + train.size());
                }
                Trainer.CrossValidation cv = trainer.crossValidate(train, arguments.folds());
                out.printf(Locale.ROOT, "%d-fold cross-validation on %d messages, %d labels, solver %s (%.1f s)%n%n",
                        arguments.folds(), train.size(), train.stream().map(Example::label).distinct().count(),
                        arguments.solver().name().toLowerCase(Locale.ROOT), cv.millis() / 1000.0);
                evaluation = cv.evaluation();
            } else {
                List<Example> test = read(arguments.test());
                warnUnseen(train, test, arguments.test(), err);
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
                out.printf(Locale.ROOT, "trained on %d messages, %d labels, %d features in %.1f s (solver %s); tested on %d messages%n%n",
                        train.size(), model.labels().size(), model.featureCount(), trained.millis() / 1000.0,
                        arguments.solver().name().toLowerCase(Locale.ROOT), test.size());
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

    /** At most this many features (the most frequent) and non-zero weights (the largest). */
    private static TrainingOptions pruned(TrainingOptions options, int maxFeatures, int maxWeights) {
        FeatureSettings f = options.features();
        FeatureSettings pruned = new FeatureSettings(f.charMin(), f.charMax(), f.words(), f.wordPairs(), f.leadChars(),
                f.leadMin(), f.leadMax(), f.foldDigits(), f.minDf(), maxFeatures, f.charWeight(), f.wordWeight(),
                f.leadWeight());
        return options.withFeatures(pruned).withMaxWeights(maxWeights);
    }

    private static int buildDefault(Arguments arguments, List<Example> train, TrainingOptions options, PrintStream out) {
        Trainer.Trained trained = new Trainer(options).train(train);
        byte[] bytes = trained.model().toBytes();
        try {
            Path parent = arguments.out().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(arguments.out(), bytes);
        } catch (IOException e) {
            throw new BadInput(arguments.out() + ": cannot be written (" + e.getMessage() + ")");
        }
        out.printf(Locale.ROOT, "trained on %d messages, %d labels, %d features, %d weights in %.1f s; wrote %s (%d bytes)%n",
                train.size(), trained.model().labels().size(), trained.model().featureCount(), trained.model().weightCount(),
                trained.millis() / 1000.0, arguments.out(), bytes.length);
        if (trained.evaluation() != null) {
            out.printf(Locale.ROOT, "calibration folds' macro-F1 %.4f%n", trained.evaluation().macroF1());
        }
        out.flush();
        return 0;
    }

    /** Labels of the test set the training never saw: every such message counts as an error. */
    private static void warnUnseen(List<Example> train, List<Example> test, Path file, PrintStream err) {
        Set<String> known = new HashSet<>();
        train.forEach(e -> known.add(e.label()));
        java.util.Map<String, Integer> unseen = new java.util.TreeMap<>();
        test.stream().filter(e -> !known.contains(e.label())).forEach(e -> unseen.merge(e.label(), 1, Integer::sum));
        if (!unseen.isEmpty()) {
            err.println("sorter: warning: " + file + " has labels the training never saw (they can never be predicted): "
                    + unseen.entrySet().stream().map(u -> u.getKey() + " (" + u.getValue() + ")")
                    .collect(java.util.stream.Collectors.joining(", ")));
            err.flush();
        }
    }

    static void requireTwoLabels(List<Example> examples, Path file) {
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
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark, as some editors on Windows write
                }
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

    record Arguments(boolean help, boolean build, Path train, Path test, int folds, TrainingOptions.Solver solver, Path out,
                     int maxFeatures, int maxWeights, boolean prunedExplicitly) {

        static final String USAGE = """
                usage: java -jar yiwang.jar sorter evaluate --train TRAIN.jsonl --test TEST.jsonl [--solver own|liblinear] [pruning]
                       java -jar yiwang.jar sorter evaluate --train FILE.jsonl --cv K [--solver own|liblinear] [pruning]
                       java -jar yiwang.jar sorter build-default --train FILE.jsonl --out MODEL.bin [--max-features N] [--max-weights N]
                       java -jar yiwang.jar sorter --help
                lines are JSON objects {"id": …, "text": …, "label": …} (UTF-8, a byte-order mark is accepted)
                evaluate: per-label precision, recall, F1, confusion matrix; the last line is macro-F1
                build-default: trains the default model (used until a model learnt from local history is active)
                pruning: --max-features N (60000 for build-default) --max-weights N (250000 for build-default);
                         evaluate prunes only when given them""";

        static Arguments parse(String[] args) {
            if (args.length < 2 || List.of("--help", "-h", "help").contains(args[1])
                    || (args.length >= 3 && List.of("--help", "-h").contains(args[2]))) {
                if (args.length < 2) {
                    throw new BadInput("which command?", true);
                }
                return new Arguments(true, false, null, null, 0, TrainingOptions.Solver.OWN, null, 0, 0, false);
            }
            boolean build = "build-default".equals(args[1]);
            if (!build && !"evaluate".equals(args[1])) {
                throw new BadInput("unknown command " + args[1], true);
            }
            Path train = null;
            Path test = null;
            Path out = null;
            int folds = 0;
            int maxFeatures = DEFAULT_MAX_FEATURES;
            int maxWeights = DEFAULT_MAX_WEIGHTS;
            boolean pruned = false;
            TrainingOptions.Solver solver = TrainingOptions.Solver.OWN;
            for (int i = 2; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new BadInput(name + " needs a value", true);
                }
                String value = args[++i];
                switch (name) {
                    case "--train" -> train = Path.of(value);
                    case "--test" -> test = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--cv" -> {
                        folds = whole(name, value);
                        if (folds < 2 || folds > 20) {
                            throw new BadInput("--cv must be within 2..20", true);
                        }
                    }
                    case "--max-features" -> {
                        maxFeatures = positive(name, value);
                        pruned = true;
                    }
                    case "--max-weights" -> {
                        maxWeights = positive(name, value);
                        pruned = true;
                    }
                    case "--solver" -> solver = switch (value.toLowerCase(Locale.ROOT)) {
                        case "own" -> TrainingOptions.Solver.OWN;
                        case "liblinear" -> TrainingOptions.Solver.LIBLINEAR;
                        default -> throw new BadInput("--solver must be own or liblinear, not " + value, true);
                    };
                    default -> throw new BadInput("unknown option " + name, true);
                }
            }
            if (train == null) {
                throw new BadInput("--train is required", true);
            }
            if (build) {
                if (out == null) {
                    throw new BadInput("--out is required", true);
                }
                if (test != null || folds != 0) {
                    throw new BadInput("build-default takes no --test or --cv", true);
                }
            } else if ((test == null) == (folds == 0)) {
                throw new BadInput("give either --test or --cv", true);
            }
            return new Arguments(false, build, train, test, folds, solver, out, maxFeatures, maxWeights, pruned);
        }

        private static int whole(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new BadInput(name + " needs a whole number, not " + value, true);
            }
        }

        private static int positive(String name, String value) {
            int n = whole(name, value);
            if (n < 1) {
                throw new BadInput(name + " must be positive", true);
            }
            return n;
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
