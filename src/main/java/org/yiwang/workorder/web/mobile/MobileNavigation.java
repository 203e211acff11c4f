package org.yiwang.workorder.web.mobile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The mobile pages in the navigation: reporting and "my reports" for residents, today's grid for grid workers. */
@Configuration(proxyBeanMethods = false)
class MobileNavigation {

    @Bean
    NavigationEntry mobileReportNavigation() {
        return new NavigationEntry("/m/report", "nav.mobile.report", "✚", List.of(Role.RESIDENT, Role.GRID_WORKER), 13, "mobile");
    }

    @Bean
    NavigationEntry mobileMyReportsNavigation() {
        return new NavigationEntry("/m/reports", "nav.mobile.myReports", "☰", List.of(Role.RESIDENT, Role.GRID_WORKER), 14, "mobile");
    }

    @Bean
    NavigationEntry mobileGridNavigation() {
        return new NavigationEntry("/m/grid", "nav.mobile.grid", "▦", List.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF), 17, "mobile");
    }
}
