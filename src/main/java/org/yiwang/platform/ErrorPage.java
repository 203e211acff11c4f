package org.yiwang.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * {@code /error}, where the servlet container sends what failed outside a controller (a filter's exception, a
 * bare {@code sendError}, an undecodable request): a problem in the caller's language (or the Open311 error
 * list), with the message of a {@link LocalizedException} when one caused it and never an exception's own text;
 * a browser asking for a page gets the staff error page instead. Replaces Spring Boot's default JSON.
 */
@Controller
class ErrorPage implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);

    private final EdgeErrors errors;
    private final StaffErrorPage page;

    ErrorPage(EdgeErrors errors, StaffErrorPage page) {
        this.errors = errors;
        this.page = page;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // opened directly, /error is just an address where nothing is
        int status = code == null ? 404 : code instanceof Integer i && i >= 400 ? i : 500;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String key = EdgeErrors.keyOf(status);
        Object[] args = {String.valueOf(status)};
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LocalizedException localized) {
                status = localized.status().value();
                key = localized.messageKey();
                args = localized.args();
                break;
            }
        }
        if (status >= 500) {
            log.error("{} failed with {}", EdgeErrors.pathOf(request), status, failure);
        }
        String accept = request.getHeader("Accept");
        String path = EdgeErrors.pathOf(request);
        boolean browser = accept != null && accept.contains("text/html") && !path.startsWith("/api/") && !path.startsWith("/open311/");
        if (browser) {
            return page.show(status, key, args, "/", "error.back", model, response);
        }
        errors.write(request, response, status, key, args);
        return null;
    }
}
