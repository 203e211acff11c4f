package org.yiwang.services;

import java.util.EnumSet;
import java.util.Set;

/** Where an application stands; a bundle's parent is IN_PROGRESS until all its items have ended, then DONE. */
public enum ApplicationStatus {
    /** 已申请，待受理 */
    SUBMITTED,
    /** 一次性告知补正: the clock stops until the applicant supplies the missing materials */
    SUPPLEMENT,
    /** 已受理，审查中 */
    ACCEPTED,
    /** 已转报，部门审批中: the competent district department approves (部门审批) */
    FORWARDED,
    /** 已审批，待办结 */
    APPROVED,
    /** 已办结 */
    DONE,
    /** 已送达 (自取 or 邮寄) */
    DELIVERED,
    /** 不予受理 */
    REJECTED,
    /** 不予批准 */
    DENIED,
    /** a bundle (一件事) whose items are still open */
    IN_PROGRESS;

    /** Still being handled: the clock runs (or stands, at 补正). */
    public static final Set<ApplicationStatus> OPEN = EnumSet.of(SUBMITTED, SUPPLEMENT, ACCEPTED, FORWARDED, APPROVED);
    /** Handled to the end, with or without a result. */
    public static final Set<ApplicationStatus> ENDED = EnumSet.of(DONE, DELIVERED, REJECTED, DENIED);

    public boolean open() {
        return OPEN.contains(this);
    }

    public boolean ended() {
        return ENDED.contains(this);
    }

    /** The state names of a group, for SQL {@code status = ANY(?)}. */
    public static String[] names(Set<ApplicationStatus> group) {
        return group.stream().map(Enum::name).sorted().toArray(String[]::new);
    }
}
