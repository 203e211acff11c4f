package org.yiwang.sorter;

/** What became of a likely duplicate. */
public enum DuplicateStatus {
    /** Waiting for a dispatcher. */
    OPEN,
    /** The newer order was merged into the older one (合并). */
    MERGED,
    /** A dispatcher decided they are different problems. */
    KEPT_APART,
    /** One of the two was closed, voided or merged elsewhere before anybody decided. */
    OBSOLETE
}
