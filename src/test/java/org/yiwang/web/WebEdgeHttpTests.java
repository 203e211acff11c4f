package org.yiwang.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.people.PeopleIntegrationTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge over real HTTP, byte by byte (an HTTP client library would refuse to send most of this): what
 * Tomcat refuses itself, what the request guard refuses, and the headers a browser behind TLS relies on.
 */
@PeopleIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class WebEdgeHttpTests {

    static final String RESIDENT = "Basic " + Base64.getEncoder().encodeToString("resident:yiwang-demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Test
    void aNulOrAnEncodedSlashInThePathIsAProblemInTheCallersLanguage() throws IOException {
        Answer zh = send("GET /api/work-orders/%00 HTTP/1.1\r\nHost: localhost\r\n");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.header("content-type")).startsWith("application/problem+json");
        assertThat(zh.body()).contains("\"status\":400").contains("\"title\":\"请求有误\"").contains("\"code\":\"error.http.400\"")
                .doesNotContain("<html").doesNotContain("Tomcat");
        Answer en = send("GET /api/a%2Fb HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en-GB,en;q=0.9\r\n");
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.header("content-type")).startsWith("application/problem+json");
        assertThat(en.body()).contains("\"title\":\"Bad request\"");
    }

    @Test
    void headersOverEightKilobytesAreAProblemToo() throws IOException {
        Answer answer = send("GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(9000) + "\r\n");
        assertThat(answer.status()).isBetween(400, 431);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("<html");
    }

    @Test
    void open311AnswersWhatTomcatAndTheGuardRefuseInItsOwnErrorList() throws IOException {
        Answer nul = send("GET /open311/v2/requests%00.json HTTP/1.1\r\nHost: localhost\r\n");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.header("content-type")).startsWith("application/json");
        assertThat(nul.body()).startsWith("[{\"code\":400,\"description\":");

        Answer badUtf8 = send("GET /open311/v2/requests.json?status=%C3%28 HTTP/1.1\r\nHost: localhost\r\n");
        assertThat(badUtf8.status()).isEqualTo(400);
        assertThat(badUtf8.body()).startsWith("[{\"code\":400,\"description\":");

        StringBuilder many = new StringBuilder("service_code=1");
        for (int i = 0; i < 1001; i++) {
            many.append("&attribute[a").append(i).append("]=x");
        }
        Answer tooMany = post("/open311/v2/requests.json", "application/x-www-form-urlencoded", many.toString(), "");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).startsWith("[{\"code\":400,\"description\":");

        Answer tooLarge = post("/open311/v2/requests.xml", "application/x-www-form-urlencoded",
                "service_code=1&description=" + "x".repeat(2 * 1024 * 1024 + 10), "");
        assertThat(tooLarge.status()).isIn(400, 413);
        assertThat(tooLarge.header("content-type")).startsWith("text/xml");
        assertThat(tooLarge.body()).contains("<errors>").contains("<code>" + tooLarge.status() + "</code>");
    }

    @Test
    void badEncodingAndNulInTheQueryOfTheApiAreProblems() throws IOException {
        Answer badUtf8 = send("GET /api/work-orders?q=%C3%28 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + RESIDENT + "\r\n");
        assertThat(badUtf8.status()).isEqualTo(400);
        assertThat(badUtf8.header("content-type")).startsWith("application/problem+json");
        assertThat(badUtf8.body()).contains("\"code\":\"error.malformedParameters\"");
        Answer nul = send("GET /api/work-orders?category=%00 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + RESIDENT + "\r\n");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body()).contains("\"code\":\"error.nulCharacter\"").contains("category");
    }

    @Test
    void aBrokenMultipartBodyIsAProblemNotAFailure() throws IOException {
        String broken = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG";
        for (String path : new String[]{"/api/photos", "/api/work-orders"}) {
            Answer answer = post(path, "multipart/form-data; boundary=xyz", broken, "Authorization: " + RESIDENT + "\r\n");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("content-type")).as(path).startsWith("application/problem+json");
            assertThat(answer.body()).as(path).contains("\"code\":\"error.malformedMultipart\"").doesNotContain("org.apache");
        }
    }

    @Test
    void whatTheContainerSendsToTheErrorPageIsAProblemOrTheStaffErrorPage() throws IOException {
        // no CSRF token: Spring Security refuses with a bare 403, which the container sends to /error
        Answer api = post("/admin/users", "application/x-www-form-urlencoded", "username=x", "Accept: application/json\r\nAccept-Language: en\r\n");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.header("content-type")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"code\":\"error.http.403\"").contains("\"title\":\"Forbidden\"")
                .doesNotContain("timestamp").doesNotContain("\"error\":");
        Answer direct = send("GET /error HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n");
        assertThat(direct.status()).isEqualTo(404);
        assertThat(direct.body()).contains("\"code\":\"error.http.404\"");
        Answer page = post("/admin/users", "application/x-www-form-urlencoded", "username=x", "Accept: text/html\r\n");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.body()).contains("无权操作").contains("/js/staff/page.js");
    }

    @Test
    void theSignInRedirectDoesNotFollowAForeignHostHeader() throws IOException {
        Answer answer = send("GET /console/inbox HTTP/1.1\r\nHost: evil.example\r\n");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("location")).isEqualTo("/login").doesNotContain("evil");
        Answer logout = send("GET /login?lang=en HTTP/1.1\r\nHost: evil.example\r\n");
        assertThat(logout.status()).isEqualTo(200);
    }

    @Test
    void behindTheTrustedProxyOverTlsTheBrowserGetsHstsAndASecureSessionCookie() throws IOException {
        Answer viaTls = send("GET /login HTTP/1.1\r\nHost: yiwang.example\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9\r\n");
        assertThat(viaTls.status()).isEqualTo(200);
        assertThat(viaTls.header("strict-transport-security")).contains("max-age=31536000");
        assertThat(viaTls.header("set-cookie")).contains("Secure").contains("HttpOnly");

        Answer plain = send("GET /login HTTP/1.1\r\nHost: localhost\r\n");
        assertThat(plain.header("strict-transport-security")).isNull();
        assertThat(plain.header("set-cookie")).doesNotContain("Secure");
    }

    @Test
    void theClientAddressBehindTheTrustedProxyIsTheForwardedOne(org.springframework.boot.test.system.CapturedOutput output)
            throws IOException {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("proxy-client:wrong-password".getBytes(StandardCharsets.UTF_8));
        Answer answer = send("GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 198.51.100.7\r\nAuthorization: " + wrong + "\r\n");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(output.getOut()).contains("Failed sign-in as 'proxy-client' from 198.51.100.7");
    }

    @Test
    void pagesForbidInlineScriptsAndSendNoPathToOtherSites() throws IOException {
        Answer page = send("GET /login HTTP/1.1\r\nHost: localhost\r\n");
        assertThat(page.header("content-security-policy"))
                .contains("script-src 'self';").contains("object-src 'none'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(page.header("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain(" onclick=").doesNotContain(" onchange=");
    }

    Answer post(String path, String contentType, String body, String headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + bytes.length + "\r\n" + headers, bytes);
    }

    Answer send(String head) throws IOException {
        return send(head, new byte[0]);
    }

    /** Sends the request head (and body) as written, with {@code Connection: close}, and reads the whole answer. */
    Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before it has read a body it refuses
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (IOException reset) {
                // what arrived before the reset is the answer
            }
            return Answer.parse(all.toByteArray());
        }
    }

    record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(byte[] bytes) {
            String raw = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                            (a, b) -> a + "\n" + b);
                }
            }
            String body = end < 0 ? "" : raw.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            // the body was read as ISO-8859-1 byte for byte; now as the UTF-8 it is
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        String header(String name) {
            return headers.get(name);
        }

        private static String unchunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                int start = lineEnd + 2;
                int stop = Math.min(chunked.length(), start + size);
                out.append(chunked, start, stop);
                at = stop + 2;
            }
            return out.toString();
        }
    }
}
