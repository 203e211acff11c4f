package org.yiwang.people;

import org.springframework.stereotype.Service;
import org.yiwang.people.account.OrgUnits;

import java.util.List;
import java.util.Optional;

/**
 * The org unit tree (组织机构), as other modules may read it: the office of a division and the
 * departments that belong to it, e.g. for routing a work order to "the urban management department
 * of 秦淮区".
 */
@Service
public class Organization {

    private final OrgUnits units;

    Organization(OrgUnits units) {
        this.units = units;
    }

    /** The units of those ids that exist (disabled ones too), in one statement — e.g. the names of a table's rows. */
    public List<OrgUnit> find(java.util.Collection<Long> orgUnitIds) {
        return units.find(orgUnitIds);
    }

    public Optional<OrgUnit> find(long orgUnitId) {
        return units.find(orgUnitId);
    }

    /** The office (command centre or community workstation) of a division, by its code (6, 9 or 12 digits). */
    public Optional<OrgUnit> officeOf(String divisionCode) {
        return units.divisionOffice(divisionCode);
    }

    /** The departments that belong to a division directly, not those of divisions below it. */
    public List<OrgUnit> departmentsOf(String divisionCode) {
        return units.departmentsOf(divisionCode);
    }

    /** The first enabled department of a type in a division. */
    public Optional<OrgUnit> department(String divisionCode, DepartmentType type) {
        return units.departmentsOf(divisionCode).stream()
                .filter(u -> u.departmentType() == type && u.enabled())
                .findFirst();
    }

    public List<OrgUnit> children(long orgUnitId) {
        return units.children(orgUnitId);
    }
}
