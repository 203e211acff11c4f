package org.yiwang.registry;

import org.junit.jupiter.api.Test;
import org.yiwang.platform.IdNumbers;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a person as typed, without Spring. */
class PersonFormTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final String WOMAN_1938 = IdNumbers.withCheckCharacter("32010419380808002");

    static PersonForm form(String idNumber, String birthDate, String gender, String residence, List<String> tags) {
        return new PersonForm(1L, null, " 欧阳淑芬 ", gender, birthDate, idNumber, "139 1234 0001", residence, null, null, tags);
    }

    @Test
    void birthDateAndGenderComeFromTheIdNumber() {
        PersonDetails d = form(WOMAN_1938.toLowerCase(), null, null, "registered", List.of("living_alone_elderly")).details(TODAY);
        assertThat(d.birthDate()).isEqualTo(LocalDate.of(1938, 8, 8));
        assertThat(d.gender()).isEqualTo(Kinds.Gender.FEMALE);
        assertThat(d.age(TODAY)).isEqualTo(88);
        assertThat(d.name()).isEqualTo("欧阳淑芬");
        assertThat(d.phone()).isEqualTo("13912340001");
        assertThat(d.relation()).isEqualTo(Kinds.Relation.OTHER);
        assertThat(d.living()).isEqualTo(Kinds.Living.PRESENT);
    }

    @Test
    void aBirthDateOrGenderThatContradictsTheIdNumberIsRefusedNamingTheField() {
        assertThatThrownBy(() -> form(WOMAN_1938, "1938-08-09", null, "REGISTERED", List.of()).details(TODAY))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.field()).isEqualTo("birthDate"));
        assertThatThrownBy(() -> form(WOMAN_1938, null, "MALE", "REGISTERED", List.of()).details(TODAY))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.field()).isEqualTo("gender"));
    }

    @Test
    void onlyForeignersMayLackAnIdNumberAndThenNeedBirthDateAndGender() {
        assertThatThrownBy(() -> form(null, "1990-01-01", "MALE", "FLOATING", List.of()).details(TODAY))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.field()).isEqualTo("idNumber"));
        assertThatThrownBy(() -> form(null, null, "MALE", "FOREIGN", List.of()).details(TODAY))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.field()).isEqualTo("birthDate"));
        assertThat(form(null, "1990-01-01", "male", "FOREIGN", List.of()).details(TODAY).idNumber()).isNull();
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        assertThatThrownBy(() -> form(null, "2027-01-01", "FEMALE", "FOREIGN", List.of()).details(TODAY))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.messageKey()).isEqualTo("registry.invalid.birthDateRange"));
    }

    @Test
    void theMostFrequentCareVisitWins() {
        PersonDetails d = form(WOMAN_1938, null, null, "REGISTERED", List.of("ADVANCED_AGE", "LIVING_ALONE_ELDERLY", "VETERAN")).details(TODAY);
        assertThat(d.visitEvery()).contains(Period.ofWeeks(1));
        assertThat(d.special()).isFalse();
        assertThat(form(WOMAN_1938, null, null, "REGISTERED", List.of("KEY_PETITIONER")).details(TODAY).special()).isTrue();
    }

    @Test
    void phonesAreMobileOrLandlineNumbers() {
        assertThat(Fields.phone("phone", "+86 139-1234-5678")).isEqualTo("13912345678");
        assertThat(Fields.phone("phone", "025-52201234")).isEqualTo("02552201234");
        assertThatThrownBy(() -> Fields.phone("phone", "2345678901")).isInstanceOf(RegistryException.class);
        assertThatThrownBy(() -> Fields.phone("phone", "1391234567a")).isInstanceOf(RegistryException.class);
    }

    @Test
    void creditCodesCarryTheirCheckCharacter() {
        assertThat(Fields.validCreditCode("91350100M000100Y43")).isTrue();
        assertThat(Fields.validCreditCode("91350100M000100Y44")).isFalse();
        String made = Fields.withCreditCheck("91320104MA1ABCDEF");
        assertThat(Fields.creditCode("creditCode", made.toLowerCase())).isEqualTo(made);
    }

    @Test
    void textWithControlCharactersOrTooLongIsRefused() {
        assertThatThrownBy(() -> Fields.required("name", "张\u0000三", 50)).isInstanceOf(RegistryException.class);
        assertThatThrownBy(() -> Fields.required("name", "张".repeat(51), 50))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.messageKey()).isEqualTo("registry.invalid.tooLong"));
        assertThat(Fields.optional("name", "  ", 50)).isNull();
    }
}
