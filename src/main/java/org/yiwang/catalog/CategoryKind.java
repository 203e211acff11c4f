package org.yiwang.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * Which list a category comes from; its letter starts every category code of that kind, so that the
 * same five-digit number of GB/T 47678.5 can name both a component and a matter.
 */
public enum CategoryKind {
    /** 部件 — a physical facility of GB/T 47678.5 (manhole cover, street lamp), code {@code C#####}. */
    COMPONENT('C'),
    /** 事项（事件） — an urban-management matter of GB/T 47678.5 (exposed rubbish, street vending), code {@code M#####}. */
    MATTER('M'),
    /** A social-governance matter this platform adds (neighbour dispute, unpaid wages), code {@code L#####}. */
    LOCAL('L');

    private final char letter;

    CategoryKind(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** Whether the items of this kind are the national standard's, whose code and name may not be changed. */
    public boolean isStandard() {
        return this != LOCAL;
    }

    public static Optional<CategoryKind> ofLetter(char letter) {
        char upper = Character.toUpperCase(letter);
        for (CategoryKind kind : values()) {
            if (kind.letter == upper) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code component}, {@code COMPONENT} or the letter {@code C}. */
    public static Optional<CategoryKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.length() == 1) {
            return ofLetter(t.charAt(0));
        }
        try {
            return Optional.of(valueOf(t.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
