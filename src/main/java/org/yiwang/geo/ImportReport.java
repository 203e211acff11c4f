package org.yiwang.geo;

import java.util.List;

/**
 * The outcome of a grid import: accepted (and applied unless a dry run) when it has no errors,
 * otherwise rejected with nothing changed.
 *
 * @param features features in the file
 * @param communities the communities the file describes completely
 * @param created grids that are new (or would be, in a dry run)
 * @param updated grids that existed and were overwritten
 * @param removed grids of those communities that the file no longer lists
 * @param problems errors and warnings, at most {@value #MAX_LISTED_PROBLEMS}, by feature
 * @param problemCount all problems found, listed or not
 */
public record ImportReport(boolean accepted, boolean dryRun, int features, List<String> communities,
                           int created, int updated, int removed, List<ImportProblem> problems, int problemCount) {

    public static final int MAX_LISTED_PROBLEMS = 1_000;

    public ImportReport {
        communities = List.copyOf(communities);
        problems = List.copyOf(problems);
    }

    /** Errors among the listed problems. */
    public long errorCount() {
        return problems.stream().filter(ImportProblem::isError).count();
    }

    /** Whether the territory was changed by this import. */
    public boolean applied() {
        return accepted && !dryRun;
    }
}
