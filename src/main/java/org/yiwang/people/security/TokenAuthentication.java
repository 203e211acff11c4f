package org.yiwang.people.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.yiwang.people.account.SignInAccount;
import org.yiwang.people.account.SignInAccounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks personal API tokens: active, of an enabled user. Bad tokens count against the client address; a
 * blocked address is told so only for a bad token: a valid token is never refused for what others behind
 * the same address did (guessing a 256-bit token is hopeless anyway, the block only slows down noise).
 */
class TokenAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(TokenAuthentication.class);

    private final ApiTokens tokens;
    private final SignInAccounts accounts;
    private final AddressThrottle addresses;

    TokenAuthentication(ApiTokens tokens, SignInAccounts accounts, AddressThrottle addresses) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.addresses = addresses;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthentication.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = ThrottledPasswordAuthentication.addressOf(authentication);
        String token = (String) authentication.getCredentials();
        Optional<SignedInUser> known = tokens.recentlyVerified(token);
        if (known.isPresent()) {
            return BearerTokenAuthentication.authenticated(known.get(), authentication.getDetails());
        }
        long epoch = tokens.epochNow();
        Optional<ApiTokens.Match> match = tokens.use(token);
        if (match.isEmpty()) {
            Optional<Instant> blocked = addresses.blockedUntil(address);
            if (blocked.isPresent()) {
                throw new SignInRefused.AddressBlocked(blocked.get());
            }
            addresses.recordFailure(address);
            log.warn("Rejected an invalid, expired or revoked API token from {}", address);
            throw new SignInRefused.InvalidToken("invalid, expired or revoked token");
        }
        SignInAccount account = accounts.byId(match.get().userId())
                .orElseThrow(() -> new SignInRefused.InvalidToken("token of a deleted user"));
        if (!account.enabled()) {
            log.warn("Rejected API token {} of disabled user '{}' from {}", match.get().tokenId(), account.username(), address);
            throw new DisabledException("user disabled");
        }
        SignedInUser principal = new SignedInUser(account.actor(), null, true, match.get().tokenId());
        tokens.rememberVerified(token, principal, epoch);
        return BearerTokenAuthentication.authenticated(principal, authentication.getDetails());
    }
}
