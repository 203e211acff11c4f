package org.yiwang.whistle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 考核 of 吹哨报到 for a period — both sides are assessed: each street by the whistles it blew and how
 * many ended resolved, each department by how it answered its summons. Whistles count in the period in
 * which they were blown (China Standard Time). Rates are fractions from 0 to 1 (four decimals), null
 * when there is nothing to divide by; grades follow DESIGN's A ≥ 90 %, B ≥ 75 %, C ≥ 60 %, D ≥ 40 %, E.
 *
 * @param from first day of the period
 * @param to   last day of the period, included
 */
public record WhistleStats(LocalDate from, LocalDate to, List<StreetFigures> streets, List<DepartmentFigures> departments) {

    public WhistleStats {
        streets = List.copyOf(streets);
        departments = List.copyOf(departments);
    }

    /**
     * The street side.
     *
     * @param commandCentre the street's command centre, as named when it blew
     * @param closed        whistles closed with an outcome (withdrawn ones are {@code cancelled})
     * @param resolvedRate  resolved ÷ closed
     */
    public record StreetFigures(String streetCode, String commandCentre, long blown, Map<WhistleKind, Long> byKind,
                                long open, long closed, long cancelled, long resolved, long partiallyResolved,
                                long unresolved, Double resolvedRate, Grade grade) {

        public StreetFigures {
            byKind = Map.copyOf(byKind);
        }
    }

    /**
     * The department side. Summons of withdrawn whistles that the department had not answered yet do not count.
     *
     * @param summoned             times summoned
     * @param due                  summons whose answer is due by now (应报到): answered, or not answered and past the limit
     * @param reported             answered: reported in or declared not its duty
     * @param reportedOnTime       answered within the limit
     * @param reportedLate         answered after the limit
     * @param notReported          not answered although the limit has passed
     * @param notOurDuty           answered "not our duty" (included in {@code reported})
     * @param reportRate           reported ÷ due
     * @param onTimeRate           reportedOnTime ÷ due — the figure the grade is given for
     * @param averageReportMinutes average natural minutes from the whistle to the answer
     */
    public record DepartmentFigures(long departmentId, String name, long summoned, long due, long reported,
                                    long reportedOnTime, long reportedLate, long notReported, long notOurDuty,
                                    Double reportRate, Double onTimeRate, Double averageReportMinutes, Grade grade) {
    }

    /** 考核等级. */
    public enum Grade {
        A, B, C, D, E;

        /** The grade of a rate (0 to 1); null for null. */
        public static Grade of(Double rate) {
            if (rate == null) {
                return null;
            }
            double percent = rate * 100;
            if (percent >= 90) {
                return A;
            }
            if (percent >= 75) {
                return B;
            }
            if (percent >= 60) {
                return C;
            }
            return percent >= 40 ? D : E;
        }
    }

    /** {@code part ÷ whole} to four decimals, null when {@code whole} is 0. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
