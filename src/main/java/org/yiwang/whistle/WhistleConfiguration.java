package org.yiwang.whistle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/** Whistle settings and the scheduled overdue scan. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WhistleConfiguration.WhistleProperties.class)
class WhistleConfiguration {

    /**
     * Settings under {@code yiwang.whistle}.
     *
     * @param reportLimits        how long departments have to report in, by kind
     * @param overdueScanEnabled  whether this node runs the overdue scan (any number of nodes may)
     * @param overdueScanInterval the pause between two scans
     * @param overdueScanBatch    reminders sent per transaction
     */
    @ConfigurationProperties("yiwang.whistle")
    record WhistleProperties(@DefaultValue Limits reportLimits,
                             @DefaultValue("true") boolean overdueScanEnabled,
                             @DefaultValue("PT1M") Duration overdueScanInterval,
                             @DefaultValue("200") int overdueScanBatch) {

        WhistleProperties {
            if (overdueScanBatch < 1 || overdueScanBatch > 10_000) {
                throw new IllegalArgumentException("yiwang.whistle.overdue-scan-batch must be 1 to 10000: " + overdueScanBatch);
            }
        }
    }

    /** Report-in limits as {@code "<amount> <unit>"}: defaults 日常哨 2 working days, 攻坚哨 1, 应急哨 30 natural minutes. */
    record Limits(@DefaultValue("2 WORKING_DAYS") String routine,
                  @DefaultValue("1 WORKING_DAYS") String tough,
                  @DefaultValue("30 MINUTES") String emergency) {
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "yiwang.whistle.overdue-scan-enabled", matchIfMissing = true)
    OverdueScan overdueScan(OverdueReminders reminders) {
        return new OverdueScan(reminders);
    }

    /** Runs the overdue scan every {@code yiwang.whistle.overdue-scan-interval}; a failed round is retried by the next. */
    static class OverdueScan {

        private static final Logger log = LoggerFactory.getLogger(OverdueScan.class);

        private final OverdueReminders reminders;

        OverdueScan(OverdueReminders reminders) {
            this.reminders = reminders;
        }

        @Scheduled(fixedDelayString = "${yiwang.whistle.overdue-scan-interval:PT1M}",
                initialDelayString = "${yiwang.whistle.overdue-scan-interval:PT1M}")
        void scan() {
            try {
                int sent = reminders.remindOverdue();
                if (sent > 0) {
                    log.info("Reminded {} departments that have not reported in to a whistle", sent);
                }
            } catch (RuntimeException e) {
                log.error("Overdue whistle scan failed; the next round retries", e);
            }
        }
    }
}
