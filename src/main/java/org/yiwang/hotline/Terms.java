package org.yiwang.hotline;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Words of Chinese (and English) text as smartcn segments them (小区 停车费 怎么 收), compounds also by their
 * two-character parts (停车 车费), letters and digits only, so that
 * PostgreSQL's {@code simple} text-search configuration can index and match them without a Chinese parser.
 */
final class Terms {

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer(true);

    private Terms() {
    }

    static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = clean(term.toString());
                if (!word.isEmpty()) {
                    words.add(word);
                    // smartcn keeps compounds whole (停车费): their two-character parts let 停车 find them too
                    if (word.codePointCount(0, word.length()) >= 3 && Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN) {
                        int[] cps = word.codePoints().toArray();
                        for (int i = 0; i + 1 < cps.length; i++) {
                            words.add(new String(cps, i, 2));
                        }
                    }
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The words, one space apart, as stored for indexing. */
    static String indexed(String... texts) {
        Set<String> all = new LinkedHashSet<>();
        for (String t : texts) {
            all.addAll(of(t));
        }
        return String.join(" ", all);
    }

    /** A {@code to_tsquery('simple', …)} matching any of the words, or null when there are none. */
    static String anyOf(String query) {
        Set<String> words = of(query);
        return words.isEmpty() ? null : String.join(" | ", words);
    }

    private static String clean(String token) {
        StringBuilder b = new StringBuilder(token.length());
        token.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
