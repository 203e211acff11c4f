package org.yiwang.people.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per client address on this node, in memory, at two levels: one address trying one
 * username is blocked after a few failures in a window ({@code ipUserMaxFailures}); an address as a whole only
 * after many more ({@code ipMaxFailures}), because behind a NAT or a proxy one address stands for many people,
 * and one person mistyping their password must not lock out the others. Both maps are bounded.
 */
@Component
class AddressThrottle {

    static final int MAX_TRACKED = 100_000;

    private final Counter addresses;
    private final Counter addressUsers;
    private final Clock clock;

    @Autowired
    AddressThrottle(LoginProperties properties, Clock clock) {
        this(properties.ipMaxFailures(), properties.ipUserMaxFailures(), properties.ipWindow(), properties.ipBlock(), clock);
    }

    AddressThrottle(int maxFailures, int maxFailuresPerUsername, Duration window, Duration block, Clock clock) {
        this.addresses = new Counter(maxFailures, window, block);
        this.addressUsers = new Counter(maxFailuresPerUsername, window, block);
        this.clock = clock;
    }

    /** Until when the address as a whole is blocked, if it is now. */
    Optional<Instant> blockedUntil(String address) {
        return addresses.blockedUntil(address, clock.instant());
    }

    /** Until when this address may not sign in as this username (or at all), if it is now. */
    Optional<Instant> blockedUntil(String address, String username) {
        Instant now = clock.instant();
        return later(addresses.blockedUntil(address, now), addressUsers.blockedUntil(pair(address, username), now));
    }

    /** Counts a failure of an address without a username (a bad token); returns until when it is now blocked, if it is. */
    Optional<Instant> recordFailure(String address) {
        return addresses.recordFailure(address, clock.instant());
    }

    /** Counts a failed sign-in as {@code username}; returns until when the pair or the address is now blocked, if it is. */
    Optional<Instant> recordFailure(String address, String username) {
        Instant now = clock.instant();
        return later(addresses.recordFailure(address, now), addressUsers.recordFailure(pair(address, username), now));
    }

    private static String pair(String address, String username) {
        return address + ' ' + username;
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }

    /** Failures per key within a window; a key reaching the limit is blocked for a while. */
    private static final class Counter {

        private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
        private final int maxFailures;
        private final Duration window;
        private final Duration block;

        Counter(int maxFailures, Duration window, Duration block) {
            this.maxFailures = maxFailures;
            this.window = window;
            this.block = block;
        }

        Optional<Instant> blockedUntil(String key, Instant now) {
            Window w = windows.get(key);
            return w != null && w.blockedUntil() != null && w.blockedUntil().isAfter(now) ? Optional.of(w.blockedUntil()) : Optional.empty();
        }

        Optional<Instant> recordFailure(String key, Instant now) {
            if (windows.size() >= MAX_TRACKED) {
                windows.values().removeIf(w -> w.expired(now, window));
            }
            Window updated = windows.compute(key, (k, w) -> {
                if (w == null || w.expired(now, window)) {
                    w = new Window(now, 0, null);
                }
                int failures = w.failures() + 1;
                Instant blockedUntil = failures >= maxFailures ? now.plus(block) : w.blockedUntil();
                return new Window(w.start(), failures >= maxFailures ? 0 : failures, blockedUntil);
            });
            return Optional.ofNullable(updated.blockedUntil()).filter(until -> until.isAfter(now));
        }
    }

    private record Window(Instant start, int failures, Instant blockedUntil) {

        boolean expired(Instant now, Duration length) {
            return start.plus(length).isBefore(now) && (blockedUntil == null || blockedUntil.isBefore(now));
        }
    }
}
