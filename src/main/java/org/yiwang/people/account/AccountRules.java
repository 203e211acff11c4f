package org.yiwang.people.account;

import org.yiwang.platform.IdNumbers;

import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for what a user account may contain. Each check returns the value in canonical form or
 * throws a 400 whose message names the field.
 */
public final class AccountRules {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[1-9][0-9]{1,2}-?[0-9]{7,8}");
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MAX_NAME_LENGTH = 100;

    private AccountRules() {
    }

    public static String username(String value) {
        String username = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw LocalizedException.badRequest("people.error.username");
        }
        return username;
    }

    public static String displayName(String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw LocalizedException.badRequest("people.error.displayName", MAX_NAME_LENGTH);
        }
        return name;
    }

    /**
     * A password a user may choose: 8 characters to 72 bytes, not the username, and not guessable by
     * {@link PasswordStrength} (leaked passwords, dictionary words, names, dates, keyboard patterns). The demo
     * accounts' {@code yiwang-demo} does not pass: demo users are created by the generator, not through here.
     */
    public static String password(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw LocalizedException.badRequest("people.error.passwordTooShort", MIN_PASSWORD_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw LocalizedException.badRequest("people.error.passwordTooLong", MAX_PASSWORD_BYTES);
        }
        if (password.isBlank() || password.equalsIgnoreCase(username)) {
            throw LocalizedException.badRequest("people.error.passwordWeak");
        }
        if (!PasswordStrength.strongEnough(password, username)) {
            throw LocalizedException.badRequest("people.error.passwordGuessable");
        }
        return password;
    }

    /** A mainland mobile (11 digits) or landline number with area code; blank means none. */
    public static String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String phone = value.replace(" ", "").strip();
        if (phone.startsWith("+86")) {
            phone = phone.substring(3);
        }
        if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
            throw LocalizedException.badRequest("people.error.phone");
        }
        return phone;
    }

    /** An 18-character resident ID number with a valid check character; blank means none. */
    public static String idNumber(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = IdNumbers.normalize(value);
        if (id == null) {
            throw LocalizedException.badRequest("people.error.idNumber");
        }
        return id;
    }

    /** Role names as the API receives them. */
    public static Set<Role> roles(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw LocalizedException.badRequest("people.error.rolesEmpty");
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw LocalizedException.badRequest("people.error.roleUnknown", String.valueOf(name));
            }
        }
        return roles;
    }
}
