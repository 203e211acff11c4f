package org.yiwang.assessment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;

import java.util.List;

/** 考核评价 in the staff navigation, beside the dashboard. */
@Configuration(proxyBeanMethods = false)
class AssessmentNavigation {

    @Bean
    NavigationEntry assessmentEntry() {
        return new NavigationEntry("/assessment", "nav.assessment", "★", List.of(Role.ADMIN, Role.LEADER, Role.DISPATCHER), 62, "command");
    }
}
