package org.yiwang.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Masking of personal data (个人信息): mobile phone numbers show the first 3 and last 4 digits, ID
 * card numbers (居民身份证号) the first 6 and last 4 characters. Used for every response and, through
 * the log converter, every log line. Everyone but the person themself sees them masked; a user whose
 * work needs them unmasked asks through {@link PersonalDataAccess}, which records who saw what and why.
 */
public final class PersonalData {


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

    /** 张三 → 张*, 欧阳娜娜 → 欧***: the family name stays, so that a callback can address the person. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        // a role or unit in brackets after the name ("周敏（居民）") is no personal data: it stays readable
        int bracket = n.indexOf('（') > 0 ? n.indexOf('（') : n.indexOf('(') > 0 ? n.indexOf('(') : n.length();
        String own = n.substring(0, bracket).stripTrailing();
        int first = own.offsetByCodePoints(0, 1);
        return own.substring(0, first) + "*".repeat(Math.max(1, own.codePointCount(first, own.length()))) + n.substring(own.length());
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

    /** The phone as {@code viewer} may see it: their own in full, anyone else's masked (shown only through {@link PersonalDataAccess}). */
    public static String phoneFor(Actor viewer, long ownerUserId, String phone) {
        return owner(viewer, ownerUserId) ? phone : maskPhone(phone);
    }

    /** The ID number as {@code viewer} may see it: their own in full, anyone else's masked. */
    public static String idNumberFor(Actor viewer, long ownerUserId, String idNumber) {
        return owner(viewer, ownerUserId) ? idNumber : maskIdNumber(idNumber);
    }

    /** The name as {@code viewer} may see it: their own in full, anyone else's masked. */
    public static String nameFor(Actor viewer, long ownerUserId, String name) {
        return owner(viewer, ownerUserId) ? name : maskName(name);
    }

    /** Free text as {@code viewer} may see it: their own words in full, anyone else's with phone and ID numbers masked. */
    public static String textFor(Actor viewer, long ownerUserId, String text) {
        return owner(viewer, ownerUserId) ? text : maskText(text);
    }

    private static boolean owner(Actor viewer, long ownerUserId) {
        return viewer != null && ownerUserId > 0 && viewer.userId() == ownerUserId;
    }

    /**
     * Masks every phone or ID number that appears in free text, e.g. a log line or a complaint, in every
     * spelling people type: mobile numbers with or without +86 / 86 / 0086 and with spaces, hyphens or
     * dots between the digits, landlines with their area code, 18- and 15-digit ID numbers (also spaced),
     * ASCII or full-width digits. Separators stay where they were; masked digits become {@code *}. An
     * 18- or 15-digit run is an ID number only when its birth date is a real date, so grid codes and
     * order numbers in the same text stay readable.
     */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char[] out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (digit(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            // the digit groups from here on, each separated from the next by at most two separators
            List<int[]> groups = new ArrayList<>();
            int at = i;
            while (true) {
                int end = at;
                while (end < n && digit(text.charAt(end)) >= 0) {
                    end++;
                }
                groups.add(new int[]{at, end});
                int next = end;
                int separators = 0;
                while (next < n && separators < 2 && separator(text.charAt(next))) {
                    next++;
                    separators++;
                }
                if (separators == 0 || next >= n || digit(text.charAt(next)) < 0) {
                    break;
                }
                at = next;
            }
            int g = 0;
            while (g < groups.size()) {
                int matched = -1;
                int[] mask = null;
                boolean international = g == 0 && groups.get(0)[0] > 0 && plus(text.charAt(groups.get(0)[0] - 1));
                // the longest spelling is 0086 + 11 digits, or 18 characters: look no further than 19 digits
                int furthest = g;
                int count = groups.get(g)[1] - groups.get(g)[0];
                while (furthest + 1 < groups.size() && count + groups.get(furthest + 1)[1] - groups.get(furthest + 1)[0] <= 19) {
                    furthest++;
                    count += groups.get(furthest)[1] - groups.get(furthest)[0];
                }
                for (int k = furthest; k >= g && mask == null; k--) {
                    mask = classify(text, groups, g, k, international);
                    matched = k;
                }
                if (mask == null) {
                    g++;
                    continue;
                }
                if (out == null) {
                    out = text.toCharArray();
                }
                for (int index : mask) {
                    out[index] = '*';
                }
                g = matched + 1;
            }
            i = groups.getLast()[1];
        }
        return out == null ? text : new String(out);
    }

