package org.yiwang.open311;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Open311 settings, and scheduling for the purge of old key usage. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(Open311Properties.class)
class Open311Configuration {
}
