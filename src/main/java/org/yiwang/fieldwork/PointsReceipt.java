package org.yiwang.fieldwork;

import java.util.List;

/**
 * What became of a batch of track points: how many were new, how many the patrol already had (sent
 * before, or twice in the batch), and which were refused and why — the phone forgets all of them.
 */
public record PointsReceipt(int stored, int duplicates, List<Refused> refused) {

    public PointsReceipt {
        refused = List.copyOf(refused);
    }

    /** A point the patrol will not take. */
    public record Refused(int seq, Reason reason) {
    }

    public enum Reason {
        /** Its time is further ahead of the server's clock than the tolerance (2 minutes). */
        FUTURE,
        /** Its time is before the patrol started. */
        BEFORE_START,
        /** Its time is after the patrol ended. */
        AFTER_END
    }
}
