package org.yiwang.cogov.council;

import java.util.EnumSet;
import java.util.Set;

/** Where a council topic (议题) stands. */
public enum TopicStatus {
    /** 已提议: proposed by a resident or member. */
    PROPOSED,
    /** 议事中: open for discussion. */
    DISCUSSING,
    /** 表决中: members vote. */
    VOTING,
    /** 已通过: a resolution. */
    ADOPTED,
    /** 未通过. */
    REJECTED,
    /** 不予受理. */
    DECLINED;

    public static final Set<TopicStatus> OPEN = EnumSet.of(PROPOSED, DISCUSSING, VOTING);
}
