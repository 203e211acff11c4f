package org.yiwang.hotline.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** The knowledge base in the staff navigation. */
@Configuration(proxyBeanMethods = false)
class HotlineNavigation {

    @Bean
    NavigationEntry hotlineKnowledgeNavigation() {
        return new NavigationEntry("/hotline/knowledge", "hotline.nav.knowledge", "?", List.of(Role.DISPATCHER, Role.ADMIN, Role.LEADER), 37, "command");
    }
}
