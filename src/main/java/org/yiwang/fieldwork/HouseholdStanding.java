package org.yiwang.fieldwork;

import java.time.LocalDate;

/**
 * Where a household stands in its grid's visit cycle. {@code COVERED}: a present visit (somebody at home) in
 * the current round — an absent visit never covers. {@code OVERDUE}: not covered in the current round nor in
 * the previous one, although the household was registered before the current round began — it missed a whole
 * round. {@code DUE}: not yet covered, still inside its time.
 */
public enum HouseholdStanding {
    COVERED, DUE, OVERDUE;

    public static HouseholdStanding of(boolean coveredInCurrent, boolean coveredInPrevious, LocalDate registered,
                                       VisitCycle.Round current) {
        if (coveredInCurrent) {
            return COVERED;
        }
        return coveredInPrevious || !registered.isBefore(current.start()) ? DUE : OVERDUE;
    }
}
