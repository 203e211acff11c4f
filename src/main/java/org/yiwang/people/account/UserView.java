package org.yiwang.people.account;

import org.yiwang.people.OrgUnit;
import org.yiwang.platform.Role;

import java.time.Instant;
import java.util.Set;

/**
 * A user as one viewer may see them: phone and ID number are already masked unless the viewer has
 * the right to see them ({@link org.yiwang.platform.PersonalData}).
 *
 * @param idNumber only in single-user views, null in lists
 */
public record UserView(long id, String username, String displayName, String phone, String idNumber,
                       OrgUnit orgUnit, Set<Role> roles, boolean fullTimeGridWorker, boolean enabled,
                       Instant createdAt, Instant updatedAt, int version) {
}
