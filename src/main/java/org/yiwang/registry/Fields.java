package org.yiwang.registry;

import org.yiwang.platform.IdNumbers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Checks of single input fields; each refusal names the field (见 {@link RegistryException}). */
final class Fields {

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Fields() {
    }

    static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw RegistryException.invalid(field, "registry.invalid.required");
        }
        return text;
    }

    /** The stripped text, null when blank; refuses control characters and over-long text. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw RegistryException.invalid(field, "registry.invalid.tooLong", max);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw RegistryException.invalid(field, "registry.invalid.control");
        }
        return text;
    }

    /** A mainland mobile number (11 digits, 1…) or a landline with area code, as digits (and one hyphen). */
    static String phone(String field, String value) {
        String text = optional(field, value, 20);
        if (text == null) {
            return null;
        }
        String digits = text.replace(" ", "").replace("-", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        boolean mobile = digits.length() == 11 && digits.charAt(0) == '1';
        boolean landline = digits.length() >= 10 && digits.length() <= 12 && digits.charAt(0) == '0';
        if (!digits.chars().allMatch(Character::isDigit) || !(mobile || landline)) {
            throw RegistryException.invalid(field, "registry.invalid.phone");
        }
        return digits;
    }

    static String idNumber(String field, String value) {
        String text = optional(field, value, 20);
        if (text == null) {
            return null;
        }
        String id = IdNumbers.normalize(text.replace(" ", ""));
        if (id == null) {
            throw RegistryException.invalid(field, "registry.invalid.idNumber");
        }
        return id;
    }

    static LocalDate date(String field, String value) {
        String text = optional(field, value, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.replace('/', '-'));
        } catch (DateTimeParseException e) {
            throw RegistryException.invalid(field, "registry.invalid.date");
        }
    }

    static double coordinate(String field, Double value, double limit) {
        if (value == null) {
            throw RegistryException.invalid(field, "registry.invalid.required");
        }
        if (!Double.isFinite(value) || Math.abs(value) > limit) {
            throw RegistryException.invalid(field, "registry.invalid.coordinate");
        }
        return value;
    }

    static BigDecimal area(String field, String value) {
        String text = optional(field, value, 12);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal area = new BigDecimal(text);
            if (area.signum() <= 0 || area.compareTo(BigDecimal.valueOf(100_000)) >= 0 || area.scale() > 2) {
                throw RegistryException.invalid(field, "registry.invalid.area");
            }
            return area;
        } catch (NumberFormatException e) {
            throw RegistryException.invalid(field, "registry.invalid.area");
        }
    }

    /** 统一社会信用代码 (GB 32100-2015): 18 characters with a check character. */
    static String creditCode(String field, String value) {
        String code = required(field, value, 18).toUpperCase(java.util.Locale.ROOT);
        if (code.length() != 18 || !validCreditCode(code)) {
            throw RegistryException.invalid(field, "registry.invalid.creditCode");
        }
        return code;
    }

    static boolean validCreditCode(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == CREDIT_CHARS.charAt(check);
    }

    /** The first 17 characters completed with their check character (demo data, tests). */
    static String withCreditCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return first17 + CREDIT_CHARS.charAt((31 - sum % 31) % 31);
    }
}
