package org.yiwang.workorder.web.mobile;

import org.yiwang.platform.MobileShell;
import org.yiwang.platform.YiwangProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

/**
 * The mobile pages' shared model (tabs, map tiles) and their error page: a failure the user caused is
 * shown in their language with its status code, inside the mobile layout.
 */
@ControllerAdvice(basePackageClasses = MobileAdvice.class)
class MobileAdvice {

    private final String tileUrl;
    private final MessageSource messages;

    MobileAdvice(YiwangProperties settings, MessageSource messages) {
        this.tileUrl = settings.map().tileUrl();
        this.messages = messages;
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current(tileUrl);
    }

    /** Which tab of the bottom bar the page belongs to. */
    @ModelAttribute("tab")
    String tab(HttpServletRequest request) {
        return tabOf(request.getRequestURI());
    }

    static String tabOf(String path) {
        if (path.startsWith("/m/grid")) {
            return "grid";
        }
        if (path.startsWith("/m/reports")) {
            return "reports";
        }
        return path.startsWith("/m/report") ? "report" : "";
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        return error(model, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return error(model, messages.getMessage("mobile.error.badParameter", new Object[]{e.getName()}, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return error(model, messages.getMessage("mobile.error.tooLarge", null, LocaleContextHolder.getLocale()));
    }

    /** Exception handlers get a fresh model: the layout's attributes are put back here. */
    private String error(Model model, String message) {
        model.addAttribute("actor", Actors.current().orElse(null));
        model.addAttribute("mobile", mobile());
        model.addAttribute("tab", "");
        model.addAttribute("message", message);
        return "workorder/mobile/error";
    }
}
