package org.yiwang.people.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

import java.io.Serial;
import java.util.Collection;

/**
 * The security principal of a signed-in user. It carries the {@link Actor} every module reads
 * through {@link org.yiwang.platform.Actors}, and is stored in the database session, so it is
 * serializable and drops the password hash once the sign-in is checked.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Actor.Source {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private String passwordHash;
    private final boolean enabled;
    private final Long tokenId;

    SignedInUser(Actor actor, String passwordHash, boolean enabled, Long tokenId) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.tokenId = tokenId;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    /** The API token this request was authenticated with, null for a password or session. */
    public Long tokenId() {
        return tokenId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().sorted().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    SignedInUser withPasswordHash(String newHash) {
        return new SignedInUser(actor, newHash, enabled, tokenId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && actor.userId() == that.actor.userId();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(actor.userId());
    }

    @Override
    public String toString() {
        return "SignedInUser[" + actor.username() + ", " + actor.roles() + "]";
    }

}
