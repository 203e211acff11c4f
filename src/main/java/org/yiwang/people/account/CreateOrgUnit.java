package org.yiwang.people.account;

import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.platform.LocalizedException;

import java.util.regex.Pattern;

/**
 * Create an org unit: the office of a division under the office of a division above it, or a
 * department under an office or another department (taking that unit's division).
 *
 * @param divisionCode required for a division office, ignored for a department
 * @param departmentType required for a department
 */
public record CreateOrgUnit(Long parentId, OrgUnit.Kind kind, String divisionCode, DepartmentType departmentType,
                            String name) {

    private static final Pattern DIVISION_CODE = Pattern.compile("[0-9]{6}([0-9]{3}){0,2}");

    public CreateOrgUnit {
        if (kind == null) {
            throw LocalizedException.badRequest("people.error.orgUnitKind");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > AccountRules.MAX_NAME_LENGTH) {
            throw LocalizedException.badRequest("people.error.orgUnitName", AccountRules.MAX_NAME_LENGTH);
        }
        if (kind == OrgUnit.Kind.DIVISION) {
            divisionCode = divisionCode == null ? "" : divisionCode.trim();
            if (!DIVISION_CODE.matcher(divisionCode).matches()) {
                throw LocalizedException.badRequest("people.error.divisionCode");
            }
            if (departmentType != null) {
                throw LocalizedException.badRequest("people.error.departmentTypeOnlyForDepartments");
            }
        } else {
            if (parentId == null) {
                throw LocalizedException.badRequest("people.error.parentRequired");
            }
            if (departmentType == null) {
                throw LocalizedException.badRequest("people.error.departmentType");
            }
            divisionCode = null;
        }
    }
}
