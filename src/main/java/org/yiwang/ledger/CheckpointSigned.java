package org.yiwang.ledger;

/** The ledger signed a new checkpoint (e.g. for the outbound webhooks, event type {@code ledger.checkpoint}). */
public record CheckpointSigned(Checkpoint checkpoint) {
}
