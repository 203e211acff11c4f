package org.yiwang.assessment;

import org.jspecify.annotations.Nullable;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The indicator table of one level and month within the reader's territory, scored by one scheme version,
 * ranked best first.
 */
public record AssessmentTable(Level level, YearMonth month, int schemeVersion, List<Row> rows) {

    public AssessmentTable {
        rows = List.copyOf(rows);
    }

    /**
     * One assessed unit. {@code rank} is null when it has no figure to score; {@code change} is the places
     * gained since the previous month (进退位次: positive moved up), null when it had no rank then.
     *
     * @param code    the division or grid code, or the unit's or worker's id
     * @param reported orders reported in the month
     * @param patrolHours hours of patrol inside the grids (grid workers, and summed for grids, communities and streets)
     */
    public record Row(String code, String name, long reported, Map<Indicator, Indicator.Figure> figures,
                      @Nullable Double patrolHours, @Nullable Double score, @Nullable Grade grade, @Nullable Integer rank,
                      @Nullable Integer previousRank, @Nullable Integer change) {

        public Row {
            figures = Map.copyOf(figures);
        }

        public Indicator.Figure figure(Indicator indicator) {
            return figures.getOrDefault(indicator, Indicator.Figure.NONE);
        }
    }

    /** 考核等级: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below. */
    public enum Grade {
        A, B, C, D, E;

        public static @Nullable Grade of(@Nullable Double score) {
            if (score == null) {
                return null;
            }
            if (score >= 90) {
                return A;
            }
            if (score >= 75) {
                return B;
            }
            if (score >= 60) {
                return C;
            }
            return score >= 40 ? D : E;
        }
    }
}
