package org.yiwang.people.account;

import org.yiwang.platform.Role;

import java.util.Set;

/**
 * Change a user account. A null field keeps its current value; an empty phone or ID number clears it.
 *
 * @param expectedVersion the version the caller last saw, or null to skip the concurrent-change check
 */
public record UpdateUser(String displayName, String phone, String idNumber, Long orgUnitId, Set<Role> roles,
                         Boolean fullTimeGridWorker, Integer expectedVersion) {

    public UpdateUser {
        displayName = displayName == null ? null : AccountRules.displayName(displayName);
        phone = phone == null ? null : blankToEmpty(AccountRules.phone(phone));
        idNumber = idNumber == null ? null : blankToEmpty(AccountRules.idNumber(idNumber));
        roles = roles == null ? null : Set.copyOf(roles);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "UpdateUser[orgUnitId=" + orgUnitId + ", roles=" + roles + "]";
    }
}
