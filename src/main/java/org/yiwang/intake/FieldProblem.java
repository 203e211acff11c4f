package org.yiwang.intake;

import java.util.List;

/**
 * One thing wrong with a report or a file row: where (line, field), which report, and why as a message
 * key with its arguments, rendered in the reader's language.
 *
 * @param line 1-based line of the row in the file (the header is line 1); 0 for a single report
 * @param externalNo the report's number if it could be read, else null
 * @param field the column or JSON field at fault, null when the row as a whole is
 */
public record FieldProblem(long line, String externalNo, String field, String key, List<String> args) {

    public FieldProblem {
        args = List.copyOf(args == null ? List.of() : args);
    }

    public static FieldProblem of(String field, String key, Object... args) {
        return new FieldProblem(0, null, field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    public FieldProblem at(long row, String number) {
        return new FieldProblem(row, number, field, key, args);
    }
}
