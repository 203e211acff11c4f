package org.yiwang.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Error answers written outside Spring MVC — by the request guard, the error page and the Tomcat error valve —
 * in the same form as {@code ProblemDetailsAdvice}'s: an RFC 9457 problem with {@code code}, in the caller's
 * language (the {@code yiwang-lang} cookie, else Accept-Language: English if preferred, else zh-CN), or the
 * format an {@link ErrorFormat} fixes for the path.
 */
@Component
public class EdgeErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final List<ErrorFormat> formats;

    EdgeErrors(MessageSource messages, List<ErrorFormat> formats) {
        this.messages = messages;
        this.formats = List.copyOf(formats);
    }

    /** Writes the error as the answer, unless the answer has already begun. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String key, Object... args)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String path = pathOf(request);
        ErrorFormat.Rendered rendered = render(path, localeOf(request), status, key, args);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(rendered.contentType());
        response.setContentLength(rendered.body().length);
        response.getOutputStream().write(rendered.body());
        response.flushBuffer();
    }

    /** The message key for a status that comes without one (Tomcat's own refusals, a bare {@code sendError}). */
    public static String keyOf(int status) {
        return switch (status) {
            case 400, 401, 403, 404, 405, 408, 413, 414, 415, 429, 431, 500, 503 -> "error.http." + status;
            default -> "error.http.other";
        };
    }

    /** The body for an error with this status and message, in {@code locale}. */
    public ErrorFormat.Rendered render(String path, Locale locale, int status, String key, Object... args) {
        String detail = messages.getMessage(key, args, key, locale);
        for (ErrorFormat format : formats) {
            if (format.appliesTo(path)) {
                return format.render(path, status, detail);
            }
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status);
        problem.put("title", messages.getMessage("error.title." + status, null,
                known == null ? String.valueOf(status) : known.getReasonPhrase(), locale));
        problem.put("status", status);
        problem.put("detail", detail);
        if (printable(path)) {
            problem.put("instance", path);
        }
        problem.put("code", key);
        return new ErrorFormat.Rendered(MediaType.APPLICATION_PROBLEM_JSON_VALUE, JSON.writeValueAsBytes(problem));
    }

    /** The caller's language, decided as {@code WebLocaleConfiguration} does, also where Spring MVC has not run. */
    public static Locale localeOf(HttpServletRequest request) {
        Cookie[] cookies = safeCookies(request);
        for (Cookie cookie : cookies) {
            if ("yiwang-lang".equals(cookie.getName()) && cookie.getValue() != null) {
                return cookie.getValue().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : WebLocaleConfiguration.DEFAULT;
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
                if (!ranges.isEmpty() && ranges.getFirst().getRange().toLowerCase(Locale.ROOT).startsWith("en")) {
                    return Locale.ENGLISH;
                }
            } catch (IllegalArgumentException malformed) {
                return WebLocaleConfiguration.DEFAULT;
            }
        }
        return WebLocaleConfiguration.DEFAULT;
    }

    private static Cookie[] safeCookies(HttpServletRequest request) {
        try {
            Cookie[] cookies = request.getCookies();
            return cookies == null ? new Cookie[0] : cookies;
        } catch (RuntimeException malformed) {
            return new Cookie[0];
        }
    }

    static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        return uri == null ? "" : uri;
    }

    /** A path that came in broken (NUL, control characters) is not repeated back. */
    private static boolean printable(String path) {
        return !path.isEmpty() && path.length() <= 2000 && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && new String(path.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(path);
    }
}
