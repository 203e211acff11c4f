package org.yiwang.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masking of personal data (个人信息): mobile phone numbers show the first 3 and last 4 digits, ID
 * card numbers (居民身份证号) the first 6 and last 4 characters. Used for every response and, through
 * the log converter, every log line.
 */
public final class PersonalData {

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])");
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])([1-9][0-9]{5})([0-9]{8})([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[1-9][0-9]{1,2}-?)([0-9]{3,4})([0-9]{4})(?![0-9])");

    private PersonalData() {
    }

    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.trim();
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        int keepStart = Math.min(3, digits.length() - 4);
        return digits.substring(0, keepStart) + "*".repeat(digits.length() - keepStart - 4) + digits.substring(digits.length() - 4);
    }

    public static String maskIdNumber(String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        String s = id.trim();
        if (s.length() <= 10) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }

    /** The phone as {@code viewer} may see it. */
    public static String phoneFor(Actor viewer, long ownerUserId, String phone) {
        return viewer != null && (viewer.seesPersonalData() || viewer.userId() == ownerUserId) ? phone : maskPhone(phone);
    }

    /** The ID number as {@code viewer} may see it. */
    public static String idNumberFor(Actor viewer, long ownerUserId, String idNumber) {
        return viewer != null && (viewer.seesPersonalData() || viewer.userId() == ownerUserId) ? idNumber : maskIdNumber(idNumber);
    }

    /** Masks every phone or ID number that appears in free text, e.g. a log line or a complaint. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = replace(ID_CARD, text, m -> m.group(1) + "********" + m.group(3));
        result = replace(MOBILE, result, m -> m.group(1) + "****" + m.group(3));
        result = replace(LANDLINE, result, m -> m.group(1) + "*".repeat(m.group(2).length()) + m.group(3));
        return result;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
