package org.yiwang.people.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Instant;
import java.util.Optional;

/**
 * Username and password sign-in (form and HTTP Basic) with throttling: a locked username, an address
 * blocked for this username or a blocked address is refused before the password is even checked; a wrong password counts against
 * both; a success ends the username's run of failures. Failures are logged with username and address,
 * never the password.
 */
class ThrottledPasswordAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledPasswordAuthentication.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle accounts;
    private final AddressThrottle addresses;

    ThrottledPasswordAuthentication(AccountDetailsService users, PasswordEncoder encoder, LoginThrottle accounts,
                                    AddressThrottle addresses) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setUserDetailsPasswordService(users);
        // account state is told only to whoever knows the password
        this.passwords.setPreAuthenticationChecks(user -> {
        });
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.accounts = accounts;
        this.addresses = addresses;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = LoginThrottle.key(authentication.getName());
        String address = addressOf(authentication);
        Optional<Instant> blocked = addresses.blockedUntil(address, username);
        if (blocked.isPresent()) {
            log.warn("Sign-in as '{}' from {} refused: the address is blocked until {}", printable(username), address, blocked.get());
            throw new SignInRefused.AddressBlocked(blocked.get());
        }
        Optional<Instant> locked = accounts.lockedUntil(username);
        if (locked.isPresent()) {
            log.warn("Sign-in as '{}' from {} refused: the account is locked until {}", printable(username), address, locked.get());
            throw new SignInRefused.AccountLocked(locked.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            accounts.recordSuccess(username);
            log.debug("'{}' signed in from {}", username, address);
            return result;
        } catch (BadCredentialsException e) {
            Optional<Instant> addressBlocked = addresses.recordFailure(address, username);
            Optional<Instant> lockedNow = accounts.recordFailure(username);
            log.warn("Failed sign-in as '{}' from {}: wrong username or password{}{}", printable(username), address,
                    lockedNow.map(until -> "; the account is locked until " + until).orElse(""),
                    addressBlocked.map(until -> "; the address is blocked until " + until).orElse(""));
            if (lockedNow.isPresent()) {
                throw new SignInRefused.AccountLocked(lockedNow.get());
            }
            throw e;
        } catch (AccountStatusException e) {
            log.warn("Sign-in as '{}' from {} refused: {}", printable(username), address, e.getClass().getSimpleName());
            throw e;
        }
    }

    static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    /** Typed usernames go into the log: no line breaks or control characters from outside. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
