package org.yiwang.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yiwang.assessment}.
 *
 * @param reportCron when the monthly reports (月度通报) of the previous month are made, in China Standard Time
 *                   (default: 06:00 on the first day of the month); "-" turns the schedule off
 */
@ConfigurationProperties("yiwang.assessment")
record AssessmentProperties(@DefaultValue("0 0 6 1 * *") String reportCron) {

    AssessmentProperties {
        if (!reportCron.equals("-") && !org.springframework.scheduling.support.CronExpression.isValidExpression(reportCron)) {
            throw new IllegalArgumentException("yiwang.assessment.report-cron is not a cron expression: " + reportCron);
        }
    }
}
