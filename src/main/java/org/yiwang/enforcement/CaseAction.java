package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;

import java.util.EnumSet;
import java.util.Set;

import static org.yiwang.enforcement.Stage.*;

/**
 * What can be done to an enforcement case, and in which stages: the one table every verb of {@link Cases} checks.
 * {@link #next} is the stage the action moves the case to, null when it stays where it is.
 */
public enum CaseAction {
    /** 召集 — summon line departments on the arrival clock. */
    SUMMON(EnumSet.of(FILED, INVESTIGATING), null),
    /** 到场 — a summoned department arrives. */
    ARRIVE(EnumSet.of(FILED, INVESTIGATING), null),
    /** 开始调查. */
    INVESTIGATE(EnumSet.of(FILED), INVESTIGATING),
    /** 现场检查 — the on-site inspection record. */
    INSPECT(EnumSet.of(INVESTIGATING), null),
    /** 告知 — serve the one combined 责令改正通知书. */
    NOTIFY(EnumSet.of(INVESTIGATING), INFORMED),
    /** 决定. */
    DECIDE(EnumSet.of(INFORMED), DECIDED),
    /** 执行. */
    EXECUTE(EnumSet.of(DECIDED), EXECUTING),
    /** 安排复查 — a follow-up re-inspection with a due date. */
    SCHEDULE_REINSPECTION(EnumSet.of(DECIDED, EXECUTING), null),
    /** 复查 — record the re-inspection. */
    REINSPECT(EnumSet.of(EXECUTING), null),
    /** 结案. */
    CLOSE(EnumSet.of(EXECUTING), CLOSED),
    /** 移送 another agency. */
    TRANSFER(EnumSet.of(FILED, INVESTIGATING, INFORMED), TRANSFERRED);

    private final Set<Stage> allowedIn;
    private final @Nullable Stage next;

    CaseAction(Set<Stage> allowedIn, @Nullable Stage next) {
        this.allowedIn = allowedIn;
        this.next = next;
    }

    public boolean allowedIn(Stage stage) {
        return allowedIn.contains(stage);
    }

    /** The stage after the action in {@code stage}; refused with the current stage named when the table does not allow it. */
    public Stage apply(Stage stage) {
        if (!allowedIn(stage)) {
            throw new CaseStateException(this, stage);
        }
        return next == null ? stage : next;
    }

    public static Set<CaseAction> allowed(Stage stage) {
        EnumSet<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : values()) {
            if (action.allowedIn(stage)) {
                actions.add(action);
            }
        }
        return actions;
    }
}
