package org.yiwang.catalog;

import org.yiwang.people.DepartmentType;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A category of problem (案件类别): a component (部件) or matter (事项) of GB/T 47678.5, or a local
 * extension. The code is the kind letter plus five digits: {@code C01001} is the component 供水井盖,
 * {@code M01001} the matter 供水井盖异常, {@code L01001} the local matter 邻里纠纷. The first three
 * characters are the {@link MajorClass} code.
 *
 * @param name Chinese name; for standard items the standard's text
 * @param nameEn English name, given for local categories, null for standard items
 * @param keywords synonyms that residents use, for search and the keyword classifier
 * @param ownerDepartment for components: the kind of department that owns them (权属单位), if known
 * @param smallMatter 即发即处 — a grid worker may close it on the spot where they found it
 * @param enabled disabled categories stay valid for old cases but are not offered for new ones
 */
public record Category(String code, CategoryKind kind, String majorClass, String name, String nameEn,
                       List<String> keywords, DepartmentType ownerDepartment, boolean smallMatter, boolean enabled) {

    public static final Pattern CODE = Pattern.compile("[CML]\\d{5}");
    private static final Pattern CODE_PREFIX = Pattern.compile("[cml]\\d{1,4}");
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_KEYWORDS = 30;
    public static final int MAX_KEYWORD_LENGTH = 30;

    public Category {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        if (!isCode(code) || code.charAt(0) != kind.letter()) {
            throw new IllegalArgumentException("category code must be the kind letter and five digits: " + code);
        }
        if (!code.substring(0, 3).equals(majorClass)) {
            throw new IllegalArgumentException("category " + code + " belongs to major class " + code.substring(0, 3));
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category " + code + " needs a name");
        }
        keywords = List.copyOf(keywords);
    }

    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    /** The major class code of a category code: {@code M09015} → {@code M09}. */
    public static String majorClassOf(String code) {
        if (!isCode(code)) {
            throw new IllegalArgumentException("not a category code: " + code);
        }
        return code.substring(0, 3);
    }

    /** The owner department, if this is a component that has one. */
    public Optional<DepartmentType> owner() {
        return Optional.ofNullable(ownerDepartment);
    }

    /** Whether {@code text} (already lower-cased and trimmed) matches the code, the name or a keyword. */
    boolean matches(String text) {
        if (code.equalsIgnoreCase(text) || (CODE_PREFIX.matcher(text).matches() && code.toLowerCase(Locale.ROOT).startsWith(text))
                || name.contains(text)
                || (nameEn != null && nameEn.toLowerCase(Locale.ROOT).contains(text))) {
            return true;
        }
        for (String keyword : keywords) {
            if (keyword.contains(text) || (keyword.length() >= 2 && text.contains(keyword))) {
                return true;
            }
        }
        return false;
    }
}
