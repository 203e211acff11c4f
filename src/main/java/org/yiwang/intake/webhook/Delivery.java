package org.yiwang.intake.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one subscriber.
 *
 * @param status {@code PENDING} (waiting for its next attempt), {@code DELIVERED}, or {@code DEAD} (the last
 *               attempt failed: on the dead-letter list until an administrator redelivers it)
 * @param lastStatus the HTTP status of the last attempt, null when none was received
 */
public record Delivery(long id, long webhookId, UUID eventId, String eventType, Long orderId, String status, int attempts,
                       Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt,
                       String payload) {
}
