package org.yiwang.sorter.classifier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a message into counted features of three kinds, told apart by their first character:
 * character n-grams ({@code c}), words and word pairs found by Lucene's smartcn segmenter ({@code w},
 * {@code b}), and character n-grams of the message's lead — its title or first clause ({@code t}),
 * which usually names the matter. Thread-safe; the segmenter's dictionaries load once per JVM.
 */
public final class TextFeatures {

    /** Longest text looked at: past it a message rarely adds evidence, and prediction time stays bounded. */
    public static final int MAX_CHARS = 2_000;

    /**
     * Longest text segmented into words: segmentation costs most of a prediction, and the words of a long
     * message's opening already tell its matter (its character n-grams are all counted).
     */
    public static final int MAX_WORD_CHARS = 600;

    private static final Analyzer SEGMENTER = new SmartChineseAnalyzer(true);

    private final FeatureSettings settings;

    public TextFeatures(FeatureSettings settings) {
        this.settings = settings;
    }

    public FeatureSettings settings() {
        return settings;
    }

    /**
     * Full-width forms folded to ASCII (NFKC), lower case, digits folded to {@code 0} when the settings
     * say so; anything that is neither letter nor digit becomes a space.
     */
    public String normalize(String text) {
        String s = text == null ? "" : text;
        if (s.length() > MAX_CHARS) {
            s = s.substring(0, MAX_CHARS);
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                out.append(settings.foldDigits() ? '0' : c);
            } else if (Character.isLetter(c) || Character.isSurrogate(c)) {
                out.append(c);
            } else {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** The features of {@code text} with their counts. */
    public Map<String, Integer> extract(String text) {
        Map<String, Integer> counts = new HashMap<>(2048);
        emit(text, feature -> counts.merge(feature, 1, Integer::sum));
        return counts;
    }

    /** Hands every occurrence of a feature of {@code text} to {@code sink}: the streaming form of {@link #extract}. */
    public void emit(String text, Consumer<String> sink) {
        String raw = text == null ? "" : text;
        String normalized = normalize(raw);
        charGrams('c', normalized, settings.charMin(), settings.charMax(), sink);
        if (settings.words() || settings.wordPairs()) {
            words(raw.length() > MAX_WORD_CHARS ? raw.substring(0, MAX_WORD_CHARS) : raw, sink);
        }
        if (settings.leadChars() > 0) {
            charGrams('t', normalize(lead(raw, settings.leadChars())), settings.leadMin(), settings.leadMax(), sink);
        }
    }

    /** The words smartcn finds in {@code text}, punctuation left out. */
    public static List<String> segment(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = SEGMENTER.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /**
     * The lead of a message: its title when it starts with one (text up to the first line break or
     * space), else its first clause, at most {@code max} characters.
     */
    static String lead(String text, int max) {
        int end = Math.min(text.length(), max);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '。' || c == '！' || c == '？' || c == '!' || c == '?'
                    || (Character.isWhitespace(c) && i > 0)) {
                return text.substring(0, i);
            }
        }
        return text.substring(0, end);
    }

    private void words(String text, Consumer<String> sink) {
        List<String> tokens = segment(text);
        String previous = null;
        for (String token : tokens) {
            String word = settings.foldDigits() ? foldDigits(token) : token;
            if (settings.words() && word.length() >= 2) {
                sink.accept("w" + word);
            }
            if (settings.wordPairs() && previous != null) {
                sink.accept("b" + previous + '_' + word);
            }
            previous = word;
        }
    }

    private static String foldDigits(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, '0');
            }
        }
        return out == null ? s : out.toString();
    }

    private static void charGrams(char kind, String normalized, int min, int max, Consumer<String> sink) {
        int n = normalized.length();
        StringBuilder gram = new StringBuilder(max + 1);
        for (int start = 0; start < n; start++) {
            if (normalized.charAt(start) == ' ') {
                continue;
            }
            gram.setLength(0);
            gram.append(kind);
            for (int len = 1; len <= max && start + len <= n; len++) {
                char c = normalized.charAt(start + len - 1);
                if (c == ' ') {
                    break;
                }
                gram.append(c);
                if (len >= min) {
                    sink.accept(gram.toString());
                }
            }
        }
    }

    /** The text a feature stands for, for showing it as evidence: {@code c井盖} → 井盖, {@code b井盖_破损} → 井盖破损. */
    public static String display(String feature) {
        String body = feature.substring(1);
        return feature.charAt(0) == 'b' ? body.replace("_", "") : body;
    }
}
