package org.yiwang.hotline;

/** What came of a call. */
public enum CallOutcome {
    /** 新建工单 — the call became a new order. */
    NEW_ORDER,
    /** 重复来电 — the caller phoned again about an open order; linked to it, no new order. */
    REPEAT,
    /** 直接答复 — answered on the line from the knowledge base; no order. */
    DIRECT_ANSWER
}
