package org.yiwang.people;

/** A user account was disabled: it can no longer sign in, and its sessions and tokens stop working. */
public record UserDisabled(long userId, String username) {
}
