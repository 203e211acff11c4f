package org.yiwang.services.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The window desk for community and street staff, the catalog editor for admins, the phone pages for everyone. */
@Configuration(proxyBeanMethods = false)
class ServicesNavigation {

    @Bean
    NavigationEntry servicesDeskNavigation() {
        return new NavigationEntry("/services/desk", "services.nav.desk", "☰",
                List.of(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER), 40, "work");
    }

    @Bean
    NavigationEntry servicesReviewNavigation() {
        return new NavigationEntry("/services/review", "services.nav.review", "✔", List.of(Role.HANDLER), 41, "work");
    }

    @Bean
    NavigationEntry servicesCatalogNavigation() {
        return new NavigationEntry("/services/catalog", "services.nav.catalog", "☷", List.of(Role.ADMIN), 75, "admin");
    }

    @Bean
    NavigationEntry servicesMobileNavigation() {
        return new NavigationEntry("/m/services", "services.nav.mobile", "☎", List.of(Role.RESIDENT, Role.GRID_WORKER, Role.COMMUNITY_STAFF),
                15, "mobile");
    }

    @Bean
    NavigationEntry servicesProxyNavigation() {
        return new NavigationEntry("/m/services/proxy", "services.nav.proxy", "♿", List.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF), 18, "mobile");
    }
}
