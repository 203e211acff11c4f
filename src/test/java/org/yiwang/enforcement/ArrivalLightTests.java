package org.yiwang.enforcement;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The arrival clock's light: green under 80 % of the 10 minutes, yellow to 100 %, red beyond; arrived late stays red. */
class ArrivalLightTests {

    static final Instant SUMMONED = Instant.parse("2026-12-07T02:00:00Z");
    static final Summons WAITING = new Summons(1, "秦淮区市场监督管理局", SUMMONED, SUMMONED.plus(Duration.ofMinutes(10)), null, null, null);

    @Test
    void aWaitingDepartmentTurnsYellowAtEightMinutesAndRedAfterTen() {
        assertThat(WAITING.light(SUMMONED.plus(Duration.ofMinutes(7)).plusSeconds(59))).isEqualTo(Summons.Light.GREEN);
        assertThat(WAITING.light(SUMMONED.plus(Duration.ofMinutes(8)))).isEqualTo(Summons.Light.YELLOW);
        assertThat(WAITING.light(SUMMONED.plus(Duration.ofMinutes(10)))).isEqualTo(Summons.Light.YELLOW);
        assertThat(WAITING.light(SUMMONED.plus(Duration.ofMinutes(10)).plusSeconds(1))).isEqualTo(Summons.Light.RED);
    }

    @Test
    void anArrivalKeepsTheLightItEarnedWhateverTheTimeNow() {
        Summons onTime = new Summons(1, "d", SUMMONED, WAITING.dueAt(), SUMMONED.plus(Duration.ofMinutes(9)), "x", null);
        Summons late = new Summons(1, "d", SUMMONED, WAITING.dueAt(), SUMMONED.plus(Duration.ofMinutes(12)), "x", null);
        Instant muchLater = SUMMONED.plus(Duration.ofHours(5));
        assertThat(onTime.light(muchLater)).isEqualTo(Summons.Light.GREEN);
        assertThat(late.light(muchLater)).isEqualTo(Summons.Light.RED);
    }
}
