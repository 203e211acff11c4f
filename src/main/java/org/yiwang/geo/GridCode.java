package org.yiwang.geo;

import java.util.regex.Pattern;

/**
 * A grid's 15-character code: 6 district + 3 street + 3 community digits (the community's 12-digit
 * code) and a 3-character sequence of digits or capital letters, never {@code 000}.
 */
public record GridCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{9}(?!000)\\d{3}(?!000)[0-9A-Z]{3}");

    public GridCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a grid code (12-digit community + 3-character sequence): " + value);
        }
    }

    public static boolean isValid(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }

    public String communityCode() {
        return value.substring(0, 12);
    }

    public String streetCode() {
        return value.substring(0, 9);
    }

    public String districtCode() {
        return value.substring(0, 6);
    }

    public String sequence() {
        return value.substring(12);
    }

    /** Whether this grid lies below the community with code {@code communityCode}. */
    public boolean isUnder(String communityCode) {
        return value.startsWith(communityCode) && communityCode.length() == 12;
    }

    @Override
    public String toString() {
        return value;
    }
}
