package org.yiwang.intake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Intake settings, and scheduling for the webhook worker and the interrupted-import sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {
}
