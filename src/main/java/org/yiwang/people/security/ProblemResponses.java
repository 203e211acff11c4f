package org.yiwang.people.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Answers refused API calls with an RFC 9457 problem in the caller's language, shaped like the
 * platform's problems: 401 for missing or bad credentials (with a reason the client can show),
 * 429 for a blocked address, 403 for a forbidden call or a missing CSRF token.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final Clock clock;

    ProblemResponses(MessageSource messages, LocaleResolver locales, ObjectProvider<JsonMapper> json, Clock clock) {
        this.messages = messages;
        this.locales = locales;
        this.json = json.getIfAvailable(JsonMapper::new);
        this.clock = clock;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        Refusal refusal = refusal(failure, clock.instant());
        if (refusal.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfter().toSeconds()));
        }
        if (refusal.status() == HttpStatus.UNAUTHORIZED) {
            // a Bearer challenge keeps browsers from popping up a Basic dialog, whose remembered
            // credentials would otherwise ride along on cross-site requests
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, failure instanceof SignInRefused.InvalidToken
                    ? "Bearer realm=\"yiwang\", error=\"invalid_token\"" : "Bearer realm=\"yiwang\"");
        }
        write(request, response, refusal.status(), refusal.key(), refusal.args());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, denied instanceof CsrfException ? "people.error.csrf" : "error.forbidden");
    }

    /** What to answer for a failed or missing authentication. */
    static Refusal refusal(AuthenticationException failure, Instant now) {
        return switch (failure) {
            // the accounts could not be read: not the caller's fault, and gone in a few seconds
            case AuthenticationException away when org.yiwang.platform.DatabaseUnavailable.causedBy(away) -> new Refusal(
                    HttpStatus.SERVICE_UNAVAILABLE, org.yiwang.platform.DatabaseUnavailable.MESSAGE_KEY, new Object[0],
                    org.yiwang.platform.DatabaseUnavailable.RETRY_AFTER);
            case SignInRefused.AccountLocked locked -> {
                Duration wait = untilAtLeastOneSecond(now, locked.retryAt());
                yield new Refusal(HttpStatus.UNAUTHORIZED, "people.auth.locked", new Object[]{minutes(wait)}, wait);
            }
            case SignInRefused.AddressBlocked blocked -> {
                Duration wait = untilAtLeastOneSecond(now, blocked.retryAt());
                yield new Refusal(HttpStatus.TOO_MANY_REQUESTS, "people.auth.addressBlocked", new Object[]{minutes(wait)}, wait);
            }
            case SignInRefused.InvalidToken ignored -> new Refusal(HttpStatus.UNAUTHORIZED, "people.auth.invalidToken", new Object[0], null);
            case DisabledException ignored -> new Refusal(HttpStatus.UNAUTHORIZED, "people.auth.disabled", new Object[0], null);
            case BadCredentialsException ignored -> new Refusal(HttpStatus.UNAUTHORIZED, "people.auth.badCredentials", new Object[0], null);
            default -> new Refusal(HttpStatus.UNAUTHORIZED, "error.unauthorized", new Object[0], null);
        };
    }

    static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private static Duration untilAtLeastOneSecond(Instant now, Instant until) {
        Duration wait = Duration.between(now, until);
        return wait.toSeconds() < 1 ? Duration.ofSeconds(1) : wait.plusMillis(999).withNanos(0);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key, Object... args)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(key, args, key, locale));
        problem.put("instance", request.getRequestURI());
        problem.put("code", key);
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    record Refusal(HttpStatus status, String key, Object[] args, Duration retryAfter) {
    }
}
