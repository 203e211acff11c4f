package org.yiwang.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Notification settings and the scheduled outbox worker. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "yiwang.notify.delivery-enabled", matchIfMissing = true)
    OutboxWorker outboxWorker(Deliveries deliveries) {
        return new OutboxWorker(deliveries);
    }

    /** Runs a delivery round every {@code yiwang.notify.delivery-interval} and purges old deliveries hourly. */
    static class OutboxWorker {

        private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

        private final Deliveries deliveries;

        OutboxWorker(Deliveries deliveries) {
            this.deliveries = deliveries;
        }

        @Scheduled(fixedDelayString = "${yiwang.notify.delivery-interval:1s}", initialDelayString = "${yiwang.notify.delivery-interval:1s}")
        void deliver() {
            try {
                deliveries.deliverDue();
            } catch (RuntimeException e) {
                log.error("Outbox delivery round failed; the next round retries", e);
            }
        }

        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
        void purge() {
            try {
                int purged = deliveries.purgeDelivered();
                if (purged > 0) {
                    log.info("Purged {} delivered outbound messages", purged);
                }
            } catch (RuntimeException e) {
                log.warn("Purging delivered outbound messages failed", e);
            }
        }
    }
}
