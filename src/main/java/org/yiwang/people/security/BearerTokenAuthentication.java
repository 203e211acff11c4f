package org.yiwang.people.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.io.Serial;

/** An API call authenticated, or to be authenticated, by a personal token ({@code Authorization: Bearer ywt_...}). */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private transient String token;
    private final SignedInUser principal;

    private BearerTokenAuthentication(String token, SignedInUser principal) {
        super(principal == null ? java.util.List.of() : principal.getAuthorities());
        this.token = token;
        this.principal = principal;
        setAuthenticated(principal != null);
    }

    static BearerTokenAuthentication unauthenticated(String token, Object details) {
        BearerTokenAuthentication authentication = new BearerTokenAuthentication(token, null);
        authentication.setDetails(details);
        return authentication;
    }

    static BearerTokenAuthentication authenticated(SignedInUser principal, Object details) {
        BearerTokenAuthentication authentication = new BearerTokenAuthentication(null, principal);
        authentication.setDetails(details);
        return authentication;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal == null ? "" : principal.getUsername();
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        token = null;
    }
}
