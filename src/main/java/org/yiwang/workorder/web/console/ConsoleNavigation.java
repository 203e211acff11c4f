package org.yiwang.workorder.web.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The console's screens in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class ConsoleNavigation {

    @Bean
    NavigationEntry consoleInboxNavigation() {
        return new NavigationEntry("/console/inbox", "console.nav.inbox", "✉", List.of(Role.HANDLER, Role.COMMUNITY_STAFF, Role.GRID_WORKER), 20, "work");
    }

    @Bean
    NavigationEntry consoleQueueNavigation() {
        return new NavigationEntry("/console/queue", "console.nav.queue", "☷", List.of(Role.DISPATCHER, Role.ADMIN, Role.LEADER), 30, "command");
    }

    @Bean
    NavigationEntry consoleCoHandlingNavigation() {
        return new NavigationEntry("/console/co-handling", "console.nav.coHandling", "⇄", List.of(Role.DISPATCHER, Role.ADMIN, Role.LEADER), 32, "command");
    }

    @Bean
    NavigationEntry consoleOverdueNavigation() {
        return new NavigationEntry("/console/overdue", "console.nav.overdue", "⚑", List.of(Role.DISPATCHER, Role.ADMIN, Role.LEADER), 31, "command");
    }
}
