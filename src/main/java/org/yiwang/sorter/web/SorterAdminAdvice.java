package org.yiwang.sorter.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;

/** The sorter screen's error page (the JSON API keeps its RFC 9457 problems). */
@ControllerAdvice(assignableTypes = SorterAdminController.class)
class SorterAdminAdvice {

    private final StaffErrorPage errors;

    SorterAdminAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/admin/sorter", "sorter.admin.back", model, response);
    }
}
