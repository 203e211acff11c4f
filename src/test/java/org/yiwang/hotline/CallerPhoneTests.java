package org.yiwang.hotline;

import org.junit.jupiter.api.Test;
import org.yiwang.platform.LocalizedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerPhoneTests {

    @Test
    void theSameNumberTypedInDifferentWaysIsTheSameCaller() {
        assertThat(CallerPhone.of("138-1234-5678")).isEqualTo(CallerPhone.of("13812345678"));
        assertThat(CallerPhone.of("+86 138 1234 5678")).isEqualTo(CallerPhone.of("13812345678"));
        assertThat(CallerPhone.of("0086 13812345678")).isEqualTo(CallerPhone.of("13812345678"));
        assertThat(CallerPhone.of("１３８１２３４５６７８")).isEqualTo(CallerPhone.of("13812345678"));
        assertThat(CallerPhone.of("025-8468 1234").digits()).isEqualTo("02584681234");
    }

    @Test
    void aNumberIsShownMasked() {
        assertThat(CallerPhone.of("13812345678").masked()).isEqualTo("138****5678");
        assertThat(CallerPhone.of("13812345678").toString()).doesNotContain("1234");
    }

    @Test
    void lettersTooFewOrTooManyDigitsAreRefusedNamingThePhone() {
        for (String bad : new String[]{"1381234567a", "1234", "1234567890123456", "  "}) {
            assertThatThrownBy(() -> CallerPhone.of(bad)).isInstanceOfSatisfying(LocalizedException.class,
                    e -> assertThat(e.messageKey()).startsWith("hotline.error.phone"));
        }
    }

    @Test
    void smartcnSegmentsChineseSoThatAQuestionFindsItsWords() {
        assertThat(Terms.of("小区停车费怎么收")).contains("停车", "收");
        assertThat(Terms.anyOf("停车费？")).contains("停车");
        assertThat(Terms.anyOf("？！")).isNull();
    }
}
