package org.yiwang.catalog;

/**
 * A duty-list version became the active one; routing uses it from now on.
 *
 * @param previous the version it replaced, null when none was active
 */
public record DutyListActivated(int version, Integer previous) {
}
