package org.yiwang.analytics.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The command centre's screens in the staff navigation: the map (一张图) and the dashboard. */
@Configuration(proxyBeanMethods = false)
class AnalyticsNavigation {

    @Bean
    NavigationEntry commandMapNavigation() {
        return new NavigationEntry("/command/map", "nav.analytics.map", "◉",
                List.of(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.COMMUNITY_STAFF), 60, "command");
    }

    @Bean
    NavigationEntry commandScreenNavigation() {
        return new NavigationEntry("/command/screen", "nav.analytics.screen", "▣",
                List.of(Role.ADMIN, Role.LEADER, Role.DISPATCHER), 62, "command");
    }

    @Bean
    NavigationEntry dashboardNavigation() {
        return new NavigationEntry("/dashboard", "nav.analytics.dashboard", "▤",
                List.of(Role.ADMIN, Role.LEADER, Role.DISPATCHER), 61, "command");
    }
}
