package org.yiwang.people.account;

import org.yiwang.platform.Role;

/**
 * Which users a list shows; null fields do not filter.
 *
 * @param orgUnitId only users of this org unit
 * @param withSubunits with {@code orgUnitId}: also users of the units below it
 * @param text part of the username or display name
 */
public record UserFilter(Role role, Long orgUnitId, boolean withSubunits, String text, Boolean enabled) {

    public static final UserFilter ALL = new UserFilter(null, null, false, null, null);
}
