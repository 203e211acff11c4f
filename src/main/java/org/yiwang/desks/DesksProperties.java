package org.yiwang.desks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/**
 * Settings under {@code yiwang.desks}.
 *
 * @param followUpDays working days within which a 回访 after a dissatisfied rating is due (on the working calendar)
 */
@ConfigurationProperties("yiwang.desks")
public record DesksProperties(@DefaultValue("2") int followUpDays) {

    public DesksProperties {
        if (followUpDays < 1 || followUpDays > 30) {
            throw new IllegalArgumentException("yiwang.desks.follow-up-days must be 1 to 30: " + followUpDays);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DesksProperties.class)
    static class Registration {
    }
}
