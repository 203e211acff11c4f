package org.yiwang.analytics.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

/**
 * Refusals on the command-centre screens, in the reader's language: a problem document (RFC 9457) for
 * the map's data calls, an error page inside the staff layout for the pages themselves.
 */
@ControllerAdvice(basePackageClasses = AnalyticsAdvice.class)
class AnalyticsAdvice {

    private final MessageSource messages;

    AnalyticsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(LocalizedException.class)
    Object refused(LocalizedException e, HttpServletRequest request) {
        return answer(e.status(), messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, messages.getMessage("analytics.error.parameter",
                new Object[]{e.getName(), String.valueOf(e.getValue())}, LocaleContextHolder.getLocale()), request);
    }

    private static Object answer(HttpStatus status, String message, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.endsWith("/orders") || path.endsWith(".geojson") || path.endsWith("/stream")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("analytics/error", status);
        page.addObject("message", message);
        page.addObject("actor", Actors.current().orElse(null));
        page.addObject("navigation", java.util.List.of());
        return page;
    }
}
