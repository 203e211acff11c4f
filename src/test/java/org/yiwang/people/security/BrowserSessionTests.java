package org.yiwang.people.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.people.People;
import org.yiwang.people.PeopleIntegrationTest;
import org.yiwang.people.account.CreateUser;
import org.yiwang.people.account.UpdateUser;
import org.yiwang.people.account.UserAdministration;
import org.yiwang.platform.Role;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.people.Fixtures.DEMO_PASSWORD;

/** A real browser round trip over HTTP: sign-in form, CSRF token, session cookie, session in the database. */
@PeopleIntegrationTest
class BrowserSessionTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAdministration administration;
    @Autowired
    People people;

    @Test
    void signingInThroughTheFormKeepsTheSessionInTheDatabase() throws Exception {
        Browser browser = new Browser();
        String before = browser.signIn("dispatcher", DEMO_PASSWORD);
        String after = browser.sessionCookie();
        assertThat(after).isNotNull().isNotEqualTo(before); // a new session id at sign-in: no fixation

        HttpResponse<String> me = browser.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"dispatcher\"");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'dispatcher'").query(Long.class).single())
                .isPositive();
        // the stored session holds no password hash
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM spring_session_attributes a JOIN spring_session s ON s.primary_id = a.session_primary_id
                         WHERE s.principal_name = 'dispatcher' AND position('$2a$' in encode(a.attribute_bytes, 'escape')) > 0""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void changingAUsersRolesEndsTheirSessions() throws Exception {
        var admin = people.actorOf("admin").orElseThrow();
        long unit = people.findByUsername("dispatcher").orElseThrow().orgUnitId();
        long id = administration.create(admin, new CreateUser("session-holder", "会话测试", "Tidal-Sparrow-Kiln", null, null, unit,
                Set.of(Role.DISPATCHER), false)).id();
        Browser browser = new Browser();
        browser.signIn("session-holder", "Tidal-Sparrow-Kiln");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);

        administration.update(admin, id, new UpdateUser(null, null, null, null, Set.of(Role.LEADER), null, null));

        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'session-holder'").query(Long.class).single())
                .isZero();
    }

    @Test
    void anAuthorizationHeaderOfAnUnknownSchemeDoesNotSkipTheCsrfCheckOfACookieSession() throws Exception {
        Browser browser = new Browser();
        browser.signIn("dispatcher", DEMO_PASSWORD);
        long before = jdbc.sql("SELECT count(*) FROM workorder_order").query(Long.class).single();
        for (String header : new String[]{"Foo bar", "Negotiate abc", "basicx"}) {
            HttpResponse<String> forged = browser.client.send(HttpRequest.newBuilder(browser.uri("/api/work-orders"))
                    .header("Authorization", header).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"跨站伪造\",\"lat\":32.02,\"lon\":118.79}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as(header).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM workorder_order").query(Long.class).single()).isEqualTo(before);
    }

    /** A browser with a cookie jar that does not follow redirects. */
    final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        /** Opens the sign-in page, posts the form, returns the session id used before signing in. */
        String signIn(String username, String password) throws Exception {
            HttpResponse<String> page = get("/login");
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).isTrue();
            String before = sessionCookie();
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(302);
            assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
            return before;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        String sessionCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
