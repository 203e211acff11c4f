package org.yiwang.catalog.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The catalog administration's navigation entries and error page. */
@ControllerAdvice(basePackageClasses = CatalogAdminAdvice.class)
class CatalogAdminAdvice {

    private final MessageSource messages;

    CatalogAdminAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    static NavigationEntry categoryAdminNavigation() {
        return new NavigationEntry("/admin/categories", "admin.nav.categories", "☰", List.of(Role.ADMIN), 83, "admin");
    }

    @Bean
    static NavigationEntry dutyListAdminNavigation() {
        return new NavigationEntry("/admin/duty-list", "admin.nav.dutyList", "⇄", List.of(Role.ADMIN), 84, "admin");
    }

    @Bean
    static NavigationEntry timeLimitAdminNavigation() {
        return new NavigationEntry("/admin/time-limits", "admin.nav.timeLimits", "⏱", List.of(Role.ADMIN), 85, "admin");
    }

    @Bean
    static NavigationEntry calendarAdminNavigation() {
        return new NavigationEntry("/admin/calendar", "admin.nav.calendar", "▤", List.of(Role.ADMIN), 86, "admin");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return error(e.status().value(), messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()),
                model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return error(413, messages.getMessage("error.uploadTooLarge", null, LocaleContextHolder.getLocale()), model, response);
    }

    private static String error(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("actor", Actors.current().orElse(null));
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "catalog/admin/error";
    }
}
