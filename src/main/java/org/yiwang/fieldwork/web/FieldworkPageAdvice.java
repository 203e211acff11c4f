package org.yiwang.fieldwork.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.YiwangProperties;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

/** The field-work pages' error page: the failure in the reader's language with its status, in the mobile layout. */
@ControllerAdvice(assignableTypes = {PatrolPageController.class, VisitPageController.class, TodayPageController.class})
class FieldworkPageAdvice {

    private final MessageSource messages;
    private final String tileUrl;

    FieldworkPageAdvice(MessageSource messages, YiwangProperties settings) {
        this.messages = messages;
        this.tileUrl = settings.map().tileUrl();
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("actor", Actors.current().orElse(null));
        model.addAttribute("mobile", MobileShell.current(tileUrl));
        model.addAttribute("tab", "");
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        return "workorder/mobile/error";
    }
}
