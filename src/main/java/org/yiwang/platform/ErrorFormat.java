package org.yiwang.platform;

/**
 * The shape of error answers under a path where a specification fixes it (Open311's error list). Every other
 * error, from a controller, a filter or Tomcat itself, is an RFC 9457 problem ({@link EdgeErrors}).
 */
public interface ErrorFormat {

    /** Whether errors of requests to {@code path} (the raw request URI) take this format. */
    boolean appliesTo(String path);

    /** The body of one error with this status and (already localized) description. */
    Rendered render(String path, int status, String description);

    /** A rendered error body and its content type. */
    record Rendered(String contentType, byte[] body) {
    }
}
