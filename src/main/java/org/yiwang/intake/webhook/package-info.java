/** Outbound webhooks: subscribers, the signed JSON of order events, and their durable delivery outbox. */
package org.yiwang.intake.webhook;