    /** The text positions to mask when groups {@code from..to} spell a phone or ID number, else null. */
    private static int[] classify(String text, List<int[]> groups, int from, int to, boolean international) {
        StringBuilder digits = new StringBuilder(24);
        int[] positions = new int[24];
        for (int g = from; g <= to; g++) {
            for (int p = groups.get(g)[0]; p < groups.get(g)[1]; p++) {
                if (digits.length() == positions.length) {
                    return null;
                }
                positions[digits.length()] = p;
                digits.append((char) ('0' + digit(text.charAt(p))));
            }
        }
        int last = groups.get(to)[1];
        // an ID number may end in X, written right after its 17th digit
        if (digits.length() == 17 && last < text.length() && "XxＸｘ".indexOf(text.charAt(last)) >= 0
                && (last + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(last + 1)))) {
            positions[17] = last;
            digits.append('X');
        }
        String d = digits.toString();
        int length = d.length();
        int prefix = d.startsWith("0086") ? 4 : d.startsWith("86") && (international || length == 13) ? 2 : 0;
        String national = d.substring(prefix);
        if (national.length() == 11 && national.charAt(0) == '1' && national.charAt(1) >= '3') {
            return range(positions, prefix + 3, prefix + 7);
        }
        if (prefix == 0 && length == 18 && d.charAt(0) != '0' && d.substring(0, 17).chars().allMatch(Character::isDigit)
                && validDate(d, 6, 4)) {
            return range(positions, 6, 14);
        }
        if (prefix == 0 && length == 15 && d.charAt(0) != '0' && d.chars().allMatch(Character::isDigit) && validDate(d, 6, 2)) {
            return range(positions, 6, 11);
        }
        // landlines: 0 + area code (2–3 digits) + 7–8 digits; after a country code the 0 is left out
        if (!national.chars().allMatch(Character::isDigit)) {
            return null;
        }
        boolean trunkless = prefix > 0 && national.charAt(0) != '0';
        String trunk = trunkless ? "0" + national : national;
        if ((prefix > 0 || trunk.charAt(0) == '0') && trunk.length() >= 10 && trunk.length() <= 12
                && trunk.charAt(0) == '0' && trunk.charAt(1) != '0') {
            int shift = trunkless ? 1 : 0;
            int area = trunk.charAt(1) == '1' || trunk.charAt(1) == '2' ? 3 : 4;
            return range(positions, prefix + area - shift, prefix + trunk.length() - 4 - shift);
        }
        return null;
    }

    private static boolean validDate(String d, int at, int yearDigits) {
        if (!Character.isDigit(d.charAt(at + yearDigits + 3))) {
            return false;
        }
        int year = Integer.parseInt(d.substring(at, at + yearDigits));
        int month = Integer.parseInt(d.substring(at + yearDigits, at + yearDigits + 2));
        int day = Integer.parseInt(d.substring(at + yearDigits + 2, at + yearDigits + 4));
        if (yearDigits == 4 && (year < 1900 || year > 2099)) {
            return false;
        }
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(yearDigits == 4 ? year : 1900 + year, month).lengthOfMonth();
    }

    private static int[] range(int[] positions, int from, int to) {
        return java.util.Arrays.copyOfRange(positions, from, to);
    }

    /** The value of an ASCII or full-width digit, else -1. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return c - '\uFF10';
        }
        return -1;
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '\u00A0' || c == '\u3000' || c == '\uFF0D' || c == '\u2010'
                || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212' || c == '(' || c == ')'
                || c == '\uFF08' || c == '\uFF09';
    }

    private static boolean plus(char c) {
        return c == '+' || c == '\uFF0B';
    }

}
