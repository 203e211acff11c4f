package org.yiwang.fieldwork;

/** What became of a finding of the patrol log. */
public enum FindingOutcome {
    /** 记录 — kept in the log only (民情日志). */
    LOGGED,
    /** 上报 — reported as a work order through the one intake. */
    REPORTED,
    /** 即发即处 — a small matter the worker dealt with there and then: an order closed on the spot. */
    CLOSED_ON_SPOT
}
