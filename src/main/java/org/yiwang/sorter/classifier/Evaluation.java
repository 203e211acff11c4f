package org.yiwang.sorter.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.LinkedHashMap;

/**
 * How well predictions matched the true labels: the confusion matrix (rows true, columns predicted),
 * precision, recall and F1 per label, accuracy and macro-F1 (the unweighted mean of the labels' F1,
 * so that a small label counts as much as a large one).
 */
public final class Evaluation {

    private final List<String> labels;
    private final long[][] confusion;
    private final double nanosPerMessage;
    private final double cpuNanosPerMessage;

    private Evaluation(List<String> labels, long[][] confusion, double nanosPerMessage, double cpuNanosPerMessage) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        this.nanosPerMessage = nanosPerMessage;
        this.cpuNanosPerMessage = cpuNanosPerMessage;
    }

    /** One row per message: the true label and the predicted one. */
    public static Evaluation of(List<String> truth, List<String> predicted, double nanosPerMessage) {
        return of(truth, predicted, nanosPerMessage, Double.NaN);
    }

    /**
     * @param nanosPerMessage    elapsed time per prediction
     * @param cpuNanosPerMessage CPU time of the predicting thread per prediction (NaN when unknown): on a busy
     *                           machine the elapsed time also counts the waits for a core
     */
    public static Evaluation of(List<String> truth, List<String> predicted, double nanosPerMessage, double cpuNanosPerMessage) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("one prediction per message");
        }
        TreeSet<String> all = new TreeSet<>(truth);
        all.addAll(predicted);
        List<String> labels = new ArrayList<>(all);
        Map<String, Integer> index = new LinkedHashMap<>();
        labels.forEach(l -> index.put(l, index.size()));
        long[][] confusion = new long[labels.size()][labels.size()];
        for (int i = 0; i < truth.size(); i++) {
            confusion[index.get(truth.get(i))][index.get(predicted.get(i))]++;
        }
        return new Evaluation(labels, confusion, nanosPerMessage, cpuNanosPerMessage);
    }

    public List<String> labels() {
        return labels;
    }

    public long count() {
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    public long support(int label) {
        long n = 0;
        for (long v : confusion[label]) {
            n += v;
        }
        return n;
    }

    public double precision(int label) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[label];
        }
        return predicted == 0 ? 0 : (double) confusion[label][label] / predicted;
    }

    public double recall(int label) {
        long support = support(label);
        return support == 0 ? 0 : (double) confusion[label][label] / support;
    }

    public double f1(int label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the labels that occur in the truth. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < labels.size(); c++) {
            if (support(c) > 0) {
                sum += f1(c);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    public double accuracy() {
        long right = 0;
        for (int c = 0; c < labels.size(); c++) {
            right += confusion[c][c];
        }
        long n = count();
        return n == 0 ? 0 : (double) right / n;
    }

    public long confusion(int truth, int predicted) {
        return confusion[truth][predicted];
    }

    public double nanosPerMessage() {
        return nanosPerMessage;
    }

    public double cpuNanosPerMessage() {
        return cpuNanosPerMessage;
    }

    /** F1 per label, for storing with a model. */
    public Map<String, Double> f1ByLabel() {
        Map<String, Double> f1 = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            if (support(c) > 0) {
                f1.put(labels.get(c), round(f1(c)));
            }
        }
        return f1;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /**
     * The report the evaluate command prints: a table per label, the confusion matrix with labels
     * numbered, the prediction time (elapsed and CPU), and last a line {@code macro-F1 0.xxxx}.
     */
    public String report() {
        StringBuilder out = new StringBuilder();
        int width = Math.max(5, labels.stream().mapToInt(Evaluation::displayWidth).max().orElse(5));
        out.append(pad("label", width)).append("  precision  recall      f1  support\n");
        for (int c = 0; c < labels.size(); c++) {
            out.append(pad(labels.get(c), width))
                    .append(String.format(Locale.ROOT, "  %9.4f  %6.4f  %6.4f  %7d%n", precision(c), recall(c), f1(c), support(c)));
        }
        out.append(pad("accuracy", width)).append(String.format(Locale.ROOT, "  %33.4f  %7d%n", accuracy(), count()));
        out.append('\n').append("confusion matrix (rows: true label, columns: predicted)\n");
        out.append(pad("", width + 4));
        for (int c = 0; c < labels.size(); c++) {
            out.append(String.format(Locale.ROOT, " %6s", "[" + (c + 1) + "]"));
        }
        out.append('\n');
        for (int r = 0; r < labels.size(); r++) {
            out.append(String.format(Locale.ROOT, "%-4s", "[" + (r + 1) + "]")).append(pad(labels.get(r), width));
            for (int c = 0; c < labels.size(); c++) {
                out.append(String.format(Locale.ROOT, " %6d", confusion[r][c]));
            }
            out.append('\n');
        }
        out.append('\n').append(String.format(Locale.ROOT, "prediction time %.3f ms per message", nanosPerMessage / 1e6));
        if (!Double.isNaN(cpuNanosPerMessage)) {
            out.append(String.format(Locale.ROOT, " (%.3f ms CPU)", cpuNanosPerMessage / 1e6));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "macro-F1 %.4f", macroF1()));
        return out.toString();
    }

    /** Columns of a terminal: CJK characters take two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - displayWidth(s)));
    }
}
