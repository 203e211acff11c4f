package org.yiwang.geo.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Geography checks every so often whether another node changed the grids (see {@code GridLocator}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GeoConfiguration {
}
