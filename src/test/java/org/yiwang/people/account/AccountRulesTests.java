package org.yiwang.people.account;

import org.yiwang.platform.IdNumbers;

import org.junit.jupiter.api.Test;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountRulesTests {

    @Test
    void usernamesAreLowerCasedAndChecked() {
        assertThat(AccountRules.username("  Wang.Lei ")).isEqualTo("wang.lei");
        assertThat(AccountRules.username("gw-320104002001001")).isEqualTo("gw-320104002001001");
        for (String bad : new String[]{null, "", "a", "-dash", "has space", "中文名", "x".repeat(65), "semi;colon"}) {
            assertThatThrownBy(() -> AccountRules.username(bad)).as(String.valueOf(bad))
                    .isInstanceOf(LocalizedException.class)
                    .extracting(e -> ((LocalizedException) e).messageKey()).isEqualTo("people.error.username");
        }
    }

    @Test
    void passwordsNeedEightCharactersAndFitBcrypt() {
        assertThat(AccountRules.password("Qinhuai#Grid-2026", "admin")).isEqualTo("Qinhuai#Grid-2026");
        assertThat(key(() -> AccountRules.password("short", "admin"))).isEqualTo("people.error.passwordTooShort");
        assertThat(key(() -> AccountRules.password(null, "admin"))).isEqualTo("people.error.passwordTooShort");
        assertThat(key(() -> AccountRules.password("密".repeat(25), "admin"))).isEqualTo("people.error.passwordTooLong");
        assertThat(key(() -> AccountRules.password("DISPATCHER", "dispatcher"))).isEqualTo("people.error.passwordWeak");
        assertThat(key(() -> AccountRules.password("         ", "admin"))).isEqualTo("people.error.passwordWeak");
    }

    @Test
    void leakedCommonAndPatternedPasswordsAreRefusedAsGuessable() {
        for (String weak : new String[]{"password", "resident123", "aaaaaaaa", "12345678", "iloveyou1", "qwertyuiop",
                "yiwang-demo", "admin-2026-admin"}) {
            assertThat(key(() -> AccountRules.password(weak, "admin"))).as(weak).isEqualTo("people.error.passwordGuessable");
        }
        assertThat(key(() -> AccountRules.password("Zhang.Wei-Copper-Mantis", "zhang.wei"))).isEqualTo("people.error.passwordGuessable");
        assertThat(AccountRules.password("Copper-Mantis-Fjord", "zhang.wei")).isEqualTo("Copper-Mantis-Fjord");
        assertThat(AccountRules.password("S7v!kd92-Lm", "zhang.wei")).isEqualTo("S7v!kd92-Lm");
    }

    @Test
    void phonesAreMobileOrLandline() {
        assertThat(AccountRules.phone("139 1234 5678")).isEqualTo("13912345678");
        assertThat(AccountRules.phone("+8613912345678")).isEqualTo("13912345678");
        assertThat(AccountRules.phone("025-84561234")).isEqualTo("025-84561234");
        assertThat(AccountRules.phone(" ")).isNull();
        assertThat(key(() -> AccountRules.phone("12345"))).isEqualTo("people.error.phone");
    }

    @Test
    void idNumbersNeedAValidCheckCharacter() {
        String valid = IdNumbers.withCheckCharacter("32010419850315002");
        assertThat(AccountRules.idNumber(valid.toLowerCase())).isEqualTo(valid);
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        assertThat(key(() -> AccountRules.idNumber(wrongCheck))).isEqualTo("people.error.idNumber");
        assertThat(key(() -> AccountRules.idNumber("320104198502300021"))).isEqualTo("people.error.idNumber"); // 30 Feb
    }

    @Test
    void knownCheckCharactersAreComputed() {
        // published examples of GB 11643 check characters
        assertThat(IdNumbers.normalize("11010519491231002X")).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.normalize("440524188001010014")).isEqualTo("440524188001010014");
        assertThat(IdNumbers.normalize("110105194912310021")).isNull();
    }

    @Test
    void rolesAreParsedByName() {
        assertThat(AccountRules.roles(List.of("dispatcher", "LEADER"))).containsExactlyInAnyOrder(Role.DISPATCHER, Role.LEADER);
        assertThatThrownBy(() -> AccountRules.roles(List.of("MAYOR")))
                .isInstanceOf(LocalizedException.class)
                .extracting(e -> ((LocalizedException) e).args()[0]).isEqualTo("MAYOR");
        assertThat(key(() -> AccountRules.roles(List.of()))).isEqualTo("people.error.rolesEmpty");
    }

    @Test
    void commandsDoNotPrintSecrets() {
        CreateUser command = new CreateUser("wang", "王磊", "Kq7-Secret-Vz2m", "13912345678",
                IdNumbers.withCheckCharacter("32010419850315002"), 1L, java.util.Set.of(Role.HANDLER), false);
        assertThat(command.toString()).doesNotContain("Kq7-Secret-Vz2m").doesNotContain("13912345678").doesNotContain("3201041985");
    }

    static String key(Runnable action) {
        try {
            action.run();
        } catch (LocalizedException e) {
            return e.messageKey();
        }
        throw new AssertionError("no LocalizedException");
    }
}
