package org.yiwang.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * 大类 — a major class of categories: the kind letter and the first two digits of its items' codes
 * ({@code M09} is 街面秩序类, the street-order matters {@code M09001}…).
 *
 * @param name Chinese name, as the standard writes it
 * @param nameEn English name
 */
public record MajorClass(String code, CategoryKind kind, String name, String nameEn) {

    public static final Pattern CODE = Pattern.compile("[CML]\\d{2}");
    public static final int MAX_NAME_LENGTH = 50;

    public MajorClass {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        if (!CODE.matcher(code).matches() || code.charAt(0) != kind.letter()) {
            throw new IllegalArgumentException("major class code must be the kind letter and two digits: " + code);
        }
        if (name == null || name.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw new IllegalArgumentException("a major class needs a Chinese and an English name: " + code);
        }
    }

    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }
}
