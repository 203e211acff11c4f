package org.yiwang.open311.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The Open311 key administration's navigation entry and error page. */
@ControllerAdvice(basePackageClasses = Open311AdminAdvice.class)
class Open311AdminAdvice {

    private final MessageSource messages;

    Open311AdminAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    static NavigationEntry open311KeyAdminNavigation() {
        return new NavigationEntry("/admin/open311-keys", "open311.admin.nav", "⌘", List.of(Role.ADMIN), 87, "admin");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("actor", Actors.current().orElse(null));
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        return "open311/admin/error";
    }
}
