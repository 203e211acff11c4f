package org.yiwang.enforcement.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** Joint enforcement, campaigns and the enforcement list in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class EnforcementNavigation {

    @Bean
    NavigationEntry enforcementCasesNavigation() {
        return new NavigationEntry("/enforcement/cases", "enforcement.nav.cases", "⚖",
                List.of(Role.DISPATCHER, Role.HANDLER, Role.LEADER, Role.ADMIN), 37, "command");
    }

    @Bean
    NavigationEntry enforcementCampaignsNavigation() {
        return new NavigationEntry("/enforcement/campaigns", "enforcement.nav.campaigns", "⚑",
                List.of(Role.DISPATCHER, Role.LEADER, Role.ADMIN, Role.COMMUNITY_STAFF), 38, "command");
    }

    @Bean
    NavigationEntry enforcementItemsNavigation() {
        return new NavigationEntry("/enforcement/items", "enforcement.nav.items", "§", List.of(Role.ADMIN, Role.DISPATCHER, Role.HANDLER),
                90, "admin");
    }
}
