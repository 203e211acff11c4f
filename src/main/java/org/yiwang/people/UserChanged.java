package org.yiwang.people;

/**
 * A user account was changed or re-enabled.
 *
 * @param accessChanged roles, org unit, password or enabled state changed, so sessions signed in
 *                      before no longer reflect the user's rights
 */
public record UserChanged(long userId, String username, boolean accessChanged) {
}
