package org.yiwang.workorder;

import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.MessageKey;

/** An action that the order's current state does not allow; the message names that state. */
public class IllegalTransitionException extends LocalizedException {

    private final WorkOrderStatus current;
    private final Action action;

    public IllegalTransitionException(Action action, WorkOrderStatus current) {
        super(LocalizedException.conflict("workorder.error.illegalTransition",
                new MessageKey("workorder.action." + action.name()), new MessageKey("workorder.status." + current.name()),
                current.name()));
        this.current = current;
        this.action = action;
    }

    public WorkOrderStatus current() {
        return current;
    }

    public Action action() {
        return action;
    }
}
