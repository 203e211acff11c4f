package org.yiwang.hotline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.hotline}.
 *
 * @param historySize     how many earlier calls of a number the desk shows, newest first
 * @param searchSize      how many knowledge-base articles a search returns
 * @param figuresPeriod   the period the direct-answer rate (直接答复率) is counted over, back from now
 */
@ConfigurationProperties("yiwang.hotline")
public record HotlineProperties(@DefaultValue("20") int historySize,
                                @DefaultValue("10") int searchSize,
                                @DefaultValue("30d") Duration figuresPeriod) {

    public HotlineProperties {
        if (historySize < 1 || historySize > 200) {
            throw new IllegalArgumentException("yiwang.hotline.history-size must be 1 to 200: " + historySize);
        }
        if (searchSize < 1 || searchSize > 100) {
            throw new IllegalArgumentException("yiwang.hotline.search-size must be 1 to 100: " + searchSize);
        }
        if (figuresPeriod.isNegative() || figuresPeriod.isZero()) {
            throw new IllegalArgumentException("yiwang.hotline.figures-period must be positive: " + figuresPeriod);
        }
    }
}
