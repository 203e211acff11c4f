package org.yiwang.fieldwork;

import java.time.Duration;

/**
 * 每日巡查时长 — the day's status against the rule that a grid worker patrols their grid at least
 * {@code required} (3 hours) a day: 达标 (met) or 未达标 (not met).
 */
public enum PatrolTarget {
    /** 达标. */
    MET,
    /** 未达标. */
    NOT_MET;

    public static PatrolTarget of(Duration inGrid, Duration required) {
        return inGrid.compareTo(required) >= 0 ? MET : NOT_MET;
    }
}
