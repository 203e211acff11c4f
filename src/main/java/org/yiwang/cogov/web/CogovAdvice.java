package org.yiwang.cogov.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;

/** The co-governance screens' error page: a refusal or a missing case, in the reader's language, inside the layout. */
@ControllerAdvice(assignableTypes = {MediationDesk.class, CouncilDesk.class, CouncilPhone.class, VolunteerDesk.class, VolunteerPhone.class, AllianceDesk.class,
        ShopDesk.class})
class CogovAdvice {

    private final StaffErrorPage errors;

    CogovAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/cogov/mediation", "cogov.back", model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return errors.show(400, "error.typeMismatch", new Object[]{e.getName(), String.valueOf(e.getValue())}, "/cogov/mediation",
                "cogov.back", model, response);
    }
}
