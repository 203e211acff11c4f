package org.yiwang.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.assessment}.
 *
 * @param reportCron when the monthly reports (月度通报) of the previous month are made, in China Standard Time
 *                   (default: 06:00 on the first day of the month); "-" turns the schedule off
 * @param closedMonthCache how long a closed month's computed table is kept on a node at most (default 1 h; a change to the
 *                   month's orders or to the scheme makes it computed anew before that); 0 keeps none
 */
@ConfigurationProperties("yiwang.assessment")
record AssessmentProperties(@DefaultValue("0 0 6 1 * *") String reportCron, @DefaultValue("1h") Duration closedMonthCache) {

    AssessmentProperties {
        if (!reportCron.equals("-") && !org.springframework.scheduling.support.CronExpression.isValidExpression(reportCron)) {
            throw new IllegalArgumentException("yiwang.assessment.report-cron is not a cron expression: " + reportCron);
        }
        if (closedMonthCache.isNegative()) {
            throw new IllegalArgumentException("yiwang.assessment.closed-month-cache must not be negative: " + closedMonthCache);
        }
    }
}
