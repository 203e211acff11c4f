package org.yiwang.whistle;

/** Where a whistle stands. */
public enum WhistleStatus {
    /** Blown: departments are reporting in and the street is working on the matter. */
    OPEN,
    /** The street recorded the outcome; departments that had not reported in are marked as missing. */
    CLOSED,
    /** Withdrawn by the street (or because the work order was voided); pending departments are released. */
    CANCELLED
}
