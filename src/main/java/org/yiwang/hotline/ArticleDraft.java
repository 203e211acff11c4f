package org.yiwang.hotline;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** What an editor writes for an article; checked field by field, the refusal names the field. */
public record ArticleDraft(String question, String answer, String category, List<String> tags,
                           @Nullable LocalDate validUntil, String owner) {

    public static final int MAX_QUESTION = 300;
    public static final int MAX_ANSWER = 4000;
    public static final int MAX_CATEGORY = 60;
    public static final int MAX_TAGS = 300;
    public static final int MAX_OWNER = 100;

    public ArticleDraft {
        question = required(question, "question", MAX_QUESTION);
        answer = required(answer, "answer", MAX_ANSWER);
        category = required(category, "category", MAX_CATEGORY);
        owner = required(owner, "owner", MAX_OWNER);
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (String.join(",", tags).length() > MAX_TAGS) {
            throw LocalizedException.badRequest("hotline.article.error.tooLong", "tags", MAX_TAGS);
        }
    }

    /** Tags typed as one line, separated by commas (ASCII or full-width) or 、. */
    public static List<String> splitTags(@Nullable String line) {
        return line == null ? List.of() : Arrays.stream(line.split("[,，、;；]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static String required(@Nullable String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw LocalizedException.badRequest("hotline.article.error.required", field);
        }
        if (v.length() > max || v.indexOf('\0') >= 0) {
            throw LocalizedException.badRequest("hotline.article.error.tooLong", field, max);
        }
        return v;
    }
}
