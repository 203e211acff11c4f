package org.yiwang.workorder;

import org.springframework.stereotype.Component;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.ResolvedTimeLimit;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.TimeLimits;
import org.yiwang.catalog.Urgency;
import org.yiwang.catalog.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;

/** Deadlines from the catalog's time limits (时限) on its working calendar (工作日历). */
@Component
class CatalogDeadlines implements DeadlinePolicy {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CatalogDeadlines.class);

    private final TimeLimits limits;
    private final WorkingCalendar calendar;

    CatalogDeadlines(TimeLimits limits, WorkingCalendar calendar) {
        this.limits = limits;
        this.calendar = calendar;
    }

    @Override
    public Deadline due(String categoryCode, Urgency urgency, Stage stage, Instant start) {
        ResolvedTimeLimit resolved = categoryCode == null
                ? limits.resolveUncategorised(urgency, stage)
                : limits.resolve(categoryCode, urgency, stage);
        return new Deadline(calendar.due(start, resolved.limit()), resolved.limit().unit() != LimitUnit.MINUTES,
                "TL-" + resolved.rule().id() + " " + resolved.rule().scope() + " " + resolved.limit());
    }

    @Override
    public Instant shift(Deadline deadline, Instant pausedFrom, Instant pausedTo) {
        if (!pausedTo.isAfter(pausedFrom)) {
            return deadline.due();
        }
        if (deadline.workingTime()) {
            try {
                return calendar.addWorkingTime(deadline.due(), calendar.workingTimeBetween(pausedFrom, pausedTo));
            } catch (IllegalArgumentException outsideTheCalendar) {
                log.warn("due time {} lies outside the working calendar; shifted by natural time", deadline.due());
            }
        }
        return deadline.due().plus(Duration.between(pausedFrom, pausedTo));
    }

    @Override
    public Instant after(Instant start, org.yiwang.catalog.TimeLimit limit) {
        try {
            return calendar.due(start, limit);
        } catch (IllegalArgumentException outsideTheCalendar) {
            log.warn("{} from {} lies outside the working calendar; counted in natural time", limit, start);
            return start.plus(limit.unit() == LimitUnit.WORKING_DAYS ? Duration.ofDays(limit.amount())
                    : limit.unit() == LimitUnit.WORKING_HOURS ? Duration.ofHours(limit.amount()) : limit.naturalDuration());
        }
    }

    /**
     * The share of the limit used. A due time the working calendar cannot reach (left by bad input
     * before dates were checked at the edge) is measured in natural time rather than failing every
     * list, map and page that shows the order.
     */
    @Override
    public double usedFraction(Instant start, Deadline deadline, Instant now) {
        if (deadline.workingTime()) {
            try {
                return fraction(start, deadline, now, true);
            } catch (IllegalArgumentException outsideTheCalendar) {
                log.warn("due time {} lies outside the working calendar; light measured in natural time", deadline.due());
            }
        }
        return fraction(start, deadline, now, false);
    }

    private double fraction(Instant start, Deadline deadline, Instant now, boolean working) {
        Duration length = working ? calendar.workingTimeBetween(start, deadline.due()) : Duration.between(start, deadline.due());
        Duration used = working ? calendar.workingTimeBetween(start, now) : Duration.between(start, now);
        if (length.isZero() || length.isNegative()) {
            return now.isAfter(deadline.due()) ? Double.POSITIVE_INFINITY : 0.0;
        }
        // working time stops outside working hours, so an order due at 17:30 is still "100 %" at 20:00: overdue all the same
        if (now.isAfter(deadline.due()) && !used.minus(length).isPositive()) {
            return 1.0 + 1e-9;
        }
        return (double) used.toMillis() / length.toMillis();
    }
}
