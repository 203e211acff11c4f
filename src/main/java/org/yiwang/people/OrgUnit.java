package org.yiwang.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.yiwang.platform.DataScope;

import java.util.Objects;

/**
 * An org unit (组织机构): either the office of a division — the command centre (指挥中心) of a city,
 * district or street, or a community's workstation (社区工作站) — or a department (职能部门) that
 * belongs to a division, such as 秦淮区城市管理局.
 *
 * @param parentId the unit above, null for the root
 * @param divisionCode the division served (for a department: the division it belongs to), as geo
 *                     writes it: 6 digits for a city or district, 9 for a street, 12 for a community
 * @param departmentType set exactly for departments
 */
public record OrgUnit(long id, Long parentId, Kind kind, String divisionCode, DepartmentType departmentType,
                      String name, boolean enabled) {

    public OrgUnit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(divisionCode, "divisionCode");
        Objects.requireNonNull(name, "name");
        if ((kind == Kind.DEPARTMENT) != (departmentType != null)) {
            throw new IllegalArgumentException("a department, and only a department, has a department type");
        }
    }

    @JsonIgnore
    public boolean isDepartment() {
        return kind == Kind.DEPARTMENT;
    }

    /** Whether this is the office of a city (codes like 320100). */
    @JsonIgnore
    public boolean isCityOffice() {
        return kind == Kind.DIVISION && divisionCode.length() == 6 && divisionCode.endsWith("00")
                && !divisionCode.endsWith("0000");
    }

    /** The code prefix shared by everything inside this unit's division. */
    public String divisionPrefix() {
        return DataScope.prefixOf(divisionCode);
    }

    public enum Kind {
        /** The office of a division: city/district/street command centre or community workstation. */
        DIVISION,
        /** A department that belongs to a division. */
        DEPARTMENT
    }
}
