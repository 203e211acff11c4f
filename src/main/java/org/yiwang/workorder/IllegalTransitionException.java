package org.yiwang.workorder;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.yiwang.platform.LocalizedException;

/** An action that the order's current state does not allow; the message names that state. */
public class IllegalTransitionException extends LocalizedException {

    private final WorkOrderStatus current;
    private final Action action;

    public IllegalTransitionException(Action action, WorkOrderStatus current) {
        super(HttpStatus.CONFLICT, "workorder.error.illegalTransition",
                new DefaultMessageSourceResolvable("workorder.action." + action.name()),
                new DefaultMessageSourceResolvable("workorder.status." + current.name()), current.name());
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
