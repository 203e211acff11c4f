package org.yiwang.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's figures for one reader's territory (考核, after CJ/T 292 and the 12345 三率).
 *
 * @param headline the territory as a whole
 * @param byStreet one row per street (街道)
 * @param byDepartment one row per unit the orders are with (null id: with no unit — not yet dispatched,
 *                     or closed on the spot in the grid)
 * @param trend intake and closures per day over the last 30 days
 * @param topCategories the categories reported most in the period (null code: not categorised)
 */
public record Dashboard(Period period, Instant at, Row headline, long todayIntake, List<Row> byStreet, List<Row> byDepartment,
                        List<Day> trend, List<CategoryCount> topCategories) {

    public Dashboard {
        byStreet = List.copyOf(byStreet);
        byDepartment = List.copyOf(byDepartment);
        trend = List.copyOf(trend);
        topCategories = List.copyOf(topCategories);
    }

    /**
     * The figures of one area or unit.
     *
     * @param intake reported in the period
     * @param open open now; {@code overdue}: of them past their stage's due time (not suspended)
     * @param closed closed in the period; {@code avgHours}: their mean time from report to close
     * @param due 应结案数 — orders whose handling fell due in the period (by now); {@code closedOnTime}: 按期结案数,
     *            those of them closed on time
     * @param rated closed in the period and rated; {@code satisfied}: 满意 or 基本满意
     */
    public record Row(String key, String name, long intake, long open, long overdue, long closed, Double avgHours,
                      long due, long closedOnTime, long rated, long satisfied) {

        /** 按期结案率 = 按期结案数 / 应结案数, null when nothing was due. */
        public Double onTimeRate() {
            return due == 0 ? null : (double) closedOnTime / due;
        }

        /** 满意率 = (满意 + 基本满意) / 已评价, null when nothing was rated. */
        public Double satisfactionRate() {
            return rated == 0 ? null : (double) satisfied / rated;
        }

        /** The assessment grade of the on-time rate: A ≥ 90 %, B ≥ 75 %, C ≥ 60 %, D ≥ 40 %, else E. */
        public String grade() {
            Double rate = onTimeRate();
            if (rate == null) {
                return null;
            }
            return rate >= 0.9 ? "A" : rate >= 0.75 ? "B" : rate >= 0.6 ? "C" : rate >= 0.4 ? "D" : "E";
        }
    }

    public record Day(LocalDate day, long intake, long closed) {
    }

    public record CategoryCount(String code, String name, long count) {
    }
}
