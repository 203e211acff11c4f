package org.yiwang.assessment;

/**
 * Whom the indicators are computed for: which monthly-sums table a level reads and how its rows are
 * grouped, and how the orders of one unit are found among the per-order facts (drill-down).
 */
public enum Level {
    /** 职能部门 / 处置单位: the unit the order is assigned to. */
    DEPARTMENT("assessment_month_unit", "unit_id::text", "TRUE", "unit_id = CAST(:code AS BIGINT)"),
    /** 街道. */
    STREET("assessment_month_area", "left(area_code, 9)", "length(area_code) >= 9", "grid_code LIKE :code || '%'"),
    /** 社区. */
    COMMUNITY("assessment_month_area", "left(area_code, 12)", "length(area_code) >= 12", "grid_code LIKE :code || '%'"),
    /** 网格. */
    GRID("assessment_month_area", "area_code", "length(area_code) = 15", "grid_code = :code"),
    /** 网格员: the grid worker who reported the order on patrol. */
    WORKER("assessment_month_worker", "worker_id::text", "TRUE", "worker_id = CAST(:code AS BIGINT)");

    final String table;
    final String key;
    final String filter;
    final String factCondition;

    Level(String table, String key, String filter, String factCondition) {
        this.table = table;
        this.key = key;
        this.filter = filter;
        this.factCondition = factCondition;
    }
}
