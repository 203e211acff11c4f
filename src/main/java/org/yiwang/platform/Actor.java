package org.yiwang.platform;

import java.util.Set;

/**
 * The person behind the current request, as every module sees them: who, in which org unit, with
 * which roles and which data scope.
 *
 * @param orgUnitId the org unit (division command centre, community, or department), null for residents
 * @param seesPersonalData whether phone and ID numbers of others are shown unmasked to this user
 */
public record Actor(long userId, String username, String displayName, Set<Role> roles, Long orgUnitId,
                    String orgUnitName, DataScope scope, boolean seesPersonalData)
        implements java.io.Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    /** Implemented by the security principal so that modules can find the actor without knowing people. */
    public interface Source {
        Actor actor();
    }
}
