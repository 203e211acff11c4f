package org.yiwang.catalog.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The catalog checks for changes made on other nodes on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CatalogConfiguration {
}
