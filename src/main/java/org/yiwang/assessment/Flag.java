package org.yiwang.assessment;

import java.util.Locale;

/**
 * The 0/1 facts of one order that the formulas count, each a column of {@code assessment_order_fact}
 * and a sum in the monthly-sums tables. Each is the order's latest state, not a count of events.
 */
enum Flag {
    /** Merged into another order as a duplicate: not a case of its own. */
    MERGED,
    /** 立案: filed (registered, dispatched at intake, or closed on the spot). */
    REGISTERED,
    /** 作废 or merged. */
    VOIDED,
    /** Dispatched at least once. */
    DISPATCHED,
    /** Returned by a unit at least once (回退: the dispatch was not accurate). */
    RETURNED,
    /** Reported back as handled (处置反馈), or closed on the spot. */
    HANDLED,
    /** The latest handling was within its limit (extensions and suspended time included). */
    HANDLED_ON_TIME,
    /** Closed now (a reopened order is not, until it is closed again). */
    CLOSED,
    /** Closed on time: handled within its limit and verified within its own. */
    CLOSED_ON_TIME,
    /** Sent back for rework (返工) at least once. */
    REWORKED,
    /** An extension (延期) was approved at least once. */
    EXTENDED,
    /** Reopened at least once. */
    REOPENED,
    /** Rated by the reporter (after the latest closing). */
    EVALUATED,
    /** Rated 满意 or 基本满意. */
    SATISFIED,
    /** A unit responded: signed for it, handled it or closed it on the spot. */
    RESPONDED,
    /** 应结案: filed and not voided — a case that has to be closed. */
    ACTIVE;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
