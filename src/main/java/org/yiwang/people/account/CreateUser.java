package org.yiwang.people.account;

import org.yiwang.platform.Role;

import java.util.Set;

/**
 * Create a user account. Validates and canonicalizes every field on construction.
 *
 * @param orgUnitId required for staff roles
 * @param phone optional
 * @param idNumber optional resident ID number
 */
public record CreateUser(String username, String displayName, String password, String phone, String idNumber,
                         Long orgUnitId, Set<Role> roles, boolean fullTimeGridWorker) {

    public CreateUser {
        username = AccountRules.username(username);
        displayName = AccountRules.displayName(displayName);
        password = AccountRules.password(password, username);
        phone = AccountRules.phone(phone);
        idNumber = AccountRules.idNumber(idNumber);
        roles = Set.copyOf(roles == null ? Set.of() : roles);
    }

    @Override
    public String toString() {
        return "CreateUser[username=" + username + ", orgUnitId=" + orgUnitId + ", roles=" + roles + "]";
    }
}
