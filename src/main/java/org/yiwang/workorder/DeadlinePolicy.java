package org.yiwang.workorder;

import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;

import java.time.Instant;

/**
 * Time limits as the work order needs them: due times per stage on the working calendar, the
 * shift of a due time after a pause, and the share of a limit already used.
 */
public interface DeadlinePolicy {

    Deadline due(String categoryCode, Urgency urgency, Stage stage, Instant start);

    /** The due time moved by the time the order spent paused (挂账) between {@code from} and {@code to}. */
    Instant shift(Deadline deadline, Instant pausedFrom, Instant pausedTo);

    /** Used share of the limit from {@code start} to {@code due} at {@code now}; above 1 when overdue. */
    double usedFraction(Instant start, Deadline deadline, Instant now);

    /** The end of {@code limit} counted from {@code start} (working hours and days on the working calendar). */
    Instant after(Instant start, org.yiwang.catalog.TimeLimit limit);
}
