package org.yiwang.workorder;

/** Where a report came from (来源渠道): "统一接单、一口受理" takes them all into one pipeline. */
public enum Source {
    /** 居民上报 — the resident page or app. */
    RESIDENT,
    /** 网格巡查 — a grid worker on patrol. */
    GRID_PATROL,
    /** 12345 热线. */
    HOTLINE_12345,
    /** 数字城管 — the urban management supervision system. */
    URBAN_MANAGEMENT,
    /** 视频/传感器告警 — video analytics or a sensor. */
    VIDEO_ALERT,
    /** Open311 GeoReport v2 clients. */
    OPEN311
}
