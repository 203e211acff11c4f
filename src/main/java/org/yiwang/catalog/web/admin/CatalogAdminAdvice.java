package org.yiwang.catalog.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The catalog administration's navigation entries and error page. */
@ControllerAdvice(basePackageClasses = CatalogAdminAdvice.class)
class CatalogAdminAdvice {

    private final StaffErrorPage errors;

    CatalogAdminAdvice(StaffErrorPage errors) {
        this.errors = errors;
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
        return new NavigationEntry("/admin/time-limits", "admin.nav.timeLimits", "◷", List.of(Role.ADMIN), 85, "admin");
    }

    @Bean
    static NavigationEntry calendarAdminNavigation() {
        return new NavigationEntry("/admin/calendar", "admin.nav.calendar", "▤", List.of(Role.ADMIN), 86, "admin");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/admin/categories", "admin.categories.back", model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return errors.show(413, "error.uploadTooLarge", new Object[0], "/admin/categories", "admin.categories.back", model, response);
    }
}
