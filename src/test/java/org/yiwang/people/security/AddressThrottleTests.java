package org.yiwang.people.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AddressThrottleTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    final AddressThrottle throttle = new AddressThrottle(3, 2, Duration.ofMinutes(10), Duration.ofMinutes(5), clock);

    @Test
    void blocksAnAddressAfterTooManyFailuresInTheWindow() {
        throttle.recordFailure("10.1.1.1");
        throttle.recordFailure("10.1.1.1");
        assertThat(throttle.blockedUntil("10.1.1.1")).isEmpty();
        assertThat(throttle.recordFailure("10.1.1.1")).contains(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(throttle.blockedUntil("10.1.1.1")).isPresent();
        assertThat(throttle.blockedUntil("10.1.1.2")).isEmpty();
    }

    @Test
    void oneUsernameFailingFromAnAddressBlocksOnlyThatUsernameThere() {
        throttle.recordFailure("10.1.1.1", "alice");
        assertThat(throttle.recordFailure("10.1.1.1", "alice")).contains(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(throttle.blockedUntil("10.1.1.1", "alice")).isPresent();
        assertThat(throttle.blockedUntil("10.1.1.1", "bob")).isEmpty();
        assertThat(throttle.blockedUntil("10.1.1.2", "alice")).isEmpty();
        assertThat(throttle.blockedUntil("10.1.1.1")).isEmpty();
    }

    @Test
    void manyUsernamesFailingFromAnAddressBlockTheAddressForEveryone() {
        throttle.recordFailure("10.1.1.1", "a");
        throttle.recordFailure("10.1.1.1", "b");
        assertThat(throttle.blockedUntil("10.1.1.1", "c")).isEmpty();
        throttle.recordFailure("10.1.1.1", "c");
        assertThat(throttle.blockedUntil("10.1.1.1", "d")).isPresent();
        assertThat(throttle.blockedUntil("10.1.1.1")).isPresent();
    }

    @Test
    void theBlockEndsAfterItsTime() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("10.1.1.1");
        }
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(throttle.blockedUntil("10.1.1.1")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        throttle.recordFailure("10.1.1.1");
        throttle.recordFailure("10.1.1.1");
        clock.advance(Duration.ofMinutes(11));
        throttle.recordFailure("10.1.1.1");
        assertThat(throttle.blockedUntil("10.1.1.1")).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
