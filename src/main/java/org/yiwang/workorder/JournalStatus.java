package org.yiwang.workorder;

import java.util.List;

/**
 * How far the followers of the work-order journal are: for operators (and the load harness, which waits
 * until they caught up before it reports a throughput).
 *
 * @param followers each follower that keeps its place in the database, with the changes it has not applied yet
 * @param parked    changes some follower could not apply, waiting to be tried again
 */
public record JournalStatus(List<Follower> followers, long parked) {

    public record Follower(String name, long behind) {
    }

    /**
     * A change a follower could not apply, as operators see it.
     *
     * @param actions the change's transitions, e.g. {@code REPORT, REGISTER, DISPATCH}
     */
    public record Parked(String follower, long orderId, String number, List<String> actions, String error, int attempts,
                         java.time.Instant parkedAt, java.time.Instant retriedAt) {
    }

    public long behind() {
        return followers.stream().mapToLong(Follower::behind).max().orElse(0);
    }
}
