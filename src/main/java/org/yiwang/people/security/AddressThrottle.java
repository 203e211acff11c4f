package org.yiwang.people.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per client address on this node, in memory: an address with too many
 * failures in a window is blocked for a while, whatever usernames it tries. The map is bounded.
 */
@Component
class AddressThrottle {

    static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Duration block;
    private final Clock clock;

    @Autowired
    AddressThrottle(LoginProperties properties, Clock clock) {
        this(properties.ipMaxFailures(), properties.ipWindow(), properties.ipBlock(), clock);
    }

    AddressThrottle(int maxFailures, Duration window, Duration block, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
        this.clock = clock;
    }

    Optional<Instant> blockedUntil(String address) {
        Window w = windows.get(address);
        Instant now = clock.instant();
        return w != null && w.blockedUntil() != null && w.blockedUntil().isAfter(now) ? Optional.of(w.blockedUntil()) : Optional.empty();
    }

    /** Counts a failure; returns until when the address is now blocked, if it is. */
    Optional<Instant> recordFailure(String address) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> w.expired(now, window));
        }
        Window updated = windows.compute(address, (k, w) -> {
            if (w == null || w.expired(now, window)) {
                w = new Window(now, 0, null);
            }
            int failures = w.failures() + 1;
            Instant blockedUntil = failures >= maxFailures ? now.plus(block) : w.blockedUntil();
            return new Window(w.start(), failures >= maxFailures ? 0 : failures, blockedUntil);
        });
        return Optional.ofNullable(updated.blockedUntil()).filter(until -> until.isAfter(now));
    }

    private record Window(Instant start, int failures, Instant blockedUntil) {

        boolean expired(Instant now, Duration length) {
            return start.plus(length).isBefore(now) && (blockedUntil == null || blockedUntil.isBefore(now));
        }
    }
}
