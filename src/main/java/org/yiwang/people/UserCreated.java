package org.yiwang.people;

import org.yiwang.platform.Role;

import java.util.Set;

/** A user account was created. */
public record UserCreated(long userId, String username, Set<Role> roles, Long orgUnitId) {

    public UserCreated {
        roles = Set.copyOf(roles);
    }
}
