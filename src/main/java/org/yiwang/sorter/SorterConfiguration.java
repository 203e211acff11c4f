package org.yiwang.sorter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The module's settings and its scheduled work (model refresh, training). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SorterProperties.class)
class SorterConfiguration {
}
