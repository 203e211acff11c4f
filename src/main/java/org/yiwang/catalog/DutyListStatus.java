package org.yiwang.catalog;

/** Where a duty-list version stands: exactly one version is active at a time. */
public enum DutyListStatus {
    /** Imported, not in use yet; may be activated or deleted. */
    DRAFT,
    /** The version routing uses now. */
    ACTIVE,
    /** Was active; may be activated again (rollback). */
    RETIRED
}
