package org.yiwang.sorter;

/** Where a model version stands. */
public enum ModelStatus {
    /** Trained, never activated (it did worse than the active one, or automatic activation is off). */
    CANDIDATE,
    /** The one suggestions come from; at most one at a time. */
    ACTIVE,
    /** Was active once and was replaced; may be brought back by a rollback. */
    RETIRED
}
