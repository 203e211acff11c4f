package org.yiwang.geo.web.admin;

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

/** The grid administration's navigation entry and error page. */
@ControllerAdvice(basePackageClasses = GeoAdminAdvice.class)
class GeoAdminAdvice {

    private final StaffErrorPage errors;

    GeoAdminAdvice(StaffErrorPage errors) {
        this.errors = errors;
    }

    @Bean
    static NavigationEntry gridAdminNavigation() {
        return new NavigationEntry("/admin/grids", "admin.nav.grids", "▦", List.of(Role.ADMIN), 80, "admin");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/admin/grids", "admin.grids.back", model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return errors.show(413, "error.uploadTooLarge", new Object[0], "/admin/grids", "admin.grids.back", model, response);
    }
}
