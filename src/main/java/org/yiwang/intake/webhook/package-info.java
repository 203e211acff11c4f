/** Outbound webhooks: subscribers, the signed JSON of order events, and their durable delivery outbox. */
@org.jspecify.annotations.NullMarked
package org.yiwang.intake.webhook;
