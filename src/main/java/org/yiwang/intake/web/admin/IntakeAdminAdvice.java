package org.yiwang.intake.web.admin;

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

/** The webhook administration's navigation entry and error page. */
@ControllerAdvice(basePackageClasses = IntakeAdminAdvice.class)
class IntakeAdminAdvice {

    private final StaffErrorPage errors;

    IntakeAdminAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @Bean
    static NavigationEntry webhookAdminNavigation() {
        return new NavigationEntry("/admin/webhooks", "intake.admin.nav.webhooks", "↗", List.of(Role.ADMIN), 88, "admin");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/admin/webhooks", "intake.admin.webhooks.back", model, response);
    }
}
