package org.yiwang.open311.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The Open311 key administration's navigation entry and error page. */
@ControllerAdvice(basePackageClasses = Open311AdminAdvice.class)
class Open311AdminAdvice {

    private final StaffErrorPage errors;

    Open311AdminAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @Bean
    static NavigationEntry open311KeyAdminNavigation() {
        return new NavigationEntry("/admin/open311-keys", "open311.admin.nav", "⌘", List.of(Role.ADMIN), 87, "admin");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/admin/open311-keys", "open311.admin.back", model, response);
    }
}
