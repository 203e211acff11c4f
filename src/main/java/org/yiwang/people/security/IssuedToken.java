package org.yiwang.people.security;

import java.time.Instant;

/** A token just created: the only time {@code token} is ever shown. */
public record IssuedToken(long id, String name, String token, String hint, Instant createdAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[" + id + ", " + name + ", " + hint + "]";
    }
}
