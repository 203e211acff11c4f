package org.yiwang.intake.web.admin;

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

/** The webhook administration's navigation entry and error page. */
@ControllerAdvice(basePackageClasses = IntakeAdminAdvice.class)
class IntakeAdminAdvice {

    private final MessageSource messages;

    IntakeAdminAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    static NavigationEntry webhookAdminNavigation() {
        return new NavigationEntry("/admin/webhooks", "intake.admin.nav.webhooks", "↗", List.of(Role.ADMIN), 88, "admin");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("actor", Actors.current().orElse(null));
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        return "intake/admin/error";
    }
}
