package org.yiwang.cogov.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** Co-governance in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class CogovNavigation {

    @Bean
    NavigationEntry cogovMediationNavigation() {
        return new NavigationEntry("/cogov/mediation", "cogov.nav.mediation", "⚖",
                List.of(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN), 42, "work");
    }
}
