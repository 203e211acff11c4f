package org.yiwang.enforcement;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The module's settings; the arrival clock runs on the scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnforcementProperties.class)
@EnableScheduling
class EnforcementConfiguration {
}
