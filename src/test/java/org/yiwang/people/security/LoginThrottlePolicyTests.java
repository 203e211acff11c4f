package org.yiwang.people.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottlePolicyTests {

    final LoginThrottlePolicy policy = new LoginThrottlePolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(30));

    @Test
    void fourFailuresInARowDoNotLock() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(policy.lockAfter(failures)).isEmpty();
        }
    }

    @Test
    void theFifthFailureLocksForAMinuteAndEveryFurtherOneDoublesIt() {
        assertThat(policy.lockAfter(5)).contains(Duration.ofMinutes(1));
        assertThat(policy.lockAfter(6)).contains(Duration.ofMinutes(2));
        assertThat(policy.lockAfter(7)).contains(Duration.ofMinutes(4));
        assertThat(policy.lockAfter(8)).contains(Duration.ofMinutes(8));
        assertThat(policy.lockAfter(9)).contains(Duration.ofMinutes(16));
    }

    @Test
    void locksNeverExceedHalfAnHour() {
        assertThat(policy.lockAfter(10)).contains(Duration.ofMinutes(30));
        assertThat(policy.lockAfter(1_000)).contains(Duration.ofMinutes(30));
        assertThat(policy.lockAfter(Integer.MAX_VALUE)).contains(Duration.ofMinutes(30));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        LoginProperties defaults = new LoginProperties(5, Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofHours(24),
                500, 10, Duration.ofMinutes(10), Duration.ofMinutes(10));
        assertThat(defaults.policy()).isEqualTo(policy);
        assertThat(policy.lockAfter(5)).isEqualTo(Optional.of(Duration.ofMinutes(1)));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new LoginThrottlePolicy(0, Duration.ofMinutes(1), Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, Duration.ofMinutes(10), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
