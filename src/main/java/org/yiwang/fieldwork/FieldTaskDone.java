package org.yiwang.fieldwork;

import java.time.Instant;

/**
 * A field task was done (after its transaction commits, listeners in other modules hear it once, also after a
 * restart): the assigning module finds its own task by {@link #sourceKey}.
 */
public record FieldTaskDone(long taskId, String sourceKey, String gridCode, Instant doneAt, long doneBy, String doneByName, String note,
                            boolean onTime) {
}
