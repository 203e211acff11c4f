package org.yiwang.platform;

import java.util.Locale;

/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999): 6-digit address code, 8-digit birth
 * date, 3-digit sequence and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** The number in canonical form (trimmed, upper-case X), or null when it is not a valid number. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String id = value.trim().toUpperCase(Locale.ROOT);
        if (id.length() != 18 || id.charAt(0) == '0') {
            return null;
        }
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        if (!validBirthDate(id.substring(6, 14))) {
            return null;
        }
        return checkCharacter(id.substring(0, 17)) == id.charAt(17) ? id : null;
    }

    /** The first 17 digits completed with their check character. */
    public static String withCheckCharacter(String first17) {
        if (first17.length() != 17 || !first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("17 digits expected");
        }
        return first17 + checkCharacter(first17);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static boolean validBirthDate(String yyyymmdd) {
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(yyyymmdd, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            return date.getYear() >= 1800;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
