package org.yiwang.workorder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code yiwang.workorder}.
 *
 * @param autoDispatch             a report whose category is known is filed and dispatched at once when routing finds a unit
 * @param autoCategoryConfidence   a report without a category takes the sorter's top suggestion at or above this confidence
 * @param journal                  how the followers read the work-order journal
 * @param photos                   where and how large uploaded photos are
 * @param coHandling               the time limits of 退单 and 争议 (主办/协办)
 */
@ConfigurationProperties("yiwang.workorder")
record WorkOrderProperties(@DefaultValue("true") boolean autoDispatch,
                           @DefaultValue("0.85") double autoCategoryConfidence,
                           @DefaultValue Journal journal,
                           @DefaultValue Photos photos,
                           @DefaultValue CoHandling coHandling) {

    WorkOrderProperties {
        if (!(autoCategoryConfidence > 0 && autoCategoryConfidence <= 1)) {
            throw new IllegalArgumentException("yiwang.workorder.auto-category-confidence must be within (0, 1]");
        }
    }

    /**
     * @param batchSize    the most entries a follower takes in one transaction
     * @param pollInterval how often followers look without a wake-up (changes made by other nodes)
     * @param gap          how long a follower waits after a wake-up or a round that emptied its backlog, so that one
     *                     round (one transaction) takes the changes of many commits: each follower's round costs a
     *                     transaction and a few statements however few changes it carries, and with ten followers
     *                     rounds of one change each cost more than the intakes themselves
     * @param retention    how long followed entries are kept
     * @param enabled      whether this node runs the followers
     */
    record Journal(@DefaultValue("250") int batchSize, @DefaultValue("1s") Duration pollInterval,
                   @DefaultValue("100ms") Duration gap, @DefaultValue("1d") Duration retention,
                   @DefaultValue("true") boolean enabled) {

        Journal {
            if (batchSize < 1) {
                throw new IllegalArgumentException("yiwang.workorder.journal.batch-size must be at least 1");
            }
            if (!pollInterval.isPositive() || gap.isNegative() || !retention.isPositive()) {
                throw new IllegalArgumentException("yiwang.workorder.journal: poll-interval and retention must be positive, gap not negative");
            }
        }
    }

    /**
     * @param folder   where photo files go; blank means {@code <data-dir>/photos}
     * @param maxBytes the largest photo accepted
     */
    record Photos(@DefaultValue("") String folder, @DefaultValue("10485760") long maxBytes) {

        Photos {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("yiwang.workorder.photos.max-bytes must be positive");
            }
        }
    }

    /**
     * @param returnWindowHours  a unit may send an order back (退单) only within this many working hours after dispatch
     * @param arbitrationDays    the command centre rules on a dispute (仲裁) within this many working days
     */
    record CoHandling(@DefaultValue("2") int returnWindowHours, @DefaultValue("1") int arbitrationDays) {

        CoHandling {
            if (returnWindowHours < 1 || returnWindowHours > 200 || arbitrationDays < 1 || arbitrationDays > 60) {
                throw new IllegalArgumentException("yiwang.workorder.co-handling: return-window-hours must be 1–200, arbitration-days 1–60");
            }
        }

        CoHandlingLimits limits() {
            return new CoHandlingLimits(org.yiwang.catalog.TimeLimit.workingHours(returnWindowHours),
                    org.yiwang.catalog.TimeLimit.workingDays(arbitrationDays));
        }
    }
}
