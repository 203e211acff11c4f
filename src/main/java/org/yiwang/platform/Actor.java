package org.yiwang.platform;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/**
 * The person behind the current request, as every module sees them: who, in which org unit, with
 * which roles and which data scope.
 *
 * @param orgUnitId the org unit (division command centre, community, or department), null for residents
 * @param orgUnitName its name, null for residents
 * @param seesPersonalData whether this user administers personal data (administrators); even they see other
 *                         people's phone and ID numbers masked unless they ask, with a reason, through
 *                         {@link PersonalDataAccess}
 */
public record Actor(long userId, String username, String displayName, Set<Role> roles, @Nullable Long orgUnitId,
                    @Nullable String orgUnitName, DataScope scope, boolean seesPersonalData)
        implements java.io.Serializable {

    /** The user id that stands for the platform itself (automatic dispatch, escalation). */
    public static final long SYSTEM_USER_ID = 0L;

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The platform acting on its own: automatic routing, time-limit escalation, imports. */
    public static Actor system() {
        return new Actor(SYSTEM_USER_ID, "system", "系统", Set.of(Role.DISPATCHER), null, null, DataScope.everything(), false);
    }

    public boolean isSystem() {
        return userId == SYSTEM_USER_ID;
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
