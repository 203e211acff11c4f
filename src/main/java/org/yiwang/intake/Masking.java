package org.yiwang.intake;

import org.yiwang.platform.Actor;
import org.yiwang.platform.PersonalData;

/** How intake shows the people behind reports: the caller's name and phone always masked, the text by the reader's rights. */
final class Masking {

    private Masking() {
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: the family name stays, so that a callback can address the caller. */
    static String name(String name) {
        return PersonalData.maskName(name);
    }

    static String phone(String phone) {
        return PersonalData.maskPhone(phone);
    }

    /** Masked for every reader: the words are shown as typed only on an audited request (PersonalDataAccess). */
    static String text(String text, Actor reader) {
        return PersonalData.maskText(text);
    }
}
