package org.yiwang.platform;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises a failure that only says "the database cannot be reached right now" — no free connection
 * within {@code yiwang.db.connection-timeout}, a refused or broken connection, a server shutting down or
 * still starting — so that it is answered 503 with {@code Retry-After} (code {@value #MESSAGE_KEY})
 * instead of a 500, by {@link ProblemDetailsAdvice}, the platform's outermost filter and the sign-in.
 */
public final class DatabaseUnavailable {

    /** The message key of the answer (in {@code messages/platform*.properties}). */
    public static final String MESSAGE_KEY = "error.databaseUnavailable";
    /** What {@code Retry-After} tells the client: the supervisor checks every second and a restart takes a few. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything it was caused by, says the database cannot be reached. */
    public static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
            // a pooled connection that broke under a running statement: the I/O error Spring reports as a
            // resource failure, and the rollback that then fails on the closed connection and hides it
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException || t instanceof java.net.SocketException) {
                return true;
            }
            if (t instanceof org.springframework.transaction.TransactionSystemException tx && tx.getApplicationException() != null
                    && causedBy(tx.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), and 57P01–57P03 (admin or crash shutdown, cannot connect now). */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
