package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.util.regex.Pattern;

/**
 * 当事人 — a person or business a case is against. Stored as given; every screen, answer and log shows the name
 * and phone masked ({@link org.yiwang.platform.PersonalData}).
 *
 * @param reference a business's 统一社会信用代码, or null
 */
public record Party(Kind kind, String name, @Nullable String phone, @Nullable String reference) {

    public enum Kind { PERSON, BUSINESS }

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    public Party {
        if (kind == null) {
            throw LocalizedException.badRequest("enforcement.error.field", "parties.kind");
        }
        name = Texts.required(name, "parties.name", 100);
        phone = Texts.optionalOrNull(phone, "parties.phone", 20);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw LocalizedException.badRequest("enforcement.error.field", "parties.phone");
        }
        reference = Texts.optionalOrNull(reference, "parties.reference", 18);
        if (reference != null && !CREDIT_CODE.matcher(reference).matches()) {
            throw LocalizedException.badRequest("enforcement.error.field", "parties.reference");
        }
    }
}
