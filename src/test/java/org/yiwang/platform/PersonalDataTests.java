package org.yiwang.platform;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

    static Actor viewer(long id, boolean seesPersonalData) {
        return new Actor(id, "u" + id, "U", Set.of(Role.DISPATCHER), 1L, "org", DataScope.NONE, seesPersonalData);
    }

    @Test
    void mobileNumbersKeepTheFirstThreeAndLastFourDigits() {
        assertThat(PersonalData.maskPhone("13912345678")).isEqualTo("139****5678");
        assertThat(PersonalData.maskPhone("025-84412345")).isEqualTo("025*****2345");
        assertThat(PersonalData.maskPhone("123")).isEqualTo("***");
        assertThat(PersonalData.maskPhone(null)).isNull();
    }

    @Test
    void idNumbersKeepTheRegionCodeAndTheLastFourCharacters() {
        assertThat(PersonalData.maskIdNumber("32010419800101123X")).isEqualTo("320104********123X");
    }

    @Test
    void freeTextHasEveryPhoneAndIdNumberMasked() {
        String text = "居民张三（13912345678，身份证32010419800101123X）来电，座机025-84412345";
        assertThat(PersonalData.maskText(text))
                .isEqualTo("居民张三（139****5678，身份证320104********123X）来电，座机025-****2345")
                .doesNotContain("13912345678").doesNotContain("19800101");
    }

    @Test
    void ordinaryNumbersInTextAreLeftAlone() {
        assertThat(PersonalData.maskText("工单 2026112100001 位于网格 320104002001003")).isEqualTo("工单 2026112100001 位于网格 320104002001003");
    }

    @Test
    void onlyTheOwnerSeesTheFullNumberEvenAdministratorsSeeItMasked() {
        assertThat(PersonalData.phoneFor(viewer(5, false), 5, "13912345678")).isEqualTo("13912345678");
        assertThat(PersonalData.phoneFor(viewer(6, true), 5, "13912345678")).isEqualTo("139****5678");
        assertThat(PersonalData.nameFor(viewer(6, true), 5, "欧阳娜娜")).isEqualTo("欧***");
        assertThat(PersonalData.maskName("周敏（居民）")).isEqualTo("周*（居民）");
        assertThat(PersonalData.maskName("Li Ming (resident)")).isEqualTo("L****** (resident)");
        assertThat(PersonalData.textFor(viewer(5, false), 5, "我的电话13912345678")).isEqualTo("我的电话13912345678");
        assertThat(PersonalData.phoneFor(viewer(6, false), 5, "13912345678")).isEqualTo("139****5678");
        assertThat(PersonalData.phoneFor(null, 5, "13912345678")).isEqualTo("139****5678");
    }
}
