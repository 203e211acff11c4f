package org.yiwang.notify;

import java.time.Instant;
import java.util.List;

/**
 * An outbound message as the outbox holds it, for administrators watching delivery. Arguments and
 * errors have phone and ID numbers masked.
 *
 * @param attempts      sending attempts so far, including one cut short by a crash
 * @param nextAttemptAt when the worker tries (again); meaningful while {@link Status#PENDING}
 * @param lastError     why the last attempt failed, or why the message was skipped
 */
public record OutboxMessage(long id, long userId, Channel channel, String templateKey, List<String> args, Status status,
                            int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

    public enum Status {
        /** Waiting for its first or next attempt. */
        PENDING,
        /** Handed to the channel's sender. */
        SENT,
        /** Given up after the last attempt; an administrator may retry it. */
        FAILED,
        /** Cannot be sent: unknown recipient, or no address for the channel. */
        SKIPPED
    }
}
