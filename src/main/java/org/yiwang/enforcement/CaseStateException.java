package org.yiwang.enforcement;

import org.yiwang.platform.LocalizedException;

/** An action the case's stage does not allow: 409, naming the action and the stage. */
public class CaseStateException extends LocalizedException {

    public CaseStateException(CaseAction action, Stage stage) {
        super(org.springframework.http.HttpStatus.CONFLICT, "enforcement.error.stage", action.name(), stage.name());
    }
}
