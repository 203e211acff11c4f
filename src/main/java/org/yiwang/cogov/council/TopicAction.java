package org.yiwang.cogov.council;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.util.EnumSet;
import java.util.Set;

import static org.yiwang.cogov.council.TopicStatus.ADOPTED;
import static org.yiwang.cogov.council.TopicStatus.DECLINED;
import static org.yiwang.cogov.council.TopicStatus.DISCUSSING;
import static org.yiwang.cogov.council.TopicStatus.PROPOSED;
import static org.yiwang.cogov.council.TopicStatus.REJECTED;
import static org.yiwang.cogov.council.TopicStatus.VOTING;

/** What may be done to a topic, in which states, and where it leads (null: stays; CLOSE_VOTE: by the tally). */
public enum TopicAction {
    /** 开始议事. */
    OPEN_DISCUSSION(DISCUSSING, PROPOSED),
    /** 不予受理. */
    DECLINE(DECLINED, PROPOSED),
    /** 发表意见. */
    COMMENT(null, PROPOSED, DISCUSSING),
    /** 发起表决. */
    OPEN_VOTE(VOTING, DISCUSSING),
    /** 投票. */
    VOTE(null, VOTING),
    /** 结束表决: {@link Tally} decides ADOPTED or REJECTED. */
    CLOSE_VOTE(null, VOTING),
    /** 形成决议事项 (owner, deadline). */
    RESOLVE(null, ADOPTED),
    /** 决议事项转工单. */
    TO_ORDER(null, ADOPTED),
    /** 决议事项办结. */
    FINISH(null, ADOPTED),
    /** 会议纪要. */
    RECORD_MINUTES(null, DISCUSSING, VOTING, ADOPTED, REJECTED);

    private final @Nullable TopicStatus target;
    private final Set<TopicStatus> allowedIn;

    TopicAction(@Nullable TopicStatus target, TopicStatus first, TopicStatus... rest) {
        this.target = target;
        this.allowedIn = EnumSet.of(first, rest);
    }

    public boolean allowedIn(TopicStatus status) {
        return allowedIn.contains(status);
    }

    /** The state after this action (for CLOSE_VOTE the current one: the tally decides), or a 409 naming the state. */
    public TopicStatus from(TopicStatus status) {
        if (!allowedIn(status)) {
            throw LocalizedException.conflict("cogov.topic.error.illegal", name(), status.name());
        }
        return target == null ? status : target;
    }

    public static Set<TopicAction> allowedActions(TopicStatus status) {
        Set<TopicAction> allowed = EnumSet.noneOf(TopicAction.class);
        for (TopicAction a : values()) {
            if (a.allowedIn(status)) {
                allowed.add(a);
            }
        }
        return allowed;
    }
}
