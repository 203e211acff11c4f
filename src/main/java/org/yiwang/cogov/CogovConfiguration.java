package org.yiwang.cogov;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CogovProperties.class)
class CogovConfiguration {
}
