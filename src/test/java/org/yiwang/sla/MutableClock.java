package org.yiwang.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the tests move by hand: time passes only when a test says so. */
final class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.fixed(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves to {@code instant}; never backwards, so that contexts shared by several test classes stay consistent. */
    synchronized void moveTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }
}
