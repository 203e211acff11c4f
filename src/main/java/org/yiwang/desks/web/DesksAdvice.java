package org.yiwang.desks.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;

/** The desks' error page: a refusal or a missing item, in the reader's language, inside the staff layout. */
@ControllerAdvice(basePackageClasses = DesksAdvice.class)
class DesksAdvice {

    private final StaffErrorPage errors;

    DesksAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/", "desks.back", model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return errors.show(400, "error.typeMismatch", new Object[]{e.getName(), String.valueOf(e.getValue())}, "/", "desks.back",
                model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return errors.show(413, "error.uploadTooLarge", new Object[0], "/", "desks.back", model, response);
    }
}
