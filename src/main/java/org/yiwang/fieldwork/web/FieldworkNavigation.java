package org.yiwang.fieldwork.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The patrol page in the navigation, for grid workers. */
@Configuration(proxyBeanMethods = false)
class FieldworkNavigation {

    @Bean
    NavigationEntry patrolNavigation() {
        return new NavigationEntry("/m/patrol", "nav.mobile.patrol", "⚲", List.of(Role.GRID_WORKER), 13, "mobile");
    }
}
