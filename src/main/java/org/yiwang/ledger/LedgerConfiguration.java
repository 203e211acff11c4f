package org.yiwang.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.yiwang.platform.YiwangProperties;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;

/** The ledger and its transparency log, the scheduled sealer and the scheduled checkpoints. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

    @Bean
    Ledger ledger(DataSource dataSource, LedgerProperties properties) {
        return new Ledger(dataSource, properties.sealBatchSize());
    }

    @Bean
    LedgerLog ledgerLog(DataSource dataSource, LedgerProperties properties, YiwangProperties yiwang, Clock clock,
                        ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        return new LedgerLog(dataSource, Path.of(yiwang.dataDir()).resolve("keys"), properties.origin(), clock, events,
                transactionManager);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "yiwang.ledger.checkpoints-enabled", matchIfMissing = true)
    ScheduledCheckpoints scheduledCheckpoints(LedgerLog log) {
        return new ScheduledCheckpoints(log);
    }

    /** Signs a checkpoint every {@code yiwang.ledger.checkpoint-interval} when the tree has grown; one node at a time. */
    static class ScheduledCheckpoints {

        private static final Logger log = LoggerFactory.getLogger(ScheduledCheckpoints.class);

        private final LedgerLog ledgerLog;

        ScheduledCheckpoints(LedgerLog ledgerLog) {
            this.ledgerLog = ledgerLog;
        }

        @Scheduled(fixedDelayString = "${yiwang.ledger.checkpoint-interval:1m}", initialDelayString = "${yiwang.ledger.checkpoint-interval:1m}")
        void sign() {
            try {
                ledgerLog.sign().ifPresent(c -> log.info("Ledger checkpoint signed: size {}, root {}", c.size(), c.rootHash()));
            } catch (RuntimeException e) {
                log.error("Signing a ledger checkpoint failed; the next round retries", e);
            }
        }
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
