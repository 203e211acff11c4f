package org.yiwang.residents.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.YiwangProperties;

/** The residents' and public pages' shared model (mobile layout) and their error page, in the reader's language. */
@ControllerAdvice(assignableTypes = {FollowPages.class, PublicPages.class})
class ResidentPageAdvice {

    private final MessageSource messages;
    private final String tileUrl;

    ResidentPageAdvice(MessageSource messages, YiwangProperties settings) {
        this.messages = messages;
        this.tileUrl = settings.map().tileUrl();
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current(tileUrl);
    }

    @ModelAttribute("tab")
    String tab() {
        return "follows";
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

    private String error(Model model, String message) {
        model.addAttribute("actor", Actors.current().orElse(null));
        model.addAttribute("mobile", mobile());
        model.addAttribute("tab", "");
        model.addAttribute("message", message);
        return "workorder/mobile/error";
    }
}
