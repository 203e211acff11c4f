package org.yiwang.geo.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.yiwang.geo.MapProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Geography checks every so often whether another node changed the grids (see {@code GridLocator}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MapProperties.class)
class GeoConfiguration {
}
