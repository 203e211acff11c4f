package org.yiwang.intake;

import org.yiwang.platform.Actor;
import org.yiwang.platform.PersonalData;

/** How intake shows the people behind reports: the caller's name and phone always masked, the text by the reader's rights. */
final class Masking {

    private Masking() {
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: the family name stays, so that a callback can address the caller. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }

    static String phone(String phone) {
        return PersonalData.maskPhone(phone);
    }

    static String text(String text, Actor reader) {
        return reader != null && reader.seesPersonalData() ? text : PersonalData.maskText(text);
    }
}
