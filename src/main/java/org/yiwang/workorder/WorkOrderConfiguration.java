package org.yiwang.workorder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the module's settings, {@link WorkOrderProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkOrderProperties.class)
class WorkOrderConfiguration {
}
