package org.yiwang.desks;

import org.junit.jupiter.api.Test;
import org.yiwang.platform.LocalizedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordCallTests {

    @Test
    void aCallNeedsAResultInWords() {
        assertThatThrownBy(() -> new RecordCall(true, "  ", false)).isInstanceOf(LocalizedException.class)
                .extracting(e -> ((LocalizedException) e).messageKey()).isEqualTo("desks.followUp.error.resultRequired");
        assertThatThrownBy(() -> new RecordCall(true, "长".repeat(RecordCall.MAX_RESULT + 1), false))
                .extracting(e -> ((LocalizedException) e).messageKey()).isEqualTo("desks.followUp.error.resultTooLong");
        assertThat(new RecordCall(false, " 无人接听 ", false).result()).isEqualTo("无人接听");
    }

    @Test
    void anOrderIsReopenedOnlyAfterReachingTheResident() {
        assertThatThrownBy(() -> new RecordCall(false, "无人接听", true))
                .extracting(e -> ((LocalizedException) e).messageKey()).isEqualTo("desks.followUp.error.reopenUnreached");
        assertThat(new RecordCall(true, "仍未修好", true).reopen()).isTrue();
    }
}
