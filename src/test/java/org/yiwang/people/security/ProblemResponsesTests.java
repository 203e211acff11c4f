package org.yiwang.people.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTests {

    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void aLockedAccountIsToldHowLongToWait() {
        ProblemResponses.Refusal refusal = ProblemResponses.refusal(new SignInRefused.AccountLocked(NOW.plusSeconds(61)), NOW);
        assertThat(refusal.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refusal.key()).isEqualTo("people.auth.locked");
        assertThat(refusal.args()).containsExactly(2L);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void aBlockedAddressGets429() {
        ProblemResponses.Refusal refusal = ProblemResponses.refusal(new SignInRefused.AddressBlocked(NOW.plusSeconds(600)), NOW);
        assertThat(refusal.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refusal.args()).containsExactly(10L);
    }

    @Test
    void otherFailuresAre401WithTheirReason() {
        assertThat(ProblemResponses.refusal(new BadCredentialsException("x"), NOW).key()).isEqualTo("people.auth.badCredentials");
        assertThat(ProblemResponses.refusal(new DisabledException("x"), NOW).key()).isEqualTo("people.auth.disabled");
        assertThat(ProblemResponses.refusal(new SignInRefused.InvalidToken("x"), NOW).key()).isEqualTo("people.auth.invalidToken");
        assertThat(ProblemResponses.refusal(new InsufficientAuthenticationException("x"), NOW).key()).isEqualTo("error.unauthorized");
    }

    @Test
    void accountsThatCannotBeReadBecauseTheDatabaseIsAwayAre503NotBadCredentials() {
        var away = new org.springframework.security.authentication.InternalAuthenticationServiceException("lookup failed",
                new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new java.sql.SQLTransientConnectionException("yiwang - Connection is not available, request timed out after 3000ms")));
        ProblemResponses.Refusal refusal = ProblemResponses.refusal(away, NOW);
        assertThat(refusal.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refusal.key()).isEqualTo("error.databaseUnavailable");
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(5));

        var otherFailure = new org.springframework.security.authentication.InternalAuthenticationServiceException("bug",
                new IllegalStateException("something else"));
        assertThat(ProblemResponses.refusal(otherFailure, NOW).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aSignInWhileTheDatabaseIsAwayReturnsToTheFormSayingSo() throws Exception {
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/login");
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var away = new org.springframework.security.authentication.InternalAuthenticationServiceException("lookup failed",
                new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new java.sql.SQLTransientConnectionException("timeout")));

        SecurityConfiguration.signInFailure(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC)).onAuthenticationFailure(request, response, away);

        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error=unavailable");
    }
}
