package org.yiwang.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yiwang.dispatch}.
 *
 * @param learnAfter how many dispatchers' corrections to the same unit (per street and category) make routing
 *                   suggest that unit from then on; 0 turns learning off
 */
@ConfigurationProperties("yiwang.dispatch")
record DispatchProperties(@DefaultValue("3") int learnAfter) {

    DispatchProperties {
        if (learnAfter < 0) {
            throw new IllegalArgumentException("yiwang.dispatch.learn-after must not be negative");
        }
    }
}
