package org.yiwang.notify;

import org.yiwang.platform.PersonalData;

import java.util.Locale;

/**
 * Where to reach a user outside the platform, as a {@link RecipientDirectory} knows it.
 *
 * @param phone  mobile number for SMS, null when unknown
 * @param email  e-mail address, null when unknown
 * @param locale the language messages are written in; Simplified Chinese when null
 */
public record Recipient(long userId, String displayName, String phone, String email, Locale locale) {

    public Recipient {
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be positive: " + userId);
        }
        phone = phone == null || phone.isBlank() ? null : phone.trim();
        email = email == null || email.isBlank() ? null : email.trim();
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    /** The address for {@code channel}, or null when this recipient cannot be reached there. */
    public String addressFor(Channel channel) {
        return switch (channel) {
            case SMS -> phone;
            case EMAIL -> email;
            case INBOX -> null;
        };
    }

    /** The phone and e-mail address masked, fit for a log line. */
    public static String masked(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at < 0) {
            return PersonalData.maskPhone(address);
        }
        String local = address.substring(0, at);
        return (local.isEmpty() ? "" : local.charAt(0)) + "***" + address.substring(at);
    }

    @Override
    public String toString() {
        return "Recipient[userId=" + userId + ", phone=" + masked(phone) + ", email=" + masked(email) + ", locale=" + locale + "]";
    }
}
