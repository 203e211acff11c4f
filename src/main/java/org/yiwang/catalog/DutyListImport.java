package org.yiwang.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of importing a duty-list file. All or nothing: a file with any bad row changes nothing
 * and lists every bad row; a good file becomes a new {@link DutyListStatus#DRAFT} version.
 *
 * @param version the draft created, null when rejected
 * @param rows data rows read
 * @param problems at most {@value #MAX_LISTED_PROBLEMS}, in line order
 * @param problemCount all problems found, listed or not
 */
public record DutyListImport(DutyListVersion version, int rows, List<Problem> problems, int problemCount) {

    public static final int MAX_LISTED_PROBLEMS = 1_000;

    public DutyListImport {
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return version != null;
    }

    /**
     * One bad row or a fault of the file as a whole.
     *
     * @param line 1-based line of the file where the row starts (the header is line 1); 0 for the whole file
     * @param messageKey message bundle key of the reason, filled with {@code args}
     */
    public record Problem(int line, String messageKey, List<String> args) {

        public Problem {
            args = List.copyOf(args);
        }

        public static Problem of(int line, String messageKey, Object... args) {
            return new Problem(line, messageKey, Arrays.stream(args).map(String::valueOf).toList());
        }
    }
}
