package org.yiwang.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every spelling of a phone or ID number that the outside probe got through the mask, and what must stay readable. */
class PersonalDataSpellingsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain mobile                 | 电话13812345672       | 电话138****5672
            hyphenated mobile            | 电话138-1234-5672     | 电话138-****-5672
            spaced mobile                | 138 1234 5672         | 138 **** 5672
            digit by digit               | 1 3 8 1 2 3 4 5 6 7 2 | 1 3 8 * * * * 5 6 7 2
            dotted mobile                | 138.1234.5672         | 138.****.5672
            +86 mobile                   | +8613812345679        | +86138****5679
            +86 spaced                   | +86 138 1234 5679     | +86 138 **** 5679
            86 mobile                    | 8613812345679         | 86138****5679
            0086 mobile                  | 008613812345679       | 0086138****5679
            full-width mobile            | １３８１２３４５６７２     | １３８****５６７２
            full-width plus hyphens      | ＋８６－１３８－１２３４－５６７２ | ＋８６－１３８－****－５６７２
            mobile then letters          | 13812345672abc        | 138****5672abc
            18-digit ID                  | 身份证320104198001011234  | 身份证320104********1234
            18-digit ID with x           | 32010419800101123x。   | 320104********123x。
            spaced 18-digit ID           | 320104 19800101 1234  | 320104 ******** 1234
            hyphenated 18-digit ID       | 320104-1980-0101-123X | 320104-****-****-123X
            full-width 18-digit ID       | ３２０１０４１９８００１０１１２３４ | ３２０１０４********１２３４
            ID after letters             | ID32010419800101123X  | ID320104********123X
            15-digit ID                  | 旧证320104800101123    | 旧证320104*****1123
            spaced 15-digit ID           | 320104 800101 123     | 320104 *****1 123
            landline                     | 座机025-84412345        | 座机025-****2345
            landline with parentheses    | (025)84412345         | (025)****2345
            landline 4-digit area        | 0512-62781234         | 0512-****1234
            +86 landline                 | +86 25 8441 2345      | +86 25 **** 2345
            mobile after a date          | 2026-11-22 13812345672 | 2026-11-22 138****5672
            two mobiles                  | 13812345672/13912345678 | 138****5672/139****5678
            """)
    void everySpellingIsMasked(String spelling, String text, String masked) {
        assertThat(PersonalData.maskText(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            order number                 | YW202611220000001
            hotline number               | 12345-20261122-0001
            grid code                    | 网格 320104002001003
            date and time                | 2026-11-22 09:30:00
            coordinates                  | 32.0236,118.7881
            money                        | 罚款 2000.00 元
            long number                  | 2026112100001
            duty-list version            | v12.3.4
            """)
    void ordinaryNumbersStayReadable(String what, String text) {
        assertThat(PersonalData.maskText(text)).isEqualTo(text);
    }
}
