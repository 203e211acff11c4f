package org.yiwang.geo.web.admin;

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

/** The grid administration's navigation entry and error page. */
@ControllerAdvice(basePackageClasses = GeoAdminAdvice.class)
class GeoAdminAdvice {

    private final MessageSource messages;

    GeoAdminAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    static NavigationEntry gridAdminNavigation() {
        return new NavigationEntry("/admin/grids", "admin.nav.grids", "▦", List.of(Role.ADMIN), 80, "admin");
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
        return "geo/admin/error";
    }
}
