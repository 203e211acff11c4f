package org.yiwang.intake;

import java.time.Instant;
import java.util.List;

/**
 * What a file import did, row by row. The policy is always {@link #POLICY_PER_ROW}: each good row lands
 * (as a work order, or pending for a dispatcher), each bad row is rejected with its line and reason, and
 * rows sent before are counted as duplicates — so a corrected file can simply be imported again.
 *
 * @param status {@code RUNNING}, {@code DONE}, {@code FAILED} (the file could not be read at all: nothing
 *               after {@code failure}'s line was handled) or {@code INTERRUPTED} (the node stopped; import
 *               the same file again — rows already handled count as duplicates)
 * @param durationMillis how long the rows took to handle, null while running
 * @param problems the rejected rows' problems, the first {@value #MAX_STORED_PROBLEMS} of them
 */
public record ImportSummary(long id, ReportKind kind, String fileName, String format, String policy, String status,
                            long rows, long created, long pending, long duplicates, long rejected, String failure,
                            Instant startedAt, Instant finishedAt, Long durationMillis, List<FieldProblem> problems) {

    public static final String POLICY_PER_ROW = "PER_ROW";
    public static final int MAX_STORED_PROBLEMS = 10_000;

    public ImportSummary {
        problems = List.copyOf(problems == null ? List.of() : problems);
    }

    /** Rows per second of the finished import, 0 while it runs. */
    public double rowsPerSecond() {
        if (durationMillis == null || rows == 0) {
            return 0;
        }
        return rows * 1000.0 / Math.max(1, durationMillis);
    }
}
