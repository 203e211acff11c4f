package org.yiwang.people.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.yiwang.platform.YiwangProperties;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.yiwang.people.account.SignInAccounts;

import java.time.Clock;

/**
 * Who may call what. Two filter chains:
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic, personal bearer tokens ({@code Authorization: Bearer ywt_...}) or
 *   the browser session; no session is ever created here; CSRF is checked for every call that does not
 *   bring Basic or Bearer credentials (browser calls); refusals are problem JSON (401, 403, 429).</li>
 *   <li>everything else: the browser — form sign-in at {@code /login}, sessions in the database,
 *   CSRF on every form, a redirect to {@code /login} when not signed in.</li>
 * </ul>
 * Username/password sign-in of both chains is throttled by {@link ThrottledPasswordAuthentication}.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling // the access epoch poll (ApiTokens)
@EnableConfigurationProperties(LoginProperties.class)
class SecurityConfiguration {

    /** Reachable without signing in. {@code /open311/**} authenticates its clients itself. */
    static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/actuator/health",
            "/actuator/health/**", "/error", "/open311/**", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**",
            "/swagger-ui.html", "/public/**", "/m/sw.js", "/m/manifest.webmanifest", "/m/icons/**"};

    /** Prometheus metrics: administrators only, unless {@code yiwang.metrics.public-scrape}. */
    static final String METRICS = "/actuator/prometheus";

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService users, PasswordEncoder encoder, LoginThrottle accounts,
                                                AddressThrottle addresses, ApiTokens tokens, SignInAccounts signInAccounts) {
        return new ProviderManager(
                new ThrottledPasswordAuthentication(users, encoder, accounts, addresses),
                new TokenAuthentication(tokens, signInAccounts, addresses));
    }

    /**
     * No Micrometer observation of each security filter, authentication and authorization: with no tracer they only
     * fed timers nobody reads, and wrapping the filter chain cost about a sixth of a request's CPU (JFR, intake
     * under load). The HTTP server's own request metrics stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, ProblemResponses problems,
                                    org.yiwang.platform.YiwangProperties settings) throws Exception {
        RequestMatcher withAuthorizationHeader = SecurityConfiguration::authenticatesItself;
        return http
                // Prometheus scrapes like an API client: HTTP Basic or a personal token of an administrator
                .securityMatcher("/api/**", METRICS)
                .headers(headers -> headers(headers, settings))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> {
                    if (settings.metrics().publicScrape()) {
                        requests.requestMatchers(METRICS).permitAll();
                    } else {
                        requests.requestMatchers(METRICS).hasAuthority(org.yiwang.platform.Role.ADMIN.authority());
                    }
                    requests.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(authenticationManager, problems), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(withAuthorizationHeader))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserSecurity(HttpSecurity http, AuthenticationManager authenticationManager, Clock clock,
                                        YiwangProperties properties) throws Exception {
        return http
                .headers(headers -> headers(headers, properties))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler(signInFailure(clock))
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/open311/**"))
                .httpBasic(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(browserSignIn())
                        .accessDeniedHandler(browserAccessDenied()))
                .build();
    }

    /**
     * The pages' scripts, styles, fonts and data come from this server only (htmx, Leaflet and ECharts are
     * served from the jar; there are no inline scripts or event handlers); map tiles may come from the configured
     * tile server. Inline style attributes stay allowed: many pages and Leaflet use them, and they cannot run code.
     */
    static String contentSecurityPolicy(YiwangProperties properties) {
        String tiles = properties.map().tileOrigins();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
                + (tiles.isEmpty() ? "" : " " + tiles)
                + "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /**
     * Spring Security's defaults (no sniffing, no framing, no caching of signed-in pages, HSTS on requests that
     * came in over TLS, also behind a trusted proxy) plus the Content-Security-Policy and a referrer policy that
     * sends no path or query to other sites.
     */
    static void headers(HeadersConfigurer<HttpSecurity> headers, YiwangProperties properties) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(365L * 24 * 3600));
    }

    /**
     * Whether a call brings credentials of a scheme this chain checks (Basic or Bearer) — such a call is
     * authenticated by them or refused, never by a session cookie, so CSRF cannot ride on it. Any other
     * Authorization header (an unknown scheme) leaves the cookie session in charge, and with it the CSRF check.
     */
    static boolean authenticatesItself(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    /** Back to the sign-in page, saying why: {@code ?error=bad|locked|blocked|disabled} (and {@code minutes}). */
    static AuthenticationFailureHandler signInFailure(Clock clock) {
        return (request, response, failure) -> {
            ProblemResponses.Refusal refusal = ProblemResponses.refusal(failure, clock.instant());
            String query = switch (refusal.key()) {
                case "people.auth.locked" -> "locked&minutes=" + refusal.args()[0];
                case "people.auth.addressBlocked" -> "blocked&minutes=" + refusal.args()[0];
                case "people.auth.disabled" -> "disabled";
                case org.yiwang.platform.DatabaseUnavailable.MESSAGE_KEY -> "unavailable";
                default -> "bad";
            };
            response.sendRedirect(request.getContextPath() + "/login?error=" + query);
        };
    }

    /**
     * To the sign-in page; an htmx request instead gets 401 with {@code HX-Redirect}, which htmx follows
     * with a full page load rather than swapping the sign-in page into a fragment.
     */
    static AuthenticationEntryPoint browserSignIn() {
        LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login");
        // "/login", not "http://<whatever Host the request named>/login"
        page.setFavorRelativeUris(true);
        return (request, response, failure) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                page.commence(request, response, failure);
            }
        };
    }

    /** A sign-in form whose CSRF token expired with its session is shown again instead of a bare 403. */
    static AccessDeniedHandler browserAccessDenied() {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            boolean signInForm = "POST".equals(request.getMethod())
                    && (request.getContextPath() + "/login").equals(request.getRequestURI());
            if (denied instanceof CsrfException && signInForm) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }
}
