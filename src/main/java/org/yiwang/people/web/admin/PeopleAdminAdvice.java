package org.yiwang.people.web.admin;

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

/** The user and org unit administration's navigation entries and error page. */
@ControllerAdvice(basePackageClasses = PeopleAdminAdvice.class)
class PeopleAdminAdvice {

    private final MessageSource messages;

    PeopleAdminAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    static NavigationEntry userAdminNavigation() {
        return new NavigationEntry("/admin/users", "admin.nav.users", "☺", List.of(Role.ADMIN), 81, "admin");
    }

    @Bean
    static NavigationEntry orgUnitAdminNavigation() {
        return new NavigationEntry("/admin/org-units", "admin.nav.orgUnits", "⌂", List.of(Role.ADMIN), 82, "admin");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("actor", Actors.current().orElse(null));
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        return "people/admin/error";
    }
}
