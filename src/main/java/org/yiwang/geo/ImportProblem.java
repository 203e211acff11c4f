package org.yiwang.geo;

import org.springframework.context.MessageSource;

import java.util.List;
import java.util.Locale;

/**
 * One thing wrong with a grid import.
 *
 * @param feature zero-based index of the feature in the file, null for the file as a whole or a community
 *                that has no feature of its own
 * @param code the grid or community code concerned, when known
 * @param messageKey message bundle key of the reason ({@code geo.import.*}), filled with {@code args}
 * @param at a point to look at (WGS-84), when the problem has a place
 */
public record ImportProblem(Integer feature, String code, Severity severity, String messageKey, List<String> args, LonLat at) {

    /** Errors reject the import; warnings are reported and the import goes ahead. */
    public enum Severity {
        ERROR, WARNING
    }

    public ImportProblem {
        args = List.copyOf(args);
    }

    public static ImportProblem error(Integer feature, String code, String messageKey, Object... args) {
        return new ImportProblem(feature, code, Severity.ERROR, messageKey, strings(args), null);
    }

    public static ImportProblem warning(Integer feature, String code, String messageKey, Object... args) {
        return new ImportProblem(feature, code, Severity.WARNING, messageKey, strings(args), null);
    }

    public ImportProblem at(LonLat place) {
        return new ImportProblem(feature, code, severity, messageKey, args, place);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The reason in the reader's language. */
    public String reason(MessageSource messages, Locale locale) {
        return messages.getMessage(messageKey, args.toArray(), messageKey + " " + args, locale);
    }

    private static List<String> strings(Object... args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }
}
