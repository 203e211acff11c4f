package org.yiwang.people;

import org.yiwang.platform.Role;

import java.util.Set;

/**
 * What other modules may know about a user: identity, roles and org unit, no personal data.
 *
 * @param orgUnitId null for residents
 * @param fullTimeGridWorker a full-time grid worker (专职网格员), as each comprehensive grid needs one
 */
public record UserSummary(long id, String username, String displayName, Set<Role> roles, Long orgUnitId,
                          boolean fullTimeGridWorker, boolean enabled) {

    public UserSummary {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
