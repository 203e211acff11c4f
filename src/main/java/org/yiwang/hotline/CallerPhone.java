package org.yiwang.hotline;

import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;

/**
 * A caller's number as the desk compares it: digits only, without the country code (+86, 0086) — so that
 * "138-1234-5678" and "+86 138 1234 5678" are the same caller. 5 to 15 digits (short service numbers up to
 * international ones); anything else is refused, naming the field {@code phone}.
 */
public record CallerPhone(String digits) {

    public CallerPhone {
        if (digits == null || !digits.matches("[0-9]{5,15}")) {
            throw LocalizedException.badRequest("hotline.error.phoneInvalid");
        }
    }

    public static CallerPhone of(String typed) {
        if (typed == null || typed.isBlank()) {
            throw LocalizedException.badRequest("hotline.error.phoneRequired");
        }
        StringBuilder d = new StringBuilder();
        for (char c : typed.strip().toCharArray()) {
            if (c >= '0' && c <= '9') {
                d.append(c);
            } else if (c >= '\uFF10' && c <= '\uFF19') {
                d.append((char) ('0' + c - '\uFF10'));
            } else if (" -.()（）+＋\u3000".indexOf(c) < 0) {
                throw LocalizedException.badRequest("hotline.error.phoneInvalid");
            }
        }
        String digits = d.toString();
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return new CallerPhone(digits);
    }

    public String masked() {
        return PersonalData.maskPhone(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
