package org.yiwang.assessment.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

/** Refusals on the assessment screens and API in the reader's language: RFC 9457 problems for the API, an error page for screens. */
@ControllerAdvice(basePackageClasses = AssessmentAdvice.class)
class AssessmentAdvice {

    private final MessageSource messages;

    AssessmentAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(LocalizedException.class)
    Object refused(LocalizedException e, HttpServletRequest request) {
        return answer(e.status(), messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, messages.getMessage("assessment.error.parameter",
                new Object[]{e.getName(), String.valueOf(e.getValue())}, LocaleContextHolder.getLocale()), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, messages.getMessage("assessment.error.parameter",
                new Object[]{e.getParameterName(), ""}, LocaleContextHolder.getLocale()), request);
    }

    private static Object answer(HttpStatus status, String message, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("assessment/error", status);
        page.addObject("message", message);
        page.addObject("actor", Actors.current().orElse(null));
        return page;
    }
}
