package org.yiwang.catalog;

import java.time.Instant;

/**
 * A version of the duty list. Versions are never edited: a change is a new version (imported as a
 * draft), activating it retires the one before, and activating an older version rolls back.
 *
 * @param createdBy username of the administrator who imported it, {@code system} for the generated default
 * @param activatedAt when it last became active, null for a draft that never was
 * @param entries number of entries
 */
public record DutyListVersion(int number, DutyListStatus status, String note, String createdBy, Instant createdAt,
                              String activatedBy, Instant activatedAt, Instant retiredAt, int entries) {
}
