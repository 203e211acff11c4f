package org.yiwang.enforcement;

import java.util.EnumSet;
import java.util.Set;

/** The stages of an enforcement case: 立案 → 调查 → 告知 → 决定 → 执行 → 结案, or 移送 to another agency. */
public enum Stage {
    /** 立案. */
    FILED,
    /** 调查. */
    INVESTIGATING,
    /** 告知 — the combined notice has been served. */
    INFORMED,
    /** 决定. */
    DECIDED,
    /** 执行. */
    EXECUTING,
    /** 结案. */
    CLOSED,
    /** 移送 — handed over to another agency; ends the case here. */
    TRANSFERRED;

    /** The stages in which a case is still worked on. */
    public static final Set<Stage> OPEN = EnumSet.of(FILED, INVESTIGATING, INFORMED, DECIDED, EXECUTING);

    public boolean open() {
        return OPEN.contains(this);
    }
}
