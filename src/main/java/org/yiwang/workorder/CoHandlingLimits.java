package org.yiwang.workorder;

import org.yiwang.catalog.TimeLimit;

import java.util.Objects;

/**
 * The time limits of 退单 and 争议: how long after dispatch a unit may send an order back as not its duty, and how
 * long the command centre has to rule on a dispute (仲裁).
 */
public record CoHandlingLimits(TimeLimit returnWindow, TimeLimit arbitration) {

    /** Two working hours to send back, one working day to rule. */
    public static final CoHandlingLimits DEFAULT = new CoHandlingLimits(TimeLimit.workingHours(2), TimeLimit.workingDays(1));

    public CoHandlingLimits {
        Objects.requireNonNull(returnWindow, "returnWindow");
        Objects.requireNonNull(arbitration, "arbitration");
    }
}
