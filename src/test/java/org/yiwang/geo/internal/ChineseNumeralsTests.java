package org.yiwang.geo.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNumeralsTests {

    @Test
    void writesNumbersAsGridNamesDo() {
        assertThat(ChineseNumerals.of(1)).isEqualTo("一");
        assertThat(ChineseNumerals.of(10)).isEqualTo("十");
        assertThat(ChineseNumerals.of(12)).isEqualTo("十二");
        assertThat(ChineseNumerals.of(20)).isEqualTo("二十");
        assertThat(ChineseNumerals.of(105)).isEqualTo("一百零五");
        assertThat(ChineseNumerals.of(110)).isEqualTo("一百一十");
        assertThat(ChineseNumerals.of(1005)).isEqualTo("一千零五");
        assertThat(ChineseNumerals.of(2024)).isEqualTo("二千零二十四");
    }
}
