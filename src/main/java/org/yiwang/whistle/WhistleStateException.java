package org.yiwang.whistle;

import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.MessageKey;

/** 409: what was asked is not possible in the whistle's (or the department's) current state, which the message names. */
public class WhistleStateException extends LocalizedException {

    private final String state;

    private WhistleStateException(String key, String state, Object... args) {
        super(LocalizedException.conflict(key, args));
        this.state = state;
    }

    /** The whistle is no longer open for {@code action}. */
    static WhistleStateException whistle(String action, WhistleStatus current) {
        return new WhistleStateException("whistle.error.illegalState", current.name(),
                new MessageKey("whistle.action." + action),
                new MessageKey("whistle.status." + current.name()), current.name());
    }

    /** The department already answered. */
    static WhistleStateException answered(String departmentName, Summons.State current) {
        return new WhistleStateException("whistle.error.alreadyAnswered", current.name(), departmentName,
                new MessageKey("whistle.summons." + current.name()), current.name());
    }

    /** The name of the state that refused the action, e.g. {@code CLOSED} or {@code ARRIVED}. */
    public String state() {
        return state;
    }
}
