package org.yiwang.enforcement;

import org.yiwang.platform.LocalizedException;

import java.util.regex.Pattern;

/**
 * One row of the 执法事项清单: a matter that may be enforced, by which department, on which legal basis and with
 * which penalty range. Validates in its constructor; a bad field is refused with its name.
 */
public record EnforcementItem(String code, String matter, Department department, String legalBasis, String penaltyRange,
                              boolean active) {

    static final Pattern CODE = Pattern.compile("[A-Z]{2,4}-[0-9]{3}");

    public EnforcementItem {
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            throw LocalizedException.badRequest("enforcement.error.field", "code");
        }
        code = code.strip();
        matter = Texts.required(matter, "matter", 200);
        if (department == null) {
            throw LocalizedException.badRequest("enforcement.error.field", "department");
        }
        legalBasis = Texts.required(legalBasis, "legalBasis", 500);
        penaltyRange = Texts.required(penaltyRange, "penaltyRange", 500);
    }
}
