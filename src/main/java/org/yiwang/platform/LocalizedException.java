package org.yiwang.platform;

import org.springframework.http.HttpStatus;

/**
 * A failure the user caused and can fix, told in the user's language: {@code messageKey} is looked
 * up in the message bundles, {@code args} fill its placeholders. Rendered as an RFC 9457 problem
 * for the API and as a flash message on screens.
 */
public class LocalizedException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    public LocalizedException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + java.util.Arrays.toString(args)));
        this.status = status;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    /** For a subclass that names a refusal more exactly: the status, key and arguments of {@code refusal}. */
    protected LocalizedException(LocalizedException refusal) {
        this(refusal.status, refusal.messageKey, refusal.args);
    }

    public static LocalizedException badRequest(String messageKey, Object... args) {
        return new LocalizedException(HttpStatus.BAD_REQUEST, messageKey, args);
    }

    public static LocalizedException notFound(String messageKey, Object... args) {
        return new LocalizedException(HttpStatus.NOT_FOUND, messageKey, args);
    }

    public static LocalizedException conflict(String messageKey, Object... args) {
        return new LocalizedException(HttpStatus.CONFLICT, messageKey, args);
    }

    public static LocalizedException forbidden(String messageKey, Object... args) {
        return new LocalizedException(HttpStatus.FORBIDDEN, messageKey, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
