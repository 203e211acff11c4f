package org.yiwang.people.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

import java.time.Instant;

/** Why a sign-in was refused beyond wrong credentials. */
final class SignInRefused {

    private SignInRefused() {
    }

    /** Too many consecutive failures for the username: locked until {@code retryAt}. */
    static final class AccountLocked extends LockedException {
        private final Instant retryAt;

        AccountLocked(Instant retryAt) {
            super("account locked until " + retryAt);
            this.retryAt = retryAt;
        }

        Instant retryAt() {
            return retryAt;
        }
    }

    /** Too many failures from the client's address: blocked until {@code retryAt}. */
    static final class AddressBlocked extends AuthenticationException {
        private final Instant retryAt;

        AddressBlocked(Instant retryAt) {
            super("too many failed sign-ins from this address until " + retryAt);
            this.retryAt = retryAt;
        }

        Instant retryAt() {
            return retryAt;
        }
    }

    /** A bearer token that is malformed, unknown, expired or revoked. */
    static final class InvalidToken extends BadCredentialsException {
        InvalidToken(String reason) {
            super(reason);
        }
    }
}
