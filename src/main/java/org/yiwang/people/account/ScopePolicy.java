package org.yiwang.people.account;

import org.yiwang.people.OrgUnit;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.util.HashSet;
import java.util.Set;

/**
 * Who sees what. A user's {@link DataScope} follows from their org unit: the office of a division
 * covers that division's subtree (the ADMIN of a city office: everything); a department covers its
 * division for territory reads and its own subtree of departments for assignments; residents have no
 * staff scope. Users are visible to a department only inside its departments, to everyone else by
 * the division of their org unit.
 */
public final class ScopePolicy {

    private ScopePolicy() {
    }

    /**
     * @param unit the user's org unit, may be null
     * @param departmentSubtree ids of the departments at and below {@code unit} when it is a department
     */
    public static DataScope scopeOf(Set<Role> roles, OrgUnit unit, Set<Long> departmentSubtree) {
        boolean staff = roles.stream().anyMatch(Role::isStaff);
        if (!staff || unit == null || !unit.enabled()) {
            return DataScope.NONE;
        }
        if (unit.isDepartment()) {
            Set<Long> departments = new HashSet<>(departmentSubtree);
            departments.add(unit.id());
            return new DataScope(false, Set.of(unit.divisionPrefix()), departments);
        }
        if (roles.contains(Role.ADMIN) && unit.isCityOffice()) {
            return DataScope.everything();
        }
        return DataScope.division(unit.divisionCode());
    }

    /** Only administrators see other people's phone and ID numbers unmasked. */
    public static boolean seesPersonalData(Set<Role> roles) {
        return roles.contains(Role.ADMIN);
    }

    /** Whether a viewer with {@code scope} may see users of the given org unit (null: residents without one). */
    public static boolean seesUsersOf(DataScope scope, OrgUnit unit) {
        if (scope.citywide()) {
            return true;
        }
        if (unit == null) {
            return false;
        }
        if (!scope.departmentIds().isEmpty()) {
            return scope.departmentIds().contains(unit.id());
        }
        return scope.covers(unit.divisionCode());
    }

    /** Whether a viewer with {@code scope} may see the org unit itself (the structure of their territory). */
    public static boolean seesUnit(DataScope scope, OrgUnit unit) {
        return scope.citywide() || scope.covers(unit.divisionCode());
    }
}
