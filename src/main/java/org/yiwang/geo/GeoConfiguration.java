package org.yiwang.geo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the module's settings, {@link MapProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MapProperties.class)
class GeoConfiguration {
}
