package org.yiwang.desks;

import org.yiwang.platform.LocalizedException;

/**
 * The outcome of a 回访 call, checked when made: whether the resident was reached, what came of it (required),
 * and whether the order is reopened because the problem persists (only after reaching the resident).
 */
public record RecordCall(boolean reached, String result, boolean reopen) {

    public static final int MAX_RESULT = 500;

    public RecordCall {
        result = result == null ? "" : result.strip();
        if (result.isEmpty()) {
            throw LocalizedException.badRequest("desks.followUp.error.resultRequired");
        }
        if (result.length() > MAX_RESULT) {
            throw LocalizedException.badRequest("desks.followUp.error.resultTooLong", MAX_RESULT);
        }
        if (reopen && !reached) {
            throw LocalizedException.badRequest("desks.followUp.error.reopenUnreached");
        }
    }
}
