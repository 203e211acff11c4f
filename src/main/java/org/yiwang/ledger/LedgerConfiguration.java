package org.yiwang.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;

/** The ledger bean and the scheduled sealer. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

    @Bean
    Ledger ledger(DataSource dataSource, LedgerProperties properties) {
        return new Ledger(dataSource, properties.sealBatchSize());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "yiwang.ledger.sealer-enabled", matchIfMissing = true)
    ScheduledSealer scheduledSealer(Ledger ledger) {
        return new ScheduledSealer(ledger);
    }

    /** Seals every {@code yiwang.ledger.seal-interval}; a failed round is logged and the next one retries. */
    static class ScheduledSealer {

        private static final Logger log = LoggerFactory.getLogger(ScheduledSealer.class);

        private final Ledger ledger;
        private boolean failing;

        ScheduledSealer(Ledger ledger) {
            this.ledger = ledger;
        }

        @Scheduled(fixedDelayString = "${yiwang.ledger.seal-interval:200ms}", initialDelayString = "${yiwang.ledger.seal-interval:200ms}")
        void seal() {
            try {
                long sealed = ledger.sealIfIdle();
                if (failing) {
                    log.info("Ledger sealing works again ({} records chained)", sealed);
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    log.error("Ledger sealing failed; retrying every round until it works", e);
                    failing = true;
                } else {
                    log.debug("Ledger sealing still failing", e);
                }
            }
        }
    }
}
