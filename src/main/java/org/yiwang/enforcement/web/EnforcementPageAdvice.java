package org.yiwang.enforcement.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;

/** The pages' refusals (bad input, a stage that does not allow the step, a case not found) in the reader's language. */
@ControllerAdvice(assignableTypes = {CasePages.class, CampaignPages.class, ItemPages.class, PhonePages.class})
class EnforcementPageAdvice {

    private final StaffErrorPage errors;

    EnforcementPageAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/enforcement/cases", "enforcement.cases.back", model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return errors.show(400, "error.typeMismatch", new Object[]{e.getName(), String.valueOf(e.getValue())}, "/enforcement/cases",
                "enforcement.cases.back", model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return errors.show(413, "error.uploadTooLarge", new Object[0], "/enforcement/cases", "enforcement.cases.back", model, response);
    }
}
