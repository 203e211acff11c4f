package org.yiwang.hotline.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;

/** The knowledge-base console's error page: a refusal or a missing article, in the reader's language. */
@ControllerAdvice(assignableTypes = KnowledgeDesk.class)
class HotlineAdvice {

    private final StaffErrorPage errors;

    HotlineAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/hotline/knowledge", "hotline.knowledge.title", model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return errors.show(400, "error.typeMismatch", new Object[]{e.getName(), String.valueOf(e.getValue())}, "/hotline/knowledge",
                "hotline.knowledge.title", model, response);
    }
}
