package org.yiwang.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;

import java.util.List;

/** The shell's own navigation entry: the home page (工作台). */
@Configuration(proxyBeanMethods = false)
class WebNavigation {

    @Bean
    NavigationEntry homeNavigation() {
        return new NavigationEntry("/", "nav.home", "⌂", List.of(), 0, "work");
    }
}
