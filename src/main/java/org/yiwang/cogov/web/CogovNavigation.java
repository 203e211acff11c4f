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

    @Bean
    NavigationEntry cogovCouncilsNavigation() {
        return new NavigationEntry("/cogov/councils", "cogov.nav.councils", "☷",
                List.of(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN), 43, "work");
    }

    @Bean
    NavigationEntry cogovVolunteersNavigation() {
        return new NavigationEntry("/cogov/volunteers", "cogov.nav.volunteers", "♥",
                List.of(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN), 44, "work");
    }

    @Bean
    NavigationEntry cogovPhoneVolunteerNavigation() {
        return new NavigationEntry("/m/volunteer", "cogov.nav.phoneVolunteer", "♥", List.of(Role.RESIDENT, Role.GRID_WORKER, Role.COMMUNITY_STAFF),
                22, "mobile");
    }

    @Bean
    NavigationEntry cogovShopNavigation() {
        return new NavigationEntry("/cogov/shop", "cogov.nav.shop", "◆", List.of(Role.COMMUNITY_STAFF, Role.ADMIN), 44, "work");
    }

    @Bean
    NavigationEntry cogovAllianceNavigation() {
        return new NavigationEntry("/cogov/alliance", "cogov.nav.alliance", "★",
                List.of(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN), 45, "work");
    }

    @Bean
    NavigationEntry cogovPhoneProjectsNavigation() {
        return new NavigationEntry("/m/projects", "cogov.nav.projects", "★", List.of(Role.RESIDENT, Role.GRID_WORKER, Role.COMMUNITY_STAFF),
                23, "mobile");
    }

    @Bean
    NavigationEntry cogovPhoneCouncilNavigation() {
        return new NavigationEntry("/m/council", "cogov.nav.phoneCouncil", "☷", List.of(Role.RESIDENT, Role.GRID_WORKER, Role.COMMUNITY_STAFF),
                21, "mobile");
    }
}
