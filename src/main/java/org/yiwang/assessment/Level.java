package org.yiwang.assessment;

/** Whom the indicators are computed for, and how {@code assessment_month} rows are grouped for it. */
public enum Level {
    /** 职能部门 / 处置单位: the unit the order is assigned to. */
    DEPARTMENT("unit_id::text", "unit_id <> 0"),
    /** 街道. */
    STREET("left(grid_code, 9)", "length(grid_code) >= 9"),
    /** 社区. */
    COMMUNITY("left(grid_code, 12)", "length(grid_code) >= 12"),
    /** 网格. */
    GRID("grid_code", "length(grid_code) = 15"),
    /** 网格员: the grid worker who reported the order on patrol. */
    WORKER("worker_id::text", "worker_id <> 0");

    final String key;
    final String filter;

    Level(String key, String filter) {
        this.key = key;
        this.filter = filter;
    }
}
