package org.yiwang.services.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;

import java.net.URI;

/**
 * The services pages' failures: a refused form goes back to the page it came from with the reason (nothing was stored);
 * a page that cannot be shown says why, in the phone or the staff layout.
 */
@ControllerAdvice(assignableTypes = {ResidentPages.class, ProxyPages.class, DeskPages.class, CatalogPages.class})
class ServicesPageAdvice {

    private final MessageSource messages;
    private final StaffErrorPage staffError;

    ServicesPageAdvice(MessageSource messages, StaffErrorPage staffError) {
        this.messages = messages;
        this.staffError = staffError;
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
        boolean mobile = request.getRequestURI().startsWith(request.getContextPath() + "/m/");
        String back = backPath(request.getHeader("Referer"), request);
        if ("POST".equals(request.getMethod()) && back != null) {
            redirect.addFlashAttribute("flashError", message);
            return "redirect:" + back;
        }
        if (mobile) {
            response.setStatus(e.status().value());
            model.addAttribute("actor", Actors.current().orElse(null));
            model.addAttribute("mobile", MobileShell.current());
            model.addAttribute("tab", "");
            model.addAttribute("message", message);
            return "workorder/mobile/error";
        }
        return staffError.show(e, "/services/desk", "services.nav.desk", model, response);
    }

    /** The path of a same-site referer, or null. */
    private static @Nullable String backPath(@Nullable String referer, HttpServletRequest request) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equals(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            if (path == null || !path.startsWith(request.getContextPath() + "/")) {
                return null;
            }
            String local = path.substring(request.getContextPath().length());
            return uri.getRawQuery() == null ? local : local + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
