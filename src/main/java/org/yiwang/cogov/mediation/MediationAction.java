package org.yiwang.cogov.mediation;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.util.EnumSet;
import java.util.Set;

import static org.yiwang.cogov.mediation.MediationStatus.ACCEPTED;
import static org.yiwang.cogov.mediation.MediationStatus.AGREED;
import static org.yiwang.cogov.mediation.MediationStatus.CLOSED;
import static org.yiwang.cogov.mediation.MediationStatus.MEDIATING;
import static org.yiwang.cogov.mediation.MediationStatus.REFERRED;
import static org.yiwang.cogov.mediation.MediationStatus.WITHDRAWN;

/** What may be done to a mediation case, in which states, and the state it leads to (null: stays). */
public enum MediationAction {
    /** 指定调解员. */
    ASSIGN(null, ACCEPTED, MEDIATING),
    /** 添加当事人. */
    ADD_PARTY(null, ACCEPTED, MEDIATING),
    /** 调解记录: a session held. */
    RECORD_SESSION(MEDIATING, ACCEPTED, MEDIATING),
    /** 风险研判: risk level, 信访 / 民转刑 risk. */
    ASSESS_RISK(null, ACCEPTED, MEDIATING, AGREED),
    /** 达成协议. */
    AGREE(AGREED, MEDIATING),
    /** 调解不成, 移交. */
    REFER(REFERRED, MEDIATING),
    /** 撤回. */
    WITHDRAW(WITHDRAWN, ACCEPTED, MEDIATING),
    /** 安排回访. */
    SCHEDULE_VISIT(null, AGREED),
    /** 登记回访. */
    RECORD_VISIT(null, AGREED),
    /** 结案. */
    CLOSE(CLOSED, AGREED);

    private final @Nullable MediationStatus target;
    private final Set<MediationStatus> allowedIn;

    MediationAction(@Nullable MediationStatus target, MediationStatus first, MediationStatus... rest) {
        this.target = target;
        this.allowedIn = EnumSet.of(first, rest);
    }

    public boolean allowedIn(MediationStatus status) {
        return allowedIn.contains(status);
    }

    /**
     * The state after this action.
     *
     * @throws LocalizedException 409 naming the current state when the action is not allowed in it
     */
    public MediationStatus from(MediationStatus status) {
        if (!allowedIn(status)) {
            throw LocalizedException.conflict("cogov.mediation.error.illegal", name(), status.name());
        }
        return target == null ? status : target;
    }

    /** Actions that are allowed in {@code status}. */
    public static Set<MediationAction> allowedIn(Set<MediationAction> all, MediationStatus status) {
        Set<MediationAction> allowed = EnumSet.noneOf(MediationAction.class);
        for (MediationAction a : all) {
            if (a.allowedIn(status)) {
                allowed.add(a);
            }
        }
        return allowed;
    }
}
