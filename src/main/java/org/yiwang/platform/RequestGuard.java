package org.yiwang.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses, before anything else reads them, requests whose parameters cannot be stored or parsed: a NUL
 * character in a parameter name or value (PostgreSQL refuses NUL in text, so it used to fail deep inside as a
 * 500), a query or form body Tomcat cannot decode (invalid UTF-8, more than its 1,000 parameters, a form over
 * 2 MB) and a broken multipart body. Each answer is a 400 (413 for too large) problem naming the parameter.
 * JSON bodies are checked by {@link TextLimits} as Jackson reads them.
 */
class RequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    private final EdgeErrors errors;

    RequestGuard(EdgeErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            errors.write(request, response, 400, "error.nulCharacter", nameBeforeNul(query));
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException | Error unreadable) {
            refuseUnreadable(request, response, unreadable);
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                errors.write(request, response, 400, "error.nulCharacter", parameter.getKey().replace('\0', '?'));
                return;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    errors.write(request, response, 400, "error.nulCharacter", parameter.getKey());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void refuseUnreadable(HttpServletRequest request, HttpServletResponse response, Throwable unreadable) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        int status = statusOf(unreadable);
        log.debug("{} {}: unreadable parameters ({})", request.getMethod(), request.getRequestURI(), unreadable.toString());
        if (status == 413) {
            errors.write(request, response, 413, "error.bodyTooLarge");
        } else if (isTooManyParameters(unreadable)) {
            errors.write(request, response, 400, "error.tooManyParameters");
        } else if (contentType.startsWith("multipart/")) {
            errors.write(request, response, 400, "error.malformedMultipart");
        } else {
            errors.write(request, response, 400, "error.malformedParameters");
        }
    }

    private static int statusOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.InvalidParameterException invalid && invalid.getErrorCode() == 413) {
                return 413;
            }
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException") || name.equals("FileCountLimitExceededException")) {
                return 413;
            }
        }
        return 400;
    }

    private static boolean isTooManyParameters(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("maxparametercount") || message.contains("more than the maximum number of request parameters")
                    || message.contains("too many parameters") || message.contains("maximum number of parameters")) {
                return true;
            }
        }
        return false;
    }

    /** The name of the parameter whose value (or name) holds the first {@code %00}, for the message. */
    private static String nameBeforeNul(String query) {
        int nul = query.toLowerCase(Locale.ROOT).indexOf("%00");
        int start = query.lastIndexOf('&', nul) + 1;
        int equals = query.indexOf('=', start);
        String name = equals < 0 || equals > nul ? query.substring(start, nul) : query.substring(start, equals);
        String printable = name.replaceAll("[^A-Za-z0-9_.\\-\\[\\]]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) : printable;
    }
}
