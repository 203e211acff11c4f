package org.yiwang.cogov.mediation;

import java.util.EnumSet;
import java.util.Set;

/** Where a mediation case stands. */
public enum MediationStatus {
    /** 已受理: opened, no session yet. */
    ACCEPTED,
    /** 调解中: at least one session held. */
    MEDIATING,
    /** 达成协议: agreed, follow-up visits running. */
    AGREED,
    /** 调解不成·已移交: failed and referred (信访, 诉讼, 公安, 仲裁 …). */
    REFERRED,
    /** 已撤回: the parties withdrew. */
    WITHDRAWN,
    /** 已结案: agreement kept, visits done. */
    CLOSED;

    /** Cases still being worked on. */
    public static final Set<MediationStatus> OPEN = EnumSet.of(ACCEPTED, MEDIATING, AGREED);
    /** Cases that are over. */
    public static final Set<MediationStatus> ENDED = EnumSet.of(REFERRED, WITHDRAWN, CLOSED);
}
