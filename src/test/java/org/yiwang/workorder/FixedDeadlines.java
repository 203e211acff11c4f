package org.yiwang.workorder;

import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;

import java.time.Duration;
import java.time.Instant;

/** Natural-time limits of one hour per stage: enough to test the lifecycle without a calendar. */
final class FixedDeadlines implements DeadlinePolicy {

    static final Duration LIMIT = Duration.ofHours(1);

    @Override
    public Deadline due(String categoryCode, Urgency urgency, Stage stage, Instant start) {
        return new Deadline(start.plus(LIMIT), false, "test-" + stage);
    }

    @Override
    public Instant shift(Deadline deadline, Instant pausedFrom, Instant pausedTo) {
        return deadline.due().plus(Duration.between(pausedFrom, pausedTo));
    }

    @Override
    public double usedFraction(Instant start, Deadline deadline, Instant now) {
        return (double) Duration.between(start, now).toMillis() / Duration.between(start, deadline.due()).toMillis();
    }

    /** Working hours as natural hours, a working day as 8 hours. */
    @Override
    public Instant after(Instant start, org.yiwang.catalog.TimeLimit limit) {
        return switch (limit.unit()) {
            case MINUTES -> start.plus(limit.naturalDuration());
            case WORKING_HOURS -> start.plus(Duration.ofHours(limit.amount()));
            case WORKING_DAYS -> start.plus(Duration.ofHours(8L * limit.amount()));
        };
    }
}
