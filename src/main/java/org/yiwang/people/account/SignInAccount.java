package org.yiwang.people.account;

import org.yiwang.platform.Actor;

/** What signing in needs to know about an account: its password hash, state and the actor it becomes. */
public record SignInAccount(long id, String username, String passwordHash, boolean enabled, Actor actor) {

    @Override
    public String toString() {
        return "SignInAccount[" + username + (enabled ? "" : ", disabled") + "]";
    }
}
