package org.yiwang.fieldwork;

/**
 * 走访覆盖率 — of an area's households in the current round, how many had a present visit (an absent visit,
 * nobody at home, does not cover a household), and how many are overdue (see {@link HouseholdStanding}).
 *
 * @param code            the grid, community or street
 * @param roundsCompleted rounds in which every household of the grid (as it is today) had a present visit;
 *                        for a community or street the sum over its grids
 */
public record VisitCoverage(String code, long households, long covered, long overdue, long roundsCompleted) {

    public VisitCoverage {
        if (households < 0 || covered < 0 || covered > households || overdue < 0 || overdue > households - covered
                || roundsCompleted < 0) {
            throw new IllegalArgumentException("coverage of " + code + " out of range: " + households + "/" + covered + "/" + overdue);
        }
    }

    /** Covered households per household, 0 to 1 (an area without households counts as fully covered: nobody is left). */
    public double ratio() {
        return households == 0 ? 1.0 : (double) covered / households;
    }

    /** Whether every household had a present visit in the round. */
    public boolean complete() {
        return covered == households;
    }

    /** Two areas' figures as one (a community from its grids). */
    VisitCoverage plus(String code, VisitCoverage other) {
        return new VisitCoverage(code, households + other.households, covered + other.covered, overdue + other.overdue,
                roundsCompleted + other.roundsCompleted);
    }

    static VisitCoverage empty(String code) {
        return new VisitCoverage(code, 0, 0, 0, 0);
    }
}
