package org.yiwang.workorder.web.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;

/**
 * The console's error page: a failure the user caused (no such order in their scope, an action they
 * may not take) is shown in their language with its status code, inside the staff layout.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    private final StaffErrorPage errors;

    ConsoleAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return error(e.status().value(), e.messageKey(), e.args(), model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return error(400, "error.typeMismatch", new Object[]{e.getName(), String.valueOf(e.getValue())}, model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return error(413, "error.uploadTooLarge", new Object[0], model, response);
    }

    private String error(int status, String key, Object[] args, Model model, HttpServletResponse response) {
        return errors.show(status, key, args, "/console", "console.backToConsole", model, response);
    }
}
