package org.yiwang.fieldwork;

/** 三项清单 — the three duty lists of a grid worker or community staff. */
public enum DutyList {
    /** 巡查走访清单. */
    PATROL_VISIT,
    /** 处置服务清单. */
    HANDLING_SERVICE,
    /** 监督指导清单. */
    SUPERVISION
}
