package org.yiwang.desks.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The desks in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class DesksNavigation {

    @Bean
    NavigationEntry desksWhistlesNavigation() {
        return new NavigationEntry("/desks/whistles", "desks.nav.whistles", "⚐", List.of(Role.HANDLER, Role.DISPATCHER, Role.LEADER, Role.ADMIN), 21, "work");
    }

    @Bean
    NavigationEntry desksFollowUpsNavigation() {
        return new NavigationEntry("/desks/follow-ups", "desks.nav.followUps", "☎", List.of(Role.DISPATCHER, Role.ADMIN, Role.LEADER), 34, "command");
    }

    @Bean
    NavigationEntry desksPhoneNavigation() {
        return new NavigationEntry("/desks/phone", "desks.nav.phone", "✆", List.of(Role.DISPATCHER, Role.ADMIN), 32, "command");
    }

    @Bean
    NavigationEntry desksPendingNavigation() {
        return new NavigationEntry("/desks/pending", "desks.nav.pending", "⊕", List.of(Role.DISPATCHER, Role.ADMIN), 33, "command");
    }

    @Bean
    NavigationEntry desksHotspotsNavigation() {
        return new NavigationEntry("/desks/hotspots", "desks.nav.hotspots", "◎", List.of(Role.DISPATCHER, Role.ADMIN, Role.LEADER), 35, "command");
    }

    @Bean
    NavigationEntry desksImportsNavigation() {
        return new NavigationEntry("/desks/imports", "desks.nav.imports", "⇪", List.of(Role.DISPATCHER, Role.ADMIN), 36, "command");
    }
}
