package org.yiwang.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPropertiesTests {

    @Test
    void unsetHistoryIsMadeOnTheEmbeddedDatabaseOnlyAndAnExplicitSettingWins() {
        DemoProperties unset = new DemoProperties(null, 90, 12, 1);
        assertThat(unset.historyOn(null)).isTrue();
        assertThat(unset.historyOn(" ")).isTrue();
        assertThat(unset.historyOn("jdbc:postgresql://db.example:5432/yiwang")).isFalse();
        assertThat(new DemoProperties(true, 90, 12, 1).historyOn("jdbc:postgresql://db.example:5432/yiwang")).isTrue();
        assertThat(new DemoProperties(false, 90, 12, 1).historyOn(null)).isFalse();
    }
}
