package org.yiwang.fieldwork;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.platform.ChinaTime;

/** The module's settings and its time-in-grid rule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FieldworkProperties.class)
class FieldworkConfiguration {

    @Bean
    TimeInGridPolicy timeInGridPolicy(FieldworkProperties properties) {
        return new TimeInGridPolicy(properties.maxGap(), ChinaTime.ZONE);
    }
}
