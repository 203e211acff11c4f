package org.yiwang.fieldwork.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The patrol page in the navigation, for grid workers; the day and visit pages, also for community staff. */
@Configuration(proxyBeanMethods = false)
class FieldworkNavigation {

    @Bean
    NavigationEntry patrolNavigation() {
        return new NavigationEntry("/m/patrol", "nav.mobile.patrol", "⚲", List.of(Role.GRID_WORKER), 11, "mobile");
    }

    @Bean
    NavigationEntry todayNavigation() {
        return new NavigationEntry("/m/today", "nav.mobile.today", "☀", List.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF), 10, "mobile");
    }

    @Bean
    NavigationEntry visitsNavigation() {
        return new NavigationEntry("/m/visits", "nav.mobile.visits", "⌂", List.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF), 12, "mobile");
    }
}
