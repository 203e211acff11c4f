package org.yiwang.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowGuardTests {

    @Test
    void aRowThatFailsIsShownDegradedAndTheOthersInFull() {
        List<String> shown = RowGuard.<Integer, String>each("number", List.of(4, 0, 2), n -> n, n -> "100/" + n + "=" + (100 / n), n -> n + ": —");
        assertThat(shown).containsExactly("100/4=25", "0: —", "100/2=50");
    }

    @Test
    void aSingleRowDegradesTheSameWay() {
        String shown = RowGuard.<Integer, String>one("number", 0, n -> n, n -> String.valueOf(1 / n), n -> "—");
        assertThat(shown).isEqualTo("—");
    }
}
