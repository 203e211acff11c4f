package org.yiwang.people.web.admin;

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

/** The user and org unit administration's navigation entries and error page. */
@ControllerAdvice(basePackageClasses = PeopleAdminAdvice.class)
class PeopleAdminAdvice {

    private final StaffErrorPage errors;

    PeopleAdminAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @Bean
    static NavigationEntry userAdminNavigation() {
        return new NavigationEntry("/admin/users", "admin.nav.users", "☺", List.of(Role.ADMIN), 81, "admin");
    }

    @Bean
    static NavigationEntry orgUnitAdminNavigation() {
        return new NavigationEntry("/admin/org-units", "admin.nav.orgUnits", "⌂", List.of(Role.ADMIN), 82, "admin");
    }

    @Bean
    static NavigationEntry personalDataAccessNavigation() {
        return new NavigationEntry("/admin/personal-data-access", "admin.nav.personalDataAccess", "◉", List.of(Role.ADMIN), 83, "admin");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/admin/users", "admin.users.back", model, response);
    }
}
