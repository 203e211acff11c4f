package org.yiwang.people.security;

import java.time.Duration;
import java.util.Optional;

/**
 * How long an account is locked after consecutive failed sign-ins: not at all below
 * {@code maxFailures}; then {@code firstLock}, doubling with every further failure, at most
 * {@code maxLock} (defaults: 5 failures, 1 min, 2, 4, 8, 16, then 30 min).
 */
public record LoginThrottlePolicy(int maxFailures, Duration firstLock, Duration maxLock) {

    public LoginThrottlePolicy {
        if (maxFailures < 1 || firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("maxFailures ≥ 1 and 0 < firstLock ≤ maxLock expected");
        }
    }

    /** The lock that follows the {@code consecutiveFailures}-th failure in a row, if any. */
    public Optional<Duration> lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < maxFailures) {
            return Optional.empty();
        }
        int doublings = consecutiveFailures - maxFailures;
        Duration lock = firstLock;
        for (int i = 0; i < doublings && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return Optional.of(lock.compareTo(maxLock) > 0 ? maxLock : lock);
    }
}
